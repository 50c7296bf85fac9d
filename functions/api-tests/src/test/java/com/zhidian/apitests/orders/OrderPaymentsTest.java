package com.zhidian.apitests.orders;

import static com.zhidian.apitests.orders.Shop.key;
import static com.zhidian.apitests.orders.Shop.line;
import static com.zhidian.apitests.orders.Shop.ok;
import static com.zhidian.apitests.support.Api.map;
import static com.zhidian.apitests.support.Problems.assertProblem;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.zhidian.apitests.support.Api;
import com.zhidian.apitests.support.Fixtures;
import com.zhidian.local.stripe.StripeLocal;
import java.nio.charset.StandardCharsets;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.junit.jupiter.api.Test;

/** Card, WeChat Pay and Alipay through Stripe (the stand-in), the verified webhook, and refunds. */
class OrderPaymentsTest {
    static final Shop S = new Shop();

    private static StripeLocal stripe() { return Shop.local().stripe(); }

    private static String intentOf(JsonNode order) {
        return order.at("/payments/0/providerRef").asText();
    }

    /** The id of the event of {@code type} about the intent. */
    private static String event(String intentId, String type) {
        for (String id : stripe().events()) {
            JsonNode e = Api.JSON.valueToTree(read(stripe().object(id)));
            if (type.equals(e.get("type").asText()) && intentId.equals(e.at("/data/object/id").asText())) return id;
        }
        throw new AssertionError("no " + type + " event for " + intentId);
    }

    private static JsonNode read(String json) {
        try {
            return Api.JSON.readTree(json);
        } catch (Exception e) {
            throw new AssertionError(e);
        }
    }

    @Test
    void aCardPayment_isPaidOnlyByTheVerifiedWebhook_andAHundredReplaysPayOnce() throws Exception {
        String g = S.product(1200, 10);
        String m = S.member();
        Map<String, Object> body = S.posOrder(line(g, 2));
        body.put("memberId", m);
        String id = S.place(body).get("orderId").asText();
        JsonNode started = ok(S.cashier().post("/orders/" + id + "/payments", map("method", "card", "paymentMethod", "pm_card_visa"), key()), 200);
        assertEquals("pending", started.at("/payments/0/status").asText());
        assertTrue(intentOf(started).startsWith("pi_"), started::toString);
        JsonNode paid = S.await(id, o -> "paid".equals(o.get("status").asText()));
        assertEquals(2400, paid.get("paid").asLong());
        assertEquals("succeeded", paid.at("/payments/0/status").asText());
        String evt = event(intentOf(started), "payment_intent.succeeded");
        for (int i = 0; i < 100; i++) stripe().redeliver(evt);
        while (stripe().pendingDeliveries() > 0) Thread.sleep(20);
        JsonNode after = S.order(id);
        assertEquals(1, after.get("payments").size());
        assertEquals(2400, after.get("paid").asLong());
        assertEquals(8, S.stock(g).get("onHand").asLong(), "stock left on hand once");
        assertEquals(24, S.points(m).get("pending").asLong(), "points earned once");
        assertEquals(1, after.get("timeline").findValuesAsText("status").stream().filter("paid"::equals).count());
    }

    @Test
    void forgedAndStaleEvents_areRefused_andChangeNothing() throws Exception {
        String g = S.product(500, 10);
        String id = S.place(S.posOrder(line(g, 1))).get("orderId").asText();
        JsonNode started = ok(S.cashier().post("/orders/" + id + "/payments", map("method", "wechat_pay"), key()), 200);
        String pi = intentOf(started);
        String payload = "{\"id\":\"evt_forged_" + id + "\",\"object\":\"event\",\"type\":\"payment_intent.succeeded\",\"created\":1,"
                + "\"data\":{\"object\":{\"id\":\"" + pi + "\",\"object\":\"payment_intent\",\"amount\":500,\"currency\":\"cny\","
                + "\"status\":\"succeeded\",\"metadata\":{\"tenantId\":\"" + S.t.tenantId() + "\",\"orderId\":\"" + id + "\"}}}}";
        long now = System.currentTimeMillis() / 1000;
        Api anon = Fixtures.anonymous();
        assertProblem(anon.with("Stripe-Signature", sign(payload, now, "whsec_not_the_secret")).post("/webhooks/stripe", payload), 400);
        assertProblem(anon.with("Stripe-Signature", sign(payload, now - 3600, StripeLocal.DEFAULT_WEBHOOK_SECRET))
                .post("/webhooks/stripe", payload), 400);
        assertProblem(anon.post("/webhooks/stripe", payload), 400);
        assertEquals("placed", S.order(id).get("status").asText());
        assertEquals(1, S.stock(g).get("reserved").asLong());
        stripe().succeed(pi);
        assertEquals("paid", S.await(id, o -> "paid".equals(o.get("status").asText())).get("status").asText());
    }

