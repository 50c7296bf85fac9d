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

    /**
     * stripe-java's first request loads and reflects over many classes (Gson adapters, params, models) and opens its
     * first connection, over 3 s locally: done once at the container's start, not inside the first customer's payment.
     */
    void prime() {
        try {
            PaymentIntentCreateParams.builder().setAmount(1L).setCurrency("cny").addPaymentMethodType("card").putMetadata("k", "v").build()
                    .toMap();
            String payload = "{\"id\":\"evt_prime\",\"object\":\"event\",\"type\":\"payment_intent.created\",\"created\":1,"
                    + "\"data\":{\"object\":{\"id\":\"pi_prime\",\"object\":\"payment_intent\",\"amount\":1,\"metadata\":{}}}}";
            long t = System.currentTimeMillis() / 1000;
            verify(payload, "t=" + t + ",v1=" + Webhook.Util.computeHmacSha256(webhookSecret, t + "." + payload));
            // one request of an id that never exists: the request path (HTTP, headers, error parsing) is loaded too
            client.v1().paymentIntents().retrieve("pi_zhidian_priming");
        } catch (Exception | LinkageError e) {
            // priming is only a head start; the first real call loads the same classes
        }
    }

    public static StripeGateway fromEnvironment() {
        // Stripe answers a copy of a request still going through 409 idempotency_key_in_use (concurrent webhooks can each
        // refund a late payment under one key); stripe-java retries it, and network errors, with the same key
        StripeClient.StripeClientBuilder b = StripeClient.builder().setApiKey(Env.get("STRIPE_SECRET_KEY", "sk_test_local"))
                .setMaxNetworkRetries(2);
        String base = Env.get("STRIPE_API_BASE", null);
        if (base != null && !base.isBlank()) b.setApiBase(base);
        StripeGateway g = new StripeGateway(b.build(), Env.get("STRIPE_WEBHOOK_SECRET", "whsec_local"),
                Env.get("PAYMENT_RETURN_URL", "http://localhost:5173/#/h5/orders"));
        g.prime();
        return g;
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
                // web: the till and the H5 show the QR code of next_action.wechat_pay_display_qr_code
                confirm = PaymentIntentConfirmParams.builder().setPaymentMethodData(PaymentIntentConfirmParams.PaymentMethodData.builder()
                        .setType(PaymentIntentConfirmParams.PaymentMethodData.Type.WECHAT_PAY).build())
                        .setPaymentMethodOptions(PaymentIntentConfirmParams.PaymentMethodOptions.builder().setWechatPay(
                                PaymentIntentConfirmParams.PaymentMethodOptions.WechatPay.builder()
                                        .setClient(PaymentIntentConfirmParams.PaymentMethodOptions.WechatPay.Client.WEB).build()).build())
                        .build();
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
        StripeObject o;
        try {
            // getObject() compares the event's api_version with stripe-java's (NPE when the event has none)
            o = e.getDataObjectDeserializer().getObject().orElse(null);
        } catch (RuntimeException ex) {
            o = null;
        }
        if (o == null) {
            try {
                o = e.getDataObjectDeserializer().deserializeUnsafe();
            } catch (Exception ex) {
                o = null;
            }
        }
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
