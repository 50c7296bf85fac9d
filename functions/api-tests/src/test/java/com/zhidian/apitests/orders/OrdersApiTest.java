package com.zhidian.apitests.orders;

import static com.zhidian.apitests.orders.Shop.key;
import static com.zhidian.apitests.orders.Shop.line;
import static com.zhidian.apitests.orders.Shop.ok;
import static com.zhidian.apitests.support.Api.map;
import static com.zhidian.apitests.support.Problems.assertProblem;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.zhidian.apitests.support.Api;
import com.zhidian.apitests.support.Fixtures;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** Placing, reading, moving and cancelling orders, and every bad input, as a cashier, an owner and a customer meet them. */
class OrdersApiTest {
    static final Shop S = new Shop();
    static final Fixtures.TenantFixture OTHER = Fixtures.newTenant("premium", 1);

    @Test
    void anOrderIsPricedOnTheServer_withCouponAndPoints_andTheLinesAddUpExactly() {
        String a = S.product(333, 50);
        String b = S.product(1000, 50);
        String m = S.member();
        S.givePoints(m, 500);
        String code = S.coupon(m, 700, 1000);
        Map<String, Object> body = S.posOrder(line(a, 3), line(b, 1));
        body.put("memberId", m);
        body.put("couponCode", code);
        body.put("pointsToUse", 101);
        JsonNode o = S.place(body);
        assertEquals("placed", o.get("status").asText());
        assertEquals(1999, o.get("subtotal").asLong());
        assertEquals(700, o.get("couponDiscount").asLong());
        assertEquals(101, o.get("pointsDiscount").asLong(), "100 points = 1 yuan");
        assertEquals(1198, o.get("total").asLong());
        long sumLines = 0, sumDiscount = 0;
        for (JsonNode l : o.get("lines")) {
            assertEquals(l.get("qty").asLong() * l.get("unitPrice").asLong() - l.get("discount").asLong(), l.get("lineTotal").asLong());
            sumLines += l.get("lineTotal").asLong();
            sumDiscount += l.get("discount").asLong();
        }
        assertEquals(o.get("total").asLong(), sumLines);
        assertEquals(801, sumDiscount);
        // largest remainder: 801 × 999/1999 = 400.3 → 400, 801 × 1000/1999 = 400.7 → 401
        assertEquals(400, o.at("/lines/0/discount").asLong());
        assertEquals(401, o.at("/lines/1/discount").asLong());
        assertTrue(Pattern.matches("[A-Z0-9]{1,6}-\\d{8}-\\d{4}", o.get("number").asText()), o::toString);
        assertEquals(3, S.stock(a).get("reserved").asLong());
        assertEquals("reserved", S.couponState(m, code));
        assertEquals(399, S.points(m).get("balance").asLong());
        assertEquals(o, ok(S.owner().get("/orders/" + o.get("orderId").asText()), 200));
    }

    @Test
    void orderNumbers_countUpPerStoreAndDay_withoutGaps_evenWhenAnOrderIsRefused() {
        String g = S.product(100, 5);
        JsonNode first = S.place(S.posOrder(line(g, 1)));
        assertProblem(S.cashier().post("/orders", S.posOrder(line(g, 99)), key()), 422);
        JsonNode second = S.place(S.posOrder(line(g, 1)));
        String[] p1 = first.get("number").asText().split("-");
        String[] p2 = second.get("number").asText().split("-");
        assertEquals(p1[0] + p1[1], p2[0] + p2[1]);
        assertEquals(Integer.parseInt(p1[2]) + 1, Integer.parseInt(p2[2]));
    }

