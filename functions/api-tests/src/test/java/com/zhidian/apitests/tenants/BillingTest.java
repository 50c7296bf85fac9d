package com.zhidian.apitests.tenants;

import static com.zhidian.apitests.support.Api.map;
import static com.zhidian.apitests.support.Problems.assertFieldErrors;
import static com.zhidian.apitests.support.Problems.assertProblem;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.stripe.net.Webhook;
import com.zhidian.apitests.support.Api;
import com.zhidian.apitests.support.Fixtures;
import com.zhidian.apitests.support.Local;
import com.zhidian.local.stripe.StripeLocal;
import com.zhidian.tenants.api.StripeBillingEvents;
import com.zhidian.tenants.application.BillingService;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Tenant billing (issue 19): the tenant's Stripe customer and subscription, read back from the Stripe stand-in. */
class BillingTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    private static StripeLocal stripe() { return Local.instance().stripe(); }

    private static JsonNode stripeObject(String id) throws Exception {
        String json = stripe().object(id);
        assertTrue(json != null, () -> "no Stripe object " + id);
        return JSON.readTree(json);
    }

    private static JsonNode billingOf(String tenantId) {
        Api.Res r = Fixtures.provider().get("/admin/tenants/" + tenantId);
        assertEquals(200, r.status(), r::toString);
        return r.json().get("billing");
    }

    @Test
    void onboarding_createsTheCustomerAndASubscriptionToThePlan() throws Exception {
        Fixtures.TenantFixture t = Fixtures.newTenant("standard", 1);
        JsonNode b = billingOf(t.tenantId());
        assertEquals("ready", b.get("state").asText(), b::toString);
        assertEquals("active", b.get("subscriptionStatus").asText());
        assertFalse(b.get("paymentFailed").asBoolean());
        assertTrue(b.get("currentPeriodEnd").asText().endsWith("Z"));
        JsonNode customer = stripeObject(b.get("customerId").asText());
        assertEquals(t.tenantId(), customer.get("metadata").get("tenant_id").asText());
        assertEquals(t.ownerEmail(), customer.get("email").asText());
        JsonNode sub = stripeObject(b.get("subscriptionId").asText());
        assertEquals(customer.get("id").asText(), sub.get("customer").asText());
        assertEquals("price_zhidian_standard_monthly", sub.get("items").get("data").get(0).get("price").get("id").asText());
    }

    @Test
    void aPlanChange_movesTheSubscriptionToThePlansPrice() throws Exception {
        Fixtures.TenantFixture t = Fixtures.newTenant("basic", 1);
        Api.Res r = Fixtures.provider().patch("/admin/tenants/" + t.tenantId(), map("plan", "premium"));
        assertEquals(200, r.status(), r::toString);
        assertEquals("premium", r.json().get("plan").asText());
        JsonNode sub = stripeObject(r.json().get("billing").get("subscriptionId").asText());
        assertEquals(1, sub.get("items").get("data").size());
        assertEquals("price_zhidian_premium_monthly", sub.get("items").get("data").get(0).get("price").get("id").asText());
    }

    @Test
    void theBillingEndpoint_refusesForgedAndStaleEvents_andChangesNothing() throws Exception {
        Fixtures.TenantFixture t = Fixtures.newTenant("basic", 1);
        String sub = billingOf(t.tenantId()).get("subscriptionId").asText();
        String event = "{\"id\":\"evt_forged_" + sub + "\",\"object\":\"event\",\"type\":\"invoice.payment_failed\",\"created\":"
                + Webhook.Util.getTimeNow() + ",\"data\":{\"object\":{\"object\":\"invoice\",\"id\":\"in_forged\",\"subscription\":\"" + sub + "\"}}}";
        long now = Webhook.Util.getTimeNow();
        String wrongKey = "t=" + now + ",v1=" + Webhook.Util.computeHmacSha256("whsec_not_the_endpoints", now + "." + event);
        String stale = "t=" + (now - 3600) + ",v1=" + Webhook.Util.computeHmacSha256(StripeLocal.DEFAULT_WEBHOOK_SECRET, (now - 3600) + "." + event);
        for (String sig : List.of(wrongKey, stale)) {
            Api.Res r = Fixtures.anonymous().with("Stripe-Signature", sig).post("/webhooks/stripe-billing", event);
            assertEquals(400, r.status(), r::toString);
        }
        assertFalse(billingOf(t.tenantId()).get("paymentFailed").asBoolean(), "nothing changed");
    }

    @Test
    void aFailedRenewal_flagsTheTenantToTheProvider_withoutSuspendingIt() throws Exception {
        Fixtures.TenantFixture t = Fixtures.newTenant("standard", 1);
        String sub = billingOf(t.tenantId()).get("subscriptionId").asText();
        stripe().subscriptionPaymentFailed(sub);
        // Stripe sends invoice.payment_failed and customer.subscription.updated to the billing endpoint, signed, in no order
        JsonNode flaggedNow = null;
        for (int i = 0; i < 200; i++) {
            flaggedNow = billingOf(t.tenantId());
            // the subscription's past_due alone raises the flag: wait for the invoice's failure too
            if (flaggedNow.get("paymentFailed").asBoolean() && "past_due".equals(flaggedNow.path("subscriptionStatus").asText())
                    && flaggedNow.path("lastPaymentFailure").has("invoiceId")) break;
            Thread.sleep(50);
        }
        assertTrue(flaggedNow.get("paymentFailed").asBoolean(), flaggedNow::toString);
        JsonNode b = billingOf(t.tenantId());
        assertTrue(b.get("paymentFailed").asBoolean(), b::toString);
        assertEquals("past_due", b.get("subscriptionStatus").asText());
        assertTrue(b.get("lastPaymentFailure").get("invoiceId").asText().startsWith("in_"));
        Api.Res tenant = Fixtures.provider().get("/admin/tenants/" + t.tenantId());
        assertEquals("active", tenant.json().get("status").asText(), "flagged, not suspended");
        assertEquals(200, t.owner().get("/stores").status(), "the owner still works");
        // the provider finds it among the flagged tenants
        Api.Res flagged = Fixtures.provider().get("/admin/tenants?paymentFailed=true&limit=200");
        assertEquals(200, flagged.status(), flagged::toString);
        boolean found = false;
        for (JsonNode x : flagged.json().get("items")) {
            assertTrue(x.get("billing").get("paymentFailed").asBoolean());
            found |= x.get("tenantId").asText().equals(t.tenantId());
        }
        assertTrue(found || flagged.json().get("nextCursor").isTextual(), "the flagged tenant is listed");
    }

    @Test
    void stripeDown_atOnboarding_stillOnboardsTheTenant_withBillingPending_andARetrySetsItUp() {
        Fixtures.TenantFixture t;
        try {
            stripe().setUnavailable(true);
            t = Fixtures.newTenant("premium", 1);
            JsonNode b = billingOf(t.tenantId());
            assertEquals("pending", b.get("state").asText(), b::toString);
            assertTrue(b.get("customerId").isNull());
            assertEquals(200, t.owner().get("/stores").status(), "the whole tenant exists and works");
            assertProblem(Fixtures.provider().post("/admin/tenants/" + t.tenantId() + "/billing", map()), 503);
            assertEquals("pending", billingOf(t.tenantId()).get("state").asText());
        } finally {
            stripe().setUnavailable(false);
        }
        Api.Res retried = Fixtures.provider().post("/admin/tenants/" + t.tenantId() + "/billing", map());
        assertEquals(200, retried.status(), retried::toString);
        assertEquals("ready", retried.json().get("billing").get("state").asText());
        assertEquals("active", retried.json().get("billing").get("subscriptionStatus").asText());
        Api.Res again = Fixtures.provider().post("/admin/tenants/" + t.tenantId() + "/billing", map());
        assertEquals(retried.json().get("billing").get("subscriptionId"), again.json().get("billing").get("subscriptionId"), "no second subscription");
    }

    @Test
    void stripeDown_atAPlanChange_changesNothing() {
        Fixtures.TenantFixture t = Fixtures.newTenant("basic", 1);
        try {
            stripe().setUnavailable(true);
            Api.Res r = Fixtures.provider().patch("/admin/tenants/" + t.tenantId(), map("plan", "premium", "name", "新名字"));
            assertProblem(r, 503);
            assertEquals("billing.unavailable", r.json().get("code").asText());
        } finally {
            stripe().setUnavailable(false);
        }
        Api.Res after = Fixtures.provider().get("/admin/tenants/" + t.tenantId());
        assertEquals("basic", after.json().get("plan").asText());
        assertFalse(after.json().get("name").asText().equals("新名字"));
    }

    @Test
    void search_findsByNamePartOrEmail_andBadFiltersAre400() {
        Fixtures.TenantFixture t = Fixtures.newTenant("basic", 1);
        String name = Fixtures.provider().get("/admin/tenants/" + t.tenantId()).json().get("name").asText();
        Api.Res byName = Fixtures.provider().get("/admin/tenants?limit=200&q=" + java.net.URLEncoder.encode(name, java.nio.charset.StandardCharsets.UTF_8));
        assertEquals(200, byName.status(), byName::toString);
        assertTrue(byName.json().get("items").toString().contains(t.tenantId()));
        Api.Res byEmail = Fixtures.provider().get("/admin/tenants?limit=200&q=" + t.ownerEmail().toUpperCase());
        assertTrue(byEmail.json().get("items").toString().contains(t.tenantId()), "case-insensitive");
        Api.Res none = Fixtures.provider().get("/admin/tenants?q=zz-no-such-tenant-zz");
        assertEquals(0, none.json().get("items").size());
        assertFieldErrors(Fixtures.provider().get("/admin/tenants?paymentFailed=yes"), "paymentFailed");
        assertFieldErrors(Fixtures.provider().get("/admin/tenants?q=" + "x".repeat(101)), "q");
    }
}
