package com.zhidian.parking.store;

import com.stripe.StripeClient;
import com.stripe.exception.CardException;
import com.stripe.exception.StripeException;
import com.stripe.model.PaymentIntent;
import com.stripe.model.PaymentMethod;
import com.stripe.model.SetupIntent;
import com.stripe.net.RequestOptions;
import com.stripe.param.CustomerCreateParams;
import com.stripe.param.PaymentIntentCreateParams;
import com.stripe.param.SetupIntentCreateParams;
import com.zhidian.core.Env;
import com.zhidian.core.errors.ApiException;
import com.zhidian.parking.domain.ParkingErrors;
import com.zhidian.parking.domain.ParkingPayments;

/**
 * Parking fees on Stripe through stripe-java (https://docs.stripe.com/payments/save-and-reuse): a Customer per member,
 * the member's card saved with a SetupIntent (usage off_session), and at the exit a PaymentIntent confirmed off-session
 * with the saved card. Metadata names the tenant and the stay, never an order, so orders' webhook leaves these alone.
 * Settings as orders': STRIPE_SECRET_KEY and, locally, STRIPE_API_BASE.
 */
public final class StripeParkingPayments implements ParkingPayments {
    private final StripeClient client;

    public StripeParkingPayments(StripeClient client) {
        this.client = client;
    }

    public static StripeParkingPayments fromEnvironment() {
        StripeClient.StripeClientBuilder b = StripeClient.builder().setApiKey(Env.get("STRIPE_SECRET_KEY", "sk_test_local"))
                .setMaxNetworkRetries(2); // stripe-java retries a lost connection or a 409 idempotency_key_in_use with the same key
        String base = Env.get("STRIPE_API_BASE", null);
        if (base != null && !base.isBlank()) b.setApiBase(base);
        return new StripeParkingPayments(b.build());
    }

    @Override
    public String customer(String tenantId, String memberId) {
        try {
            return client.v1().customers().create(CustomerCreateParams.builder().putMetadata("tenantId", tenantId)
                    .putMetadata("memberId", memberId).build(), RequestOptions.builder()
                    .setIdempotencyKey("parking-customer-" + tenantId + "-" + memberId).build()).getId();
        } catch (StripeException e) {
            throw unavailable(e);
        }
    }

    @Override
    public SavedCard setUp(String customer, String paymentMethod, String idempotencyKey) {
        try {
            RequestOptions.RequestOptionsBuilder o = RequestOptions.builder();
            if (idempotencyKey != null) o.setIdempotencyKey(idempotencyKey);
            SetupIntent si = client.v1().setupIntents().create(SetupIntentCreateParams.builder().setCustomer(customer)
                    .setPaymentMethod(paymentMethod).addPaymentMethodType("card").setUsage(SetupIntentCreateParams.Usage.OFF_SESSION)
                    .setConfirm(true).build(), o.build());
            if (!"succeeded".equals(si.getStatus())) throw new ParkingErrors.PaymentFailed("authentication_required");
            return new SavedCard(si.getPaymentMethod(), label(si.getPaymentMethod()));
        } catch (CardException declined) {
            throw new ParkingErrors.PaymentFailed(declined.getDeclineCode() != null ? declined.getDeclineCode()
                    : declined.getCode() == null ? "card_declined" : declined.getCode());
        } catch (StripeException e) {
            throw unavailable(e);
        }
    }

    /** What the H5 shows of a saved card: brand and last four digits. */
    private String label(String paymentMethod) {
        try {
            PaymentMethod pm = client.v1().paymentMethods().retrieve(paymentMethod);
            return pm.getCard() == null ? "card" : pm.getCard().getBrand() + " ····" + pm.getCard().getLast4();
        } catch (StripeException e) {
            return "card";
        }
    }

    @Override
    public Charge charge(String tenantId, String sessionId, long amountFen, String customer, String paymentMethod, boolean offSession,
                         String idempotencyKey) {
        PaymentIntentCreateParams.Builder p = PaymentIntentCreateParams.builder().setAmount(amountFen).setCurrency("cny")
                .addPaymentMethodType("card").setPaymentMethod(paymentMethod).setConfirm(true)
                .putMetadata("tenantId", tenantId).putMetadata("parkingSessionId", sessionId).setDescription("parking " + sessionId);
        if (customer != null) p.setCustomer(customer);
        if (offSession) p.setOffSession(true);
        try {
            PaymentIntent pi = client.v1().paymentIntents().create(p.build(), RequestOptions.builder().setIdempotencyKey(idempotencyKey).build());
            return "succeeded".equals(pi.getStatus()) ? new Charge(true, pi.getId(), null) : new Charge(false, pi.getId(), "authentication_required");
        } catch (CardException declined) {
            String code = declined.getDeclineCode() != null ? declined.getDeclineCode() : declined.getCode() == null ? "card_declined" : declined.getCode();
            String ref = declined.getStripeError() != null && declined.getStripeError().getPaymentIntent() != null
                    ? declined.getStripeError().getPaymentIntent().getId() : null;
            return new Charge(false, ref, code);
        } catch (com.stripe.exception.InvalidRequestException bad) {
            if ("payment_method".equals(bad.getParam())) return new Charge(false, null, "invalid_payment_method");
            throw unavailable(bad);
        } catch (StripeException e) {
            throw unavailable(e);
        }
    }

    private static ApiException unavailable(StripeException e) {
        return ApiException.unavailable("the payment provider is unavailable; retry shortly").inChinese("支付服务暂时不可用，请稍后重试");
    }
}
