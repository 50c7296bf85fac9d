package com.zhidian.tenants.domain;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import org.junit.jupiter.api.Test;

class BillingTest {
    static final Billing READY = Billing.pending("setting_up")
            .ready(new BillingGateway.Subscription("cus_1", "sub_1", "si_1", "active", "2026-06-01T00:00:00Z"));

    static SubscriptionEvent status(String id, long created, String status) {
        return new SubscriptionEvent(id, SubscriptionEvent.SUBSCRIPTION_UPDATED, created, Instant.ofEpochSecond(created).toString(),
                "tn_1", "cus_1", "sub_1", status, Instant.ofEpochSecond(created + 1000).toString(), null, 0, null);
    }

    static SubscriptionEvent failed(String id, long created) {
        return new SubscriptionEvent(id, SubscriptionEvent.PAYMENT_FAILED, created, Instant.ofEpochSecond(created).toString(),
                null, "cus_1", "sub_1", null, null, "in_" + id, 9900, "cny");
    }

    static SubscriptionEvent paid(String id, long created) {
        return new SubscriptionEvent(id, SubscriptionEvent.INVOICE_PAID, created, Instant.ofEpochSecond(created).toString(),
                null, "cus_1", "sub_1", null, null, "in_" + id, 9900, "cny");
    }

    @Test
    void aFailedRenewal_flagsTheTenant_andRecordsTheInvoice() {
        Billing b = READY.apply(failed("e1", 100)).apply(status("e2", 100, "past_due"));
        assertTrue(b.paymentFailed());
        assertEquals("past_due", b.subscriptionStatus());
        assertEquals("in_e1", b.lastPaymentFailure().invoiceId());
        assertEquals(9900, b.lastPaymentFailure().amountDue());
    }

    @Test
    void theSameTwoEvents_inTheOtherOrder_flagAlike() {
        Billing b = READY.apply(status("e2", 100, "past_due")).apply(failed("e1", 100));
        assertTrue(b.paymentFailed());
        assertEquals("past_due", b.subscriptionStatus());
    }

    @Test
    void aLaterPayment_clearsTheFlag_butKeepsTheHistory() {
        Billing b = READY.apply(failed("e1", 100)).apply(status("e2", 100, "past_due")).apply(paid("e3", 200)).apply(status("e4", 200, "active"));
        assertFalse(b.paymentFailed());
        assertEquals("active", b.subscriptionStatus());
        assertEquals("in_e1", b.lastPaymentFailure().invoiceId());
    }

    @Test
    void anOlderStatus_arrivingLate_changesNothing() {
        Billing b = READY.apply(status("e2", 200, "past_due"));
        assertEquals(b, b.apply(status("e1", 100, "active")));
        assertEquals(b, b.apply(paid("e0", 150)));
    }

    @Test
    void subscriptionDeleted_isShown_andAFlagStays() {
        Billing b = READY.apply(failed("e1", 100)).apply(new SubscriptionEvent("e2", SubscriptionEvent.SUBSCRIPTION_DELETED, 300,
                "x", "tn_1", "cus_1", "sub_1", "canceled", null, null, 0, null));
        assertEquals("canceled", b.subscriptionStatus());
        assertTrue(b.paymentFailed());
    }

    @Test
    void pendingBilling_becomesReady_keepingWhatAnEarlyEventSaid() {
        Billing early = Billing.pending("setting_up").apply(failed("e1", 100));
        Billing ready = early.ready(new BillingGateway.Subscription("cus_1", "sub_1", "si_1", "past_due", null));
        assertFalse(ready.isPending());
        assertTrue(ready.paymentFailed());
        assertEquals(null, ready.pendingReason());
    }
}
