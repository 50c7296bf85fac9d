package com.zhidian.apitests.orders;

import static com.zhidian.apitests.orders.Shop.key;
import static com.zhidian.apitests.orders.Shop.line;
import static com.zhidian.apitests.orders.Shop.ok;
import static com.zhidian.apitests.support.Api.map;
import static com.zhidian.apitests.support.Problems.assertProblem;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.stripe.StripeClient;
import com.stripe.model.PaymentIntent;
import com.stripe.param.PaymentIntentCreateParams;
import com.zhidian.apitests.support.Api;
import com.zhidian.apitests.support.Fixtures;
import com.zhidian.local.stripe.StripeLocal;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Reconciliation: a day's Stripe payments and refunds as Zhidian recorded them (the per-day index written with them)
 * against Stripe's balance transactions. Each test has a tenant of its own, so a day holds only its movements.
 */
class ReconciliationTest {
    private static StripeLocal stripe() { return Shop.local().stripe(); }

    private static String today() { return LocalDate.now(ZoneId.of("Asia/Shanghai")).toString(); }

    /** A card payment of {@code fen} that Stripe confirms and Zhidian records from the webhook; the order id. */
    private static JsonNode paidByCard(Shop s, long fen) {
        String g = s.product(fen, 10);
        String id = s.place(s.posOrder(line(g, 1))).get("orderId").asText();
        ok(s.cashier().post("/orders/" + id + "/payments", map("method", "card", "paymentMethod", "pm_card_visa"), key()), 200);
        return s.await(id, o -> "paid".equals(o.get("status").asText()));
    }

    private static JsonNode run(Shop s) {
        return ok(s.owner().post("/reconciliation/runs", map("date", today()), key()), 200);
    }

    @Test
    void aCleanDay_matchesEveryPaymentAndRefund_andIsKeptForTheDay() {
        Shop s = new Shop();
        JsonNode o = paidByCard(s, 1500);
        ok(s.cashier().post("/orders/" + o.get("orderId").asText() + "/refunds", map("reason", "退货"), key()), 200);
        JsonNode cash = s.place(s.posOrder(line(s.product(700, 5), 1)));
        s.payCash(cash.get("orderId").asText(), 700); // cash never reaches Stripe: not part of the comparison

        JsonNode r = run(s);
        assertTrue(r.get("clean").asBoolean(), r::toString);
        assertEquals(2, r.get("matchedCount").asInt(), "the payment and its refund");
        assertEquals(0, r.get("matchedAmount").asLong(), "1500 in, 1500 back");
        JsonNode kept = ok(s.owner().get("/reconciliation?date=" + today()), 200);
        assertEquals(r.get("ranAt"), kept.get("ranAt"));
        assertEquals(2, kept.get("matchedCount").asInt());
        assertFalse(ok(s.owner().get("/reconciliation?date=2001-01-01"), 200).get("ran").asBoolean());
    }

    @Test
    void paymentsOnOneSideOnly_areListed_withTheirIds() throws Exception {
        Shop s = new Shop();
        paidByCard(s, 900);
        // Stripe has a payment of this tenant that Zhidian never recorded (taken outside Zhidian)
        StripeClient client = StripeClient.builder().setApiKey("sk_test_local").setApiBase(stripe().endpoint().toString()).build();
        PaymentIntent foreign = client.v1().paymentIntents().create(PaymentIntentCreateParams.builder().setAmount(4200L).setCurrency("cny")
                .setPaymentMethod("pm_card_visa").setConfirm(true).putMetadata("tenantId", s.t.tenantId()).build());
        // Zhidian recorded a payment Stripe has no money for: a signed event for an intent Stripe never charged
        String g = s.product(600, 5);
        String id = s.place(s.posOrder(line(g, 1))).get("orderId").asText();
        JsonNode started = ok(s.cashier().post("/orders/" + id + "/payments", map("method", "wechat_pay"), key()), 200);
        String pi = started.at("/payments/0/providerRef").asText();
        String payload = "{\"id\":\"evt_recon_" + id + "\",\"object\":\"event\",\"type\":\"payment_intent.succeeded\",\"created\":1,"
                + "\"data\":{\"object\":{\"id\":\"" + pi + "\",\"object\":\"payment_intent\",\"amount\":600,\"currency\":\"cny\","
                + "\"status\":\"succeeded\",\"metadata\":{\"tenantId\":\"" + s.t.tenantId() + "\",\"orderId\":\"" + id + "\"}}}}";
        Api anon = Fixtures.anonymous();
        ok(anon.with("Stripe-Signature", OrderPaymentsTest.sign(payload, System.currentTimeMillis() / 1000, StripeLocal.DEFAULT_WEBHOOK_SECRET))
                .post("/webhooks/stripe", payload), 200);
        assertEquals("paid", s.order(id).get("status").asText());

        JsonNode r = run(s);
        assertFalse(r.get("clean").asBoolean());
        assertEquals(1, r.get("matchedCount").asInt());
        List<String> problems = r.get("mismatches").findValuesAsText("problem");
        assertEquals(List.of("missing_in_provider", "missing_in_zhidian"), problems, r::toString);
        JsonNode ours = r.at("/mismatches/0"), theirs = r.at("/mismatches/1");
        assertEquals(pi, ours.get("ref").asText());
        assertEquals(id, ours.get("orderId").asText());
        assertEquals(600, ours.get("ours").asLong());
        assertTrue(ours.get("theirs").isNull());
        assertEquals(foreign.getId(), theirs.get("ref").asText());
        assertEquals(4200, theirs.get("theirs").asLong());

        // another tenant's owner sees none of it, and its own day knows nothing of these payments
        Shop other = new Shop();
        JsonNode mine = run(other);
        assertTrue(mine.get("clean").asBoolean(), mine::toString);
        assertEquals(0, mine.get("matchedCount").asInt());
        assertEquals(0, mine.get("mismatches").size());
        // staff may not read or run it; a bad date is 400
        assertEquals(403, s.cashier().get("/reconciliation?date=" + today()).status());
        assertProblem(s.owner().get("/reconciliation?date=2026-13-40"), 400);
        assertProblem(s.owner().post("/reconciliation/runs", map("date", "yesterday"), key()), 400);
    }
}
