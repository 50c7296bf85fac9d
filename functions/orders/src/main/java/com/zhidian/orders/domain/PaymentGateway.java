package com.zhidian.orders.domain;

/**
 * The one port to a payment provider. The adapter of the build is Stripe ({@code store.StripeGateway}); a provider
 * serving merchants in mainland China (which Stripe does not onboard) adds a direct WeChat Pay or Alipay adapter here,
 * and nothing else of the orders context changes.
 */
public interface PaymentGateway {
    /** A payment started with the provider: its id, its status as the provider says, what the client needs to finish it. */
    record Intent(String id, String status, String clientSecret) {}

    /**
     * Starts a payment of {@code amountFen} (CNY) by {@code method} (card, wechat_pay, alipay) for the order; the same
     * {@code idempotencyKey} gives the same intent. {@code paymentMethod} (a card token the terminal read; null: the
     * client finishes the payment with the intent's client secret) confirms it at once; WeChat Pay and Alipay are
     * confirmed at once and wait for the customer (a QR code, a redirect).
     */
    Intent start(String tenantId, String orderId, long amountFen, String method, String paymentMethod, String idempotencyKey);

    /** Money back on a payment; answers the provider's refund id. The same key refunds once. */
    String refund(String providerRef, long amountFen, String idempotencyKey);

    /** A verified event of the provider about a payment. */
    record Event(String id, String type, String providerRef, String tenantId, String orderId, long amount, long created) {
        public static final String SUCCEEDED = "payment_intent.succeeded";
        public static final String FAILED = "payment_intent.payment_failed";
    }

    /** The event in {@code payload} if {@code signature} proves the provider sent it (and recently); else BadSignature. */
    Event verify(String payload, String signature);

    final class BadSignature extends RuntimeException {
        public BadSignature(String why) { super(why, null, false, false); }
    }
}
