package com.zhidian.orders.store;

import com.stripe.StripeClient;
import com.stripe.exception.SignatureVerificationException;
import com.stripe.exception.StripeException;
import com.stripe.model.Event;
import com.stripe.model.PaymentIntent;
import com.stripe.model.StripeObject;
import com.stripe.net.RequestOptions;
import com.stripe.net.Webhook;
import com.stripe.param.PaymentIntentConfirmParams;
import com.stripe.param.PaymentIntentCreateParams;
import com.stripe.param.RefundCreateParams;
import com.zhidian.core.Env;
import com.zhidian.core.errors.ApiException;
import com.zhidian.orders.domain.OrdersErrors;
import com.zhidian.orders.domain.PaymentGateway;

/**
 * {@link PaymentGateway} on Stripe through stripe-java: PaymentIntents in CNY with the tenant and order in their
 * metadata, refunds, and webhook events verified with {@link Webhook#constructEvent} (signature and a 300 s tolerance).
 * Settings: STRIPE_SECRET_KEY, STRIPE_WEBHOOK_SECRET and, locally, STRIPE_API_BASE (Zhidian Local's stand-in).
 */
public final class StripeGateway implements PaymentGateway {
    private final StripeClient client;
    private final String webhookSecret;
    private final String returnUrl;

    public StripeGateway(StripeClient client, String webhookSecret, String returnUrl) {
        this.client = client;
        this.webhookSecret = webhookSecret;
        this.returnUrl = returnUrl;
    }

    public static StripeGateway fromEnvironment() {
        StripeClient.StripeClientBuilder b = StripeClient.builder().setApiKey(Env.get("STRIPE_SECRET_KEY", "sk_test_local"));
        String base = Env.get("STRIPE_API_BASE", null);
        if (base != null && !base.isBlank()) b.setApiBase(base);
        return new StripeGateway(b.build(), Env.get("STRIPE_WEBHOOK_SECRET", "whsec_local"),
                Env.get("PAYMENT_RETURN_URL", "http://localhost:5173/#/h5/orders"));
    }

    @Override
    public Intent start(String tenantId, String orderId, long amountFen, String method, String paymentMethod, String idempotencyKey) {
        try {
            PaymentIntentCreateParams.Builder p = PaymentIntentCreateParams.builder().setAmount(amountFen).setCurrency("cny")
                    .addPaymentMethodType(method.equals("card") ? "card" : method)
                    .putMetadata("tenantId", tenantId).putMetadata("orderId", orderId);
            RequestOptions key = RequestOptions.builder().setIdempotencyKey(idempotencyKey).build();
            PaymentIntent pi = client.v1().paymentIntents().create(p.build(), key);
            PaymentIntentConfirmParams confirm = null;
            if ("card".equals(method) && paymentMethod != null) {
                confirm = PaymentIntentConfirmParams.builder().setPaymentMethod(paymentMethod).build();
            } else if ("wechat_pay".equals(method)) {
                confirm = PaymentIntentConfirmParams.builder().setPaymentMethodData(PaymentIntentConfirmParams.PaymentMethodData.builder()
                        .setType(PaymentIntentConfirmParams.PaymentMethodData.Type.WECHAT_PAY).build()).build();
            } else if ("alipay".equals(method)) {
                confirm = PaymentIntentConfirmParams.builder().setReturnUrl(returnUrl).setPaymentMethodData(
                        PaymentIntentConfirmParams.PaymentMethodData.builder().setType(PaymentIntentConfirmParams.PaymentMethodData.Type.ALIPAY)
                                .build()).build();
            }
            if (confirm != null && "requires_payment_method".equals(pi.getStatus())) {
                try {
                    pi = client.v1().paymentIntents().confirm(pi.getId(), confirm,
                            RequestOptions.builder().setIdempotencyKey(idempotencyKey + "-confirm").build());
                } catch (com.stripe.exception.CardException declined) {
                    throw new OrdersErrors.PaymentFailed(declined.getCode() == null ? "card_declined" : declined.getCode());
                }
            }
            return new Intent(pi.getId(), pi.getStatus(), pi.getClientSecret());
        } catch (StripeException e) {
            throw unavailable(e);
        }
    }

    @Override
    public String refund(String providerRef, long amountFen, String idempotencyKey) {
        try {
            return client.v1().refunds().create(RefundCreateParams.builder().setPaymentIntent(providerRef).setAmount(amountFen).build(),
                    RequestOptions.builder().setIdempotencyKey(idempotencyKey).build()).getId();
        } catch (StripeException e) {
            throw unavailable(e);
        }
    }

    @Override
    public Event verify(String payload, String signature) {
        com.stripe.model.Event e;
        try {
            e = Webhook.constructEvent(payload, signature, webhookSecret);
        } catch (SignatureVerificationException | RuntimeException ex) {
            throw new BadSignature(ex.getMessage() == null ? "bad signature" : ex.getMessage());
        }
        StripeObject o = e.getDataObjectDeserializer().getObject().orElseGet(() -> {
            try {
                return e.getDataObjectDeserializer().deserializeUnsafe();
            } catch (Exception ex) {
                return null;
            }
        });
        if (!(o instanceof PaymentIntent pi)) return new Event(e.getId(), e.getType(), null, null, null, 0, e.getCreated());
        var md = pi.getMetadata();
        return new Event(e.getId(), e.getType(), pi.getId(), md == null ? null : md.get("tenantId"), md == null ? null : md.get("orderId"),
                pi.getAmount() == null ? 0 : pi.getAmount(), e.getCreated());
    }

    private static ApiException unavailable(StripeException e) {
        Integer status = e.getStatusCode();
        if (status != null && status >= 400 && status < 500) {
            return new ApiException(502, "Payment provider refused", "the payment provider refused: " + e.getMessage(), null);
        }
        return ApiException.unavailable("the payment provider is unavailable; retry shortly");
    }
}
