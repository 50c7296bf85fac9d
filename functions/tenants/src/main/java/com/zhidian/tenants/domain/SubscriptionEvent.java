package com.zhidian.tenants.domain;

/**
 * What tenant billing reads from one verified Stripe event: {@code invoice.payment_failed}, {@code invoice.paid} or
 * {@code customer.subscription.created|updated|deleted}. {@code created} is the event's time in epoch seconds and
 * {@code at} the same instant as ISO-8601; amounts are in the currency's minor unit.
 */
public record SubscriptionEvent(String eventId, String type, long created, String at, String tenantId, String customerId,
                                String subscriptionId, String status, String currentPeriodEnd, String invoiceId,
                                long amountDue, String currency) {
    public static final String PAYMENT_FAILED = "invoice.payment_failed";
    public static final String INVOICE_PAID = "invoice.paid";
    public static final String SUBSCRIPTION_CREATED = "customer.subscription.created";
    public static final String SUBSCRIPTION_UPDATED = "customer.subscription.updated";
    public static final String SUBSCRIPTION_DELETED = "customer.subscription.deleted";

    public static final java.util.Set<String> TYPES = java.util.Set.of(PAYMENT_FAILED, INVOICE_PAID, SUBSCRIPTION_CREATED,
            SUBSCRIPTION_UPDATED, SUBSCRIPTION_DELETED);
}
