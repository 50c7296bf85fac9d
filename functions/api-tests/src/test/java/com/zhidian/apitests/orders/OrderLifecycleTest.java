package com.zhidian.apitests.orders;

import static com.zhidian.apitests.orders.Shop.key;
import static com.zhidian.apitests.orders.Shop.line;
import static com.zhidian.apitests.orders.Shop.ok;
import static com.zhidian.apitests.support.Api.map;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.stripe.StripeClient;
import com.stripe.param.PaymentIntentConfirmParams;
import com.zhidian.apitests.support.Api;
import com.zhidian.apitests.support.Fixtures;
import com.zhidian.apitests.support.TenantSessions;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/** The business lifecycles of an order, in the business's words, with every balance checked at every step. */
class OrderLifecycleTest {
    static final Shop S = new Shop();

    @Test
    void aMemberBuysWithACouponAndPoints_paysByCard_picksUp_andReturnsOneLine() throws Exception {
        String a = S.product(1500, 10);
        String b = S.product(800, 10);
        Shop.Customer me = S.customer();
        S.givePoints(me.memberId(), 1000);
        String code = S.coupon(me.memberId(), 500, 2000);

        // placed from the H5: 2 × 15.00 + 8.00 = 38.00, coupon 5.00, 300 points = 3.00 → 30.00
        JsonNode o = ok(me.api().post("/me/orders", map("storeId", S.store, "fulfilment", "pickup", "couponCode", code, "pointsToUse", 300,
                "lines", List.of(line(a, 2), line(b, 1))), key()), 201);
        String id = o.get("orderId").asText();
        assertEquals(3000, o.get("total").asLong());
        assertEquals(632, o.at("/lines/0/discount").asLong());
        assertEquals(168, o.at("/lines/1/discount").asLong());
        assertEquals(700, S.points(me.memberId()).get("balance").asLong());
        assertEquals("reserved", S.couponState(me.memberId(), code));
        assertEquals(2, S.stock(a).get("reserved").asLong());

        // pays by card: the order is paid only when Stripe's webhook arrives
        JsonNode pending = ok(me.api().post("/me/orders/" + id + "/payments", map("method", "card"), key()), 200);
        assertEquals("placed", pending.get("status").asText());
        String pi = pending.at("/payments/0/providerRef").asText();
        StripeClient stripe = StripeClient.builder().setApiKey("sk_test_customer_device")
                .setApiBase(Shop.local().stripe().endpoint().toString()).build();
        stripe.v1().paymentIntents().confirm(pi, PaymentIntentConfirmParams.builder().setPaymentMethod("pm_card_visa").build());
        JsonNode paid = S.await(id, x -> "paid".equals(x.get("status").asText()));
        assertEquals(3000, paid.get("paid").asLong());
        assertEquals(8, S.stock(a).get("onHand").asLong());
        assertEquals(9, S.stock(b).get("onHand").asLong());
        assertEquals("redeemed", S.couponState(me.memberId(), code));
        assertEquals(30, S.points(me.memberId()).get("pending").asLong());

        // picked up
        for (String to : List.of("picking", "ready_for_pickup", "completed")) {
            ok(S.cashier().post("/orders/" + id + "/transitions", map("to", to), key()), 200);
        }
        assertEquals("completed", ok(me.api().get("/me/orders/" + id), 200).get("status").asText());

        // returns the 8.00 line: 6.32 back to the card, 300 × 632/3000 = 63 points back, goods back on the shelf, coupon kept
        long lifetime = S.points(me.memberId()).get("lifetimeEarned").asLong();
        JsonNode r = ok(S.cashier().post("/orders/" + id + "/refunds", map("lines", List.of(line(b, 1)), "reason", "不想要了"), key()), 200);
        assertEquals(632, r.get("refunded").asLong());
        assertEquals(63, r.at("/refunds/0/pointsReturned").asLong());
        assertEquals(763, S.points(me.memberId()).get("balance").asLong());
        // in the ledger as the order's spent points returned, not as new earnings (the lifetime total stays)
        JsonNode back = null;
        for (JsonNode e : ok(S.owner().get("/members/" + me.memberId() + "/points/ledger?limit=5"), 200).get("items")) {
            if ("redeem_returned".equals(e.get("kind").asText())) back = e;
        }
        assertNotNull(back, "a redeem_returned entry");
        assertEquals(id, back.get("orderId").asText());
        assertEquals(63, back.get("delta").asLong());
        assertEquals(lifetime, S.points(me.memberId()).get("lifetimeEarned").asLong(), "points given back are not earned");
        assertEquals(10, S.stock(b).get("onHand").asLong());
        assertEquals("redeemed", S.couponState(me.memberId(), code));
        JsonNode intent = Api.JSON.readTree(Shop.local().stripe().object(pi));
        JsonNode charge = Api.JSON.readTree(Shop.local().stripe().object(intent.get("latest_charge").asText()));
        assertEquals(632, charge.get("amount_refunded").asLong(), "the card got 6.32 back at Stripe");
    }

    @Test
    void anUnpaidOrder_isCancelledAfterItsTime_releasingStockCouponAndPoints_once() throws Exception {
        String g = S.product(1000, 5);
        String m = S.member();
        S.givePoints(m, 200);
        String code = S.coupon(m, 100, 0);
        Map<String, Object> body = S.posOrder(line(g, 2));
        body.put("memberId", m);
        body.put("couponCode", code);
        body.put("pointsToUse", 150);
        String id = S.place(body).get("orderId").asText();
        assertEquals(50, S.points(m).get("balance").asLong());
        overdue(id);
        Api anon = Fixtures.anonymous();
        assertEquals(200, anon.post("/local/schedules/OrderTimeoutFunction", null).status());
        JsonNode o = S.order(id);
        assertEquals("cancelled", o.get("status").asText());
        assertEquals("system", o.at("/timeline/1/actor").asText());
        assertEquals(5, S.stock(g).get("available").asLong());
        assertEquals(200, S.points(m).get("balance").asLong());
        assertEquals("available", S.couponState(m, code));
        assertEquals(200, anon.post("/local/schedules/OrderTimeoutFunction", null).status());
        assertEquals(200, S.points(m).get("balance").asLong(), "released once");
        assertEquals(5, S.stock(g).get("available").asLong());
    }

    /** Moves the order's time to pay into the past, as if 15 minutes had gone by (the functions' clock is the real one). */
    private static void overdue(String orderId) throws Exception {
        try (TenantSessions sessions = new TenantSessions()) {
            DynamoDbClient db = sessions.asTenant(S.t.tenantId());
            Map<String, AttributeValue> key = Map.of("pk", AttributeValue.fromS("T#" + S.t.tenantId() + "#ORDER#" + orderId),
                    "sk", AttributeValue.fromS("META"));
            Map<String, AttributeValue> item = new java.util.HashMap<>(db.getItem(b -> b.tableName(sessions.tableName()).key(key)).item());
            ObjectNode doc = (ObjectNode) Api.JSON.readTree(item.get("doc").s());
            String past = Instant.now().minusSeconds(60).toString();
            doc.put("payBy", past);
            item.put("doc", AttributeValue.fromS(Api.JSON.writeValueAsString(doc)));
            item.put("gsi2sk", AttributeValue.fromS(past + "#" + S.t.tenantId() + "#" + orderId));
            db.putItem(b -> b.tableName(sessions.tableName()).item(item));
        }
    }
}
