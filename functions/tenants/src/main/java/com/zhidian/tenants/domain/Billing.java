package com.zhidian.tenants.domain;

/**
 * A tenant's billing with the provider (its Stripe customer and the subscription to its plan), as the provider sees
 * it. {@code setup} is {@code pending} until the customer and the subscription exist (Stripe was unreachable at
 * onboarding, or the retry has not run yet) and {@code ready} after. {@code paymentFailed} flags the tenant to the
 * provider when a renewal failed; the tenant is never suspended for it automatically.
 *
 * <p>Stripe delivers webhooks at least once and in no guaranteed order, so each part keeps the Stripe {@code created}
 * time (epoch seconds) of the event that last set it, and an older event never overwrites a newer one:
 * {@code statusAt} for the subscription's status and period, {@code flagAt} for the payment-failed flag (set by
 * {@code invoice.payment_failed} or a {@code past_due}/{@code unpaid} status, cleared by {@code invoice.paid} or an
 * {@code active} status; at the same second a failure wins, so the provider is told rather than not).
 */
public record Billing(String setup, String customerId, String subscriptionId, String itemId, String subscriptionStatus,
                      String currentPeriodEnd, boolean paymentFailed, PaymentFailure lastPaymentFailure,
                      String pendingReason, long statusAt, long flagAt) {

    public static final String PENDING = "pending";
    public static final String READY = "ready";

    /** The last failed collection: when, which invoice, how much (in the currency's minor unit). */
    public record PaymentFailure(String at, String invoiceId, long amountDue, String currency) {}

    public static Billing pending(String reason) {
        return new Billing(PENDING, null, null, null, null, null, false, null, reason, 0, 0);
    }

    /** The customer and subscription exist now; what a later event already said (a failure flag) is kept. */
    public Billing ready(BillingGateway.Subscription s) {
        return new Billing(READY, s.customerId(), s.subscriptionId(), s.itemId(), s.status(), s.currentPeriodEnd(),
                paymentFailed, lastPaymentFailure, null, statusAt, flagAt);
    }

    public Billing stillPending(String reason) {
        return new Billing(PENDING, customerId, subscriptionId, itemId, subscriptionStatus, currentPeriodEnd, paymentFailed,
                lastPaymentFailure, reason, statusAt, flagAt);
    }

    public boolean isPending() { return !READY.equals(setup); }

    /**
     * Two statuses of the same second (Stripe's {@code created} has no finer grain) are ordered by where they sit in a
     * subscription's life, so the outcome does not depend on which was delivered first.
     */
    static int rank(String status) {
        if (status == null) return -1;
        return switch (status) {
            case "incomplete", "trialing" -> 0;
            case "active" -> 1;
            case "past_due" -> 2;
            case "unpaid", "paused" -> 3;
            case "incomplete_expired", "canceled" -> 4;
            default -> 0;
        };
    }

    /** What an event says about the flag: true (a payment failed), false (paid), null (nothing). */
    static Boolean flagOpinion(SubscriptionEvent e) {
        return switch (e.type()) {
            case SubscriptionEvent.PAYMENT_FAILED -> true;
            case SubscriptionEvent.INVOICE_PAID -> false;
            default -> "past_due".equals(e.status()) || "unpaid".equals(e.status()) ? Boolean.TRUE
                    : "active".equals(e.status()) || "trialing".equals(e.status()) ? Boolean.FALSE : null;
        };
    }

    /**
     * The billing after one Stripe event about this tenant's subscription or invoices. Pure, idempotent (the same event
     * twice is the same as once) and independent of the order events arrive in.
     */
    public Billing apply(SubscriptionEvent e) {
        boolean flag = paymentFailed;
        long flagTime = flagAt;
        Boolean opinion = flagOpinion(e);
        if (opinion != null && e.created() > flagAt) {
            flag = opinion;
            flagTime = e.created();
        } else if (opinion != null && e.created() == flagAt) {
            flag = flag || opinion;
        }
        PaymentFailure failure = lastPaymentFailure;
        if (e.type().equals(SubscriptionEvent.PAYMENT_FAILED)) {
            PaymentFailure f = new PaymentFailure(e.at(), e.invoiceId(), e.amountDue(), e.currency());
            if (failure == null || failure.at().compareTo(f.at()) < 0
                    || (failure.at().equals(f.at()) && String.valueOf(failure.invoiceId()).compareTo(String.valueOf(f.invoiceId())) < 0)) {
                failure = f;
            }
        }
        String status = subscriptionStatus;
        String periodEnd = currentPeriodEnd;
        long statusTime = statusAt;
        boolean newer = e.created() > statusAt || (e.created() == statusAt && rank(e.status()) >= rank(status));
        if (e.type().startsWith("customer.subscription.") && e.status() != null && newer) {
            status = e.status();
            if (e.currentPeriodEnd() != null) periodEnd = e.currentPeriodEnd();
            statusTime = e.created();
        }
        return new Billing(setup, customerId != null ? customerId : e.customerId(),
                subscriptionId != null ? subscriptionId : e.subscriptionId(), itemId, status, periodEnd, flag, failure,
                pendingReason, statusTime, flagTime);
    }
}