    @Test
    void aPaymentThatSucceedsAfterTheOrderWasCancelled_isRefundedAutomatically() {
        String g = S.product(800, 10);
        String id = S.place(S.posOrder(line(g, 1))).get("orderId").asText();
        String pi = intentOf(ok(S.cashier().post("/orders/" + id + "/payments", map("method", "alipay"), key()), 200));
        ok(S.cashier().post("/orders/" + id + "/transitions", map("to", "cancelled"), key()), 200);
        stripe().succeed(pi);
        JsonNode o = S.await(id, x -> "refunded".equals(x.at("/payments/0/status").asText()));
        assertEquals("cancelled", o.get("status").asText());
        assertEquals(0, o.get("paid").asLong());
        JsonNode intent = read(stripe().object(pi));
        assertEquals("succeeded", intent.get("status").asText());
        assertEquals(10, S.stock(g).get("onHand").asLong());
        assertEquals(10, S.stock(g).get("available").asLong());
    }

    @Test
    void refunds_secondPartialWorks_overWhatIsLeftIs422_andRestockUnlessDamaged() {
        String a = S.product(1000, 10);
        String b = S.product(300, 10);
        String id = S.place(S.posOrder(line(a, 3), line(b, 1))).get("orderId").asText();
        S.payCash(id, 3300);
        JsonNode r1 = ok(S.cashier().post("/orders/" + id + "/refunds", map("lines", List.of(line(a, 1)), "reason", "退货"), key()), 200);
        assertEquals(1000, r1.get("refunded").asLong());
        assertEquals(8, S.stock(a).get("onHand").asLong());
        String k = key();
        JsonNode r2 = ok(S.cashier().post("/orders/" + id + "/refunds", map("lines", List.of(line(a, 1)), "reason", "破损", "restock", false), k), 200);
        assertEquals(2000, r2.get("refunded").asLong());
        assertEquals(8, S.stock(a).get("onHand").asLong(), "damaged goods do not go back on hand");
        assertEquals(r2, ok(S.cashier().post("/orders/" + id + "/refunds", map("lines", List.of(line(a, 1)), "reason", "破损", "restock", false), k), 200));
        JsonNode over = assertProblem(S.cashier().post("/orders/" + id + "/refunds", map("lines", List.of(line(a, 2)), "reason", "x"), key()), 422);
        assertEquals("order.refund_over_left", over.get("code").asText());
        assertTrue(over.toString().contains(a), over::toString);
        // cancelling the paid order refunds what is left, and puts back only what had not been put back (PrestaShop #16869)
        JsonNode c = ok(S.cashier().post("/orders/" + id + "/transitions", map("to", "cancelled"), key()), 200);
        assertEquals("cancelled", c.get("status").asText());
        assertEquals(3300, c.get("refunded").asLong());
        assertEquals(9, S.stock(a).get("onHand").asLong());
        assertEquals(10, S.stock(b).get("onHand").asLong());
        assertEquals(409, S.cashier().post("/orders/" + id + "/refunds", map("reason", "again"), key()).status());
    }

    @Test
    void aRefundOfTheRest_whenNothingIsLeft_is422_andRecordsNoRefund() {
        String a = S.product(500, 10);
        String id = S.place(S.posOrder(line(a, 2))).get("orderId").asText();
        S.payCash(id, 1000);
        JsonNode all = ok(S.cashier().post("/orders/" + id + "/refunds", map("reason", "整单退"), key()), 200);
        assertEquals(1000, all.get("refunded").asLong());
        JsonNode again = assertProblem(S.cashier().post("/orders/" + id + "/refunds", map("reason", "again"), key()), 422);
        assertEquals("order.nothing_left_to_refund", again.get("code").asText());
        JsonNode after = ok(S.cashier().get("/orders/" + id), 200);
        assertEquals(1, after.get("refunds").size(), "no refund of 0 fen is recorded");
        assertEquals(1000, after.get("refunded").asLong());
    }

    static String sign(String payload, long t, String secret) throws Exception {
        Mac mac = Mac.getInstance("HmacSHA256");
        mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
        return "t=" + t + ",v1=" + HexFormat.of().formatHex(mac.doFinal((t + "." + payload).getBytes(StandardCharsets.UTF_8)));
    }
}
