package com.zhidian.tenants.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.stripe.StripeClient;
import com.stripe.exception.SignatureVerificationException;
import com.stripe.net.Webhook;
import com.zhidian.core.Json;
import com.zhidian.local.stripe.StripeLocal;
import com.zhidian.tenants.application.BillingService;
import com.zhidian.tenants.domain.Billing;
import com.zhidian.tenants.domain.Tenant;
import com.zhidian.tenants.fakes.InMemoryTenants;
import com.zhidian.tenants.store.StripeBillingGateway;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Stripe's own events, from the stand-in, signed as Stripe signs them, through the entry the webhook calls. */
class StripeBillingEventsTest {
    private static final String SECRET = StripeLocal.DEFAULT_WEBHOOK_SECRET;
    private final StripeLocal stripe = StripeLocal.start("127.0.0.1", 0);
    private final StripeBillingGateway gateway = new StripeBillingGateway(
            StripeClient.builder().setApiKey("sk_test_local").setApiBase(stripe.endpoint().toString()).build(),
            StripeBillingGateway.pricesFromEnvironment());
    private final InMemoryTenants tenants = new InMemoryTenants();
    private final BillingService billing = new BillingService(tenants, gateway);
    private final StripeBillingEvents entry = new StripeBillingEvents(billing, SECRET);

    @AfterEach
    void stop() { stripe.close(); }

    private Tenant tenant(String id) {
        Tenant t = new Tenant(id, "鲜果连锁", "standard", "Asia/Shanghai", "active", "2026-05-01T00:00:00Z",
                new Tenant.Owner("u1", "owner@" + id + ".example", "王", "13800138000"), Billing.pending("setting_up"));
        tenants.tenants.put(id, t);
        return billing.setUp(t);
    }

    static String sign(String payload, long t) throws Exception {
        return "t=" + t + ",v1=" + Webhook.Util.computeHmacSha256(SECRET, t + "." + payload);
    }

    /** The stand-in's events of this object, oldest first, as JSON bodies. */
    private List<String> eventsOf(String objectId) {
        return stripe.events().stream().map(stripe::object)
                .filter(json -> json.contains("\"" + objectId + "\"")).toList();
    }

    @Test
    void aFailedRenewal_flagsTheTenant_whateverTheOrderAndHowOftenDelivered() throws Exception {
        Tenant t = tenant("tn_a");
        String sub = t.billing().subscriptionId();
        assertEquals("active", tenants.tenants.get("tn_a").billing().subscriptionStatus());
        stripe.subscriptionPaymentFailed(sub);
        List<String> events = eventsOf(sub);
        long now = Webhook.Util.getTimeNow();
        // newest first (reversed), then all again: at least once, in no guaranteed order
        for (int i = events.size() - 1; i >= 0; i--) entry.acceptSigned(events.get(i), sign(events.get(i), now));
        for (String e : events) entry.acceptSigned(e, sign(e, now));
        Billing b = tenants.tenants.get("tn_a").billing();
        assertTrue(b.paymentFailed());
        assertEquals("past_due", b.subscriptionStatus());
        JsonNode invoice = Json.read(stripe.object(b.lastPaymentFailure().invoiceId()));
        assertEquals("invoice", invoice.get("object").asText());
        assertEquals("active", tenants.tenants.get("tn_a").status(), "flagged, not suspended");
    }

    @Test
    void aForgedOrStaleSignature_changesNothing() throws Exception {
        Tenant t = tenant("tn_b");
        stripe.subscriptionPaymentFailed(t.billing().subscriptionId());
        String failed = eventsOf(t.billing().subscriptionId()).stream().filter(e -> e.contains("invoice.payment_failed")).findFirst().orElseThrow();
        long now = Webhook.Util.getTimeNow();
        String forged = failed.replace("\"livemode\":false", "\"livemode\":false ");
        assertThrows(SignatureVerificationException.class, () -> entry.acceptSigned(forged, sign(failed, now)));
        assertThrows(SignatureVerificationException.class, () -> entry.acceptSigned(failed, sign(failed, now - 3600)));
        assertThrows(SignatureVerificationException.class, () -> entry.acceptSigned(failed, "t=" + now + ",v1=00"));
        assertFalse(tenants.tenants.get("tn_b").billing().paymentFailed());
        assertEquals(BillingService.Outcome.APPLIED, entry.acceptSigned(failed, sign(failed, now)));
        assertTrue(tenants.tenants.get("tn_b").billing().paymentFailed());
    }

    @Test
    void otherEvents_andOtherCustomers_areNotBillings() throws Exception {
        tenant("tn_c");
        String foreign = "{\"id\":\"evt_x\",\"object\":\"event\",\"api_version\":\"2025-10-29.clover\",\"created\":1,\"type\":\"invoice.payment_failed\","
                + "\"data\":{\"object\":{\"id\":\"in_x\",\"object\":\"invoice\",\"customer\":\"cus_nobody\",\"amount_due\":1}},\"livemode\":false}";
        long now = Webhook.Util.getTimeNow();
        assertEquals(BillingService.Outcome.UNKNOWN_TENANT, entry.acceptSigned(foreign, sign(foreign, now)));
        String other = foreign.replace("invoice.payment_failed", "payment_intent.succeeded");
        assertEquals(BillingService.Outcome.NOT_BILLING, entry.acceptSigned(other, sign(other, now)));
        assertFalse(StripeBillingEvents.handles("charge.refunded"));
        assertTrue(StripeBillingEvents.handles("customer.subscription.updated"));
    }

    @Test
    void theGateway_createsCustomerAndSubscription_andMovesThePlan() throws Exception {
        Tenant t = tenant("tn_d");
        JsonNode customer = Json.read(stripe.object(t.billing().customerId()));
        assertEquals("tn_d", customer.get("metadata").get("tenant_id").asText());
        assertEquals("owner@tn_d.example", customer.get("email").asText());
        JsonNode sub = Json.read(stripe.object(t.billing().subscriptionId()));
        assertEquals("price_zhidian_standard_monthly", sub.get("items").get("data").get(0).get("price").get("id").asText());
        billing.movePlan(tenants.tenants.get("tn_d"), "premium");
        sub = Json.read(stripe.object(t.billing().subscriptionId()));
        assertEquals("price_zhidian_premium_monthly", sub.get("items").get("data").get(0).get("price").get("id").asText());
        assertEquals(1, sub.get("items").get("data").size());
        // the same set-up again (an answer lost) gets Stripe's saved answer: no second customer or subscription
        var again = gateway.subscribe("tn_d", null, t.name(), t.owner().email(), "standard");
        assertEquals(t.billing().customerId(), again.customerId());
        assertEquals(t.billing().subscriptionId(), again.subscriptionId());
    }

    @Test
    void stripeDown_leavesBillingPending_untilARetry() {
        stripe.setUnavailable(true);
        Tenant t = tenant("tn_e");
        assertEquals("pending", t.billing().setup());
        stripe.setUnavailable(false);
        assertEquals("ready", billing.retry("tn_e").billing().setup());
    }
}