    @Test
    void badInput_isRefusedNamingTheField_andNothingIsHeld() {
        String g = S.product(100, 5);
        Api c = S.cashier();
        JsonNode price = assertProblem(c.post("/orders", S.posOrder(map("gtin", g, "qty", 1, "unitPrice", 1)), key()), 400);
        assertTrue(price.toString().contains("lines[0].unitPrice"), price::toString);
        Map<String, Object> withTotal = S.posOrder(line(g, 1));
        withTotal.put("total", 1);
        assertProblem(c.post("/orders", withTotal, key()), 400);
        for (Object qty : List.of(0, -1, 1.5, "1", 1000)) {
            JsonNode p = assertProblem(c.post("/orders", S.posOrder(map("gtin", g, "qty", qty)), key()), 400);
            assertTrue(p.toString().contains("lines[0].qty"), p::toString);
        }
        assertProblem(c.post("/orders", S.posOrder(line("6901234567890", 1)), key()), 400);
        JsonNode unknown = assertProblem(c.post("/orders", S.posOrder(line("6901234567892", 1)), key()), 422);
        assertEquals("order.unknown_product", unknown.get("code").asText());
        Map<String, Object> delivery = S.posOrder(line(g, 1));
        delivery.put("fulfilment", "delivery");
        assertTrue(assertProblem(c.post("/orders", delivery, key()), 400).toString().contains("address"));
        Map<String, Object> otherStore = S.posOrder(line(g, 1));
        otherStore.put("storeId", OTHER.storeIds().get(0));
        assertProblem(S.owner().post("/orders", otherStore, key()), 400);
        Map<String, Object> pointsNoMember = S.posOrder(line(g, 1));
        pointsNoMember.put("pointsToUse", 10);
        assertEquals("order.member_required", assertProblem(c.post("/orders", pointsNoMember, key()), 422).get("code").asText());
        Map<String, Object> notACode = S.posOrder(line(g, 1));
        notACode.put("couponCode", "O0I1");
        JsonNode malformed = assertProblem(c.post("/orders", notACode, key()), 400);
        assertEquals("coupon.code_malformed", malformed.get("code").asText());
        assertEquals("couponCode", malformed.at("/errors/0/field").asText(), malformed::toString);
        assertEquals("coupon.code_malformed", malformed.at("/errors/0/code").asText(), malformed::toString);
        assertEquals(0, S.stock(g).get("reserved").asLong());
    }

    @Test
    void outOfStock_pointsShort_andAnotherStoresCoupon_are422_andHoldNothing() {
        String a = S.product(500, 10);
        String b = S.product(500, 1);
        String m = S.member();
        S.givePoints(m, 50);
        String code = S.coupon(m, 100, 0, S.otherStore);
        JsonNode short1 = assertProblem(S.cashier().post("/orders", S.posOrder(line(a, 2), line(b, 2)), key()), 422);
        assertEquals("stock.insufficient", short1.get("code").asText());
        assertTrue(short1.toString().contains(b), short1::toString);
        Map<String, Object> points = S.posOrder(line(a, 1));
        points.put("memberId", m);
        points.put("pointsToUse", 51);
        assertEquals(422, S.cashier().post("/orders", points, key()).status());
        Map<String, Object> coupon = S.posOrder(line(a, 1));
        coupon.put("memberId", m);
        coupon.put("couponCode", code);
        JsonNode notHere = assertProblem(S.cashier().post("/orders", coupon, key()), 422);
        assertTrue(notHere.toString().contains("not_in_store"), notHere::toString);
        assertEquals(0, S.stock(a).get("reserved").asLong());
        assertEquals(50, S.points(m).get("balance").asLong());
        assertEquals("available", S.couponState(m, code));
    }

    @Test
    void cancellingAPlacedOrder_releasesStockCouponAndPoints_exactlyOnce() {
        String g = S.product(2000, 5);
        String m = S.member();
        S.givePoints(m, 300);
        String code = S.coupon(m, 500, 0);
        Map<String, Object> body = S.posOrder(line(g, 2));
        body.put("memberId", m);
        body.put("couponCode", code);
        body.put("pointsToUse", 200);
        String id = S.place(body).get("orderId").asText();
        assertEquals(2, S.stock(g).get("reserved").asLong());
        JsonNode c = ok(S.cashier().post("/orders/" + id + "/transitions", map("to", "cancelled"), key()), 200);
        assertEquals("cancelled", c.get("status").asText());
        ok(S.cashier().post("/orders/" + id + "/transitions", map("to", "cancelled"), key()), 200);
        assertEquals(0, S.stock(g).get("reserved").asLong());
        assertEquals(5, S.stock(g).get("available").asLong());
        assertEquals("available", S.couponState(m, code));
        assertEquals(300, S.points(m).get("balance").asLong());
        JsonNode illegal = assertProblem(S.cashier().post("/orders/" + id + "/transitions", map("to", "picking"), key()), 409);
        assertEquals("order.illegal_transition", illegal.get("code").asText());
        assertEquals(409, S.cashier().post("/orders/" + id + "/payments", map("method", "cash", "tendered", 99999), key()).status());
    }

