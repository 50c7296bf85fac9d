package com.zhidian.apitests.orders;

import static com.zhidian.apitests.orders.Shop.key;
import static com.zhidian.apitests.orders.Shop.line;
import static com.zhidian.apitests.orders.Shop.ok;
import static com.zhidian.apitests.support.Api.map;
import static com.zhidian.apitests.support.Problems.assertProblem;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** A customer asks for a refund from the H5; staff approve (the order's refund, exactly once) or reject with a reason. */
class RefundRequestsTest {
    static final Shop S = new Shop();
    static final Shop OTHER = new Shop();

    /** A paid in-store order of the customer: 2 × a (1000) and 1 × b (500), cash. */
    private static JsonNode paidOrder(Shop.Customer c, String a, String b) {
        Map<String, Object> body = S.posOrder(line(a, 2), line(b, 1));
        body.put("memberId", c.memberId());
        JsonNode o = S.place(body);
        return S.payCash(o.get("orderId").asText(), o.get("total").asLong());
    }

    private static JsonNode mine(Shop.Customer c, String orderId) {
        return ok(c.api().get("/me/orders/" + orderId), 200);
    }

    @Test
    void aRequestApproved_refundsOnce_restocks_andTheCustomerSeesIt() {
        String a = S.product(1000, 10), b = S.product(500, 10);
        Shop.Customer c = S.customer();
        String id = paidOrder(c, a, b).get("orderId").asText();
        assertEquals(8, S.stock(a).get("onHand").asLong());

        String k = key();
        JsonNode rq = ok(c.api().post("/me/orders/" + id + "/refund-requests", map("lines", List.of(line(a, 1)), "reason", "damaged",
                "note", "瓶子裂了"), k), 201);
        assertEquals("pending", rq.get("state").asText());
        assertEquals(1000, rq.get("amount").asLong());
        String rid = rq.get("requestId").asText();
        // the same key: the same request; another while it is pending: 409
        assertEquals(rid, ok(c.api().post("/me/orders/" + id + "/refund-requests", map("lines", List.of(line(a, 1)), "reason", "damaged",
                "note", "瓶子裂了"), k), 201).get("requestId").asText());
        assertEquals("order.refund_already_requested", assertProblem(c.api().post("/me/orders/" + id + "/refund-requests",
                map("reason", "changed_mind"), key()), 409).get("code").asText());

        JsonNode pending = ok(S.cashier().get("/refund-requests?storeId=" + S.store), 200);
        assertTrue(pending.get("items").findValuesAsText("requestId").contains(rid));

        JsonNode ap = ok(S.cashier().post("/refund-requests/" + rid + "/approval", map(), key()), 200);
        assertEquals("approved", ap.at("/request/state").asText());
        assertEquals(1000, ap.at("/order/refunded").asLong());
        assertEquals(9, S.stock(a).get("onHand").asLong());
        // approved again (another key, another clerk's click): the same refund, nothing more
        JsonNode again = ok(S.owner().post("/refund-requests/" + rid + "/approval", map(), key()), 200);
        assertEquals(1000, again.at("/order/refunded").asLong());
        assertEquals(1, again.at("/order/refunds").size());
        assertEquals(9, S.stock(a).get("onHand").asLong());

        JsonNode seen = mine(c, id);
        assertEquals("approved", seen.at("/refundRequests/0/state").asText());
        assertEquals(1000, seen.get("refunded").asLong());
        assertTrue(ok(S.cashier().get("/refund-requests?storeId=" + S.store), 200).get("items").findValuesAsText("requestId").stream()
                .noneMatch(rid::equals));
        // the order is free for a new request once the first is decided
        ok(c.api().post("/me/orders/" + id + "/refund-requests", map("lines", List.of(line(b, 1)), "reason", "changed_mind"), key()), 201);
    }

    @Test
    void aRejectedRequest_carriesTheReason_refundsNothing_andCannotBeApprovedAfter() {
        String a = S.product(1000, 10), b = S.product(500, 10);
        Shop.Customer c = S.customer();
        String id = paidOrder(c, a, b).get("orderId").asText();
        String rid = ok(c.api().post("/me/orders/" + id + "/refund-requests", map("reason", "changed_mind"), key()), 201)
                .get("requestId").asText();
        assertEquals(400, S.cashier().post("/refund-requests/" + rid + "/rejection", map(), key()).status());
        JsonNode rj = ok(S.cashier().post("/refund-requests/" + rid + "/rejection", map("reason", "已拆封使用"), key()), 200);
        assertEquals("rejected", rj.get("state").asText());
        assertEquals("refund_request.already_decided", assertProblem(S.cashier().post("/refund-requests/" + rid + "/approval",
                map(), key()), 409).get("code").asText());
        JsonNode seen = mine(c, id);
        assertEquals("rejected", seen.at("/refundRequests/0/state").asText());
        assertEquals("已拆封使用", seen.at("/refundRequests/0/rejectReason").asText());
        assertEquals(0, seen.get("refunded").asLong());
        assertEquals(1, ok(S.cashier().get("/refund-requests?storeId=" + S.store + "&state=rejected"), 200).get("items")
                .findValuesAsText("requestId").stream().filter(rid::equals).count());
    }

    @Test
    void refusals_moreThanBought_unpaid_badInput_otherTenants() {
        String a = S.product(1000, 10), b = S.product(500, 10);
        Shop.Customer c = S.customer();
        String id = paidOrder(c, a, b).get("orderId").asText();
        assertEquals("order.refund_over_left", assertProblem(c.api().post("/me/orders/" + id + "/refund-requests",
                map("lines", List.of(line(a, 3)), "reason", "damaged"), key()), 422).get("code").asText());
        assertProblem(c.api().post("/me/orders/" + id + "/refund-requests", map("reason", "because"), key()), 400);
        assertProblem(c.api().post("/me/orders/" + id + "/refund-requests", map("reason", "other"), key()), 400);
        assertProblem(c.api().post("/me/orders/" + id + "/refund-requests", map("reason", "damaged", "amount", 1), key()), 400);

        Map<String, Object> body = S.posOrder(line(a, 1));
        body.put("memberId", c.memberId());
        String unpaid = S.place(body).get("orderId").asText();
        assertEquals("order.not_refundable", assertProblem(c.api().post("/me/orders/" + unpaid + "/refund-requests",
                map("reason", "damaged"), key()), 409).get("code").asText());

        // another customer's order, and another tenant's staff: 404
        assertProblem(S.customer().api().post("/me/orders/" + id + "/refund-requests", map("reason", "damaged"), key()), 404);
        String rid = ok(c.api().post("/me/orders/" + id + "/refund-requests", map("reason", "damaged"), key()), 201).get("requestId").asText();
        assertProblem(OTHER.owner().post("/refund-requests/" + rid + "/approval", map(), key()), 404);
        assertProblem(OTHER.owner().post("/refund-requests/" + rid + "/rejection", map("reason", "x"), key()), 404);
        assertTrue(ok(OTHER.owner().get("/refund-requests?storeId=" + OTHER.store), 200).get("items").isEmpty());
        // the list is read in the caller's tenant only: naming another tenant's store shows nothing of it
        assertTrue(ok(OTHER.owner().get("/refund-requests?storeId=" + S.store), 200).get("items").isEmpty());
        ok(S.cashier().post("/refund-requests/" + rid + "/rejection", map("reason", "x"), key()), 200);

    }
}