    @Test
    void cash_paysAtOnce_withChange_commitsStockAndCoupon_andEarnsPendingPoints() {
        String g = S.product(1550, 5);
        String m = S.member();
        String code = S.coupon(m, 50, 0);
        Map<String, Object> body = S.posOrder(line(g, 2));
        body.put("memberId", m);
        body.put("couponCode", code);
        String id = S.place(body).get("orderId").asText();
        JsonNode shortPay = assertProblem(S.cashier().post("/orders/" + id + "/payments", map("method", "cash", "tendered", 100), key()), 422);
        assertEquals("order.tendered_short", shortPay.get("code").asText());
        assertProblem(S.cashier().post("/orders/" + id + "/payments", map("method", "cash", "tendered", -1), key()), 400);
        JsonNode paid = S.payCash(id, 5000);
        assertEquals("paid", paid.get("status").asText());
        assertEquals(3050, paid.get("paid").asLong());
        assertEquals(1950, paid.at("/payments/0/change").asLong());
        JsonNode level = S.stock(g);
        assertEquals(3, level.get("onHand").asLong());
        assertEquals(0, level.get("reserved").asLong());
        assertEquals("redeemed", S.couponState(m, code));
        assertEquals(30, S.points(m).get("pending").asLong(), "1 point per yuan paid, pending");
        assertEquals(List.of("placed", "paid"), paid.get("timeline").findValuesAsText("status"));
        JsonNode again = assertProblem(S.cashier().post("/orders/" + id + "/payments", map("method", "cash", "tendered", 5000), key()), 409);
        assertEquals("order.not_payable", again.get("code").asText());
    }

    @Test
    void transitions_followTheFulfilment_andIllegalStepsAre409() {
        String g = S.product(100, 10);
        Map<String, Object> body = S.posOrder(line(g, 1));
        body.put("fulfilment", "pickup");
        String id = S.place(body).get("orderId").asText();
        assertEquals(409, S.cashier().post("/orders/" + id + "/transitions", map("to", "paid"), key()).status());
        assertEquals(409, S.cashier().post("/orders/" + id + "/transitions", map("to", "picking"), key()).status());
        S.payCash(id, 100);
        assertEquals(409, S.cashier().post("/orders/" + id + "/transitions", map("to", "completed"), key()).status());
        for (String to : List.of("picking", "ready_for_pickup", "completed")) {
            assertEquals(to, ok(S.cashier().post("/orders/" + id + "/transitions", map("to", to), key()), 200).get("status").asText());
        }
        JsonNode o = S.order(id);
        assertEquals(List.of("placed", "paid", "picking", "ready_for_pickup", "completed"), o.get("timeline").findValuesAsText("status"));
        assertProblem(S.cashier().post("/orders/" + id + "/transitions", map("to", "shipped"), key()), 400);
    }

    @Test
    void anotherTenantsOrder_is404_andACustomerSeesOnlyTheirOwn() {
        String g = S.product(100, 10);
        String id = S.place(S.posOrder(line(g, 1))).get("orderId").asText();
        assertProblem(OTHER.owner().get("/orders/" + id), 404);
        assertProblem(OTHER.owner().post("/orders/" + id + "/transitions", map("to", "cancelled"), key()), 404);
        assertProblem(S.t.staff(S.otherStore).get("/orders/" + id), 404);
        Shop.Customer me = S.customer();
        assertProblem(me.api().get("/me/orders/" + id), 404);
        assertEquals(403, me.api().get("/orders/" + id).status());
        JsonNode mine = ok(me.api().post("/me/orders", map("storeId", S.store, "fulfilment", "pickup", "lines", List.of(line(g, 2))), key()), 201);
        assertEquals("mini_program", mine.get("channel").asText());
        assertEquals(me.memberId(), mine.get("memberId").asText());
        assertEquals(mine.get("orderId"), ok(me.api().get("/me/orders"), 200).at("/items/0/orderId"));
        JsonNode read = ok(me.api().get("/me/orders/" + mine.get("orderId").asText()), 200);
        assertEquals(0, read.get("refundRequests").size(), "the customer's page lists their refund requests: none yet");
        assertEquals(mine, ((com.fasterxml.jackson.databind.node.ObjectNode) read.deepCopy()).without("refundRequests"));
        assertProblem(me.api().post("/me/orders", map("storeId", S.store, "fulfilment", "pickup", "memberId", "mb_x",
                "lines", List.of(line(g, 1))), key()), 400);
        JsonNode list = ok(S.owner().get("/orders?storeId=" + S.store + "&status=placed&limit=1"), 200);
        assertEquals(1, list.get("items").size());
        assertNotEquals(null, list.get("nextCursor").textValue());
    }
}
