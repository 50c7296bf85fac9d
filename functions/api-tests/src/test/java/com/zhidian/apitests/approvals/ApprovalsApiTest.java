package com.zhidian.apitests.approvals;

import static com.zhidian.apitests.support.Api.map;
import static com.zhidian.apitests.support.Problems.assertFieldErrors;
import static com.zhidian.apitests.support.Problems.assertProblem;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.zhidian.apitests.catalog.Catalog;
import com.zhidian.apitests.support.Api;
import com.zhidian.apitests.support.Fixtures;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;
import org.junit.jupiter.api.Test;

/**
 * Approvals (issue 25, 智能办公): the owner's rules, each of the four gates (below the rule passes; above is refused with
 * an approval id; approved, the same request with Approval-Id passes once; again, or with another body, it is refused;
 * the owner is never gated), decisions kept once with who and when, staff's own list, bad input, another tenant's 404.
 */
class ApprovalsApiTest {
    private static final Fixtures.TenantFixture T = Fixtures.newTenant("premium", 2);
    private static final Fixtures.TenantFixture OTHER = Fixtures.newTenant("basic", 1);
    private static final String S1 = T.storeIds().get(0);
    private static final String S2 = T.storeIds().get(1);

    static String key() {
        return UUID.randomUUID().toString();
    }

    static JsonNode gated(Api.Res r) {
        JsonNode p = assertProblem(r, 403);
        assertEquals("approval.required", p.path("code").asText(), r::toString);
        assertTrue(p.path("approvalId").asText().startsWith("ap_"), r::toString);
        return p;
    }

    static JsonNode ok(Api.Res r, int status) {
        assertEquals(status, r.status(), r::toString);
        return r.json();
    }

    @Test
    void refundsAboveTheRule_waitForTheOwner() {
        Fixtures.TenantFixture t = Fixtures.newTenant("standard", 1);
        String store = t.storeIds().get(0);
        ApprovalsFixture.rules(t, map("refundAbove", 500));
        Api staff = t.staff(store);
        String gtin = Catalog.stocked(t, store);       // 200 fen a bottle
        JsonNode o = ok(t.owner().post("/orders", map("storeId", store, "channel", "pos", "fulfilment", "in_store",
                "lines", List.of(map("gtin", gtin, "qty", 12))), key()), 201);
        String orderId = o.get("orderId").asText();
        ok(t.owner().post("/orders/" + orderId + "/payments", map("method", "cash", "tendered", o.get("total").asLong()), key()), 200);
        // below: 2 bottles (400 fen); above: 3 (600 fen), another body: 3 with another reason; then 3 more by the owner
        gateStoryOf(t, staff, api -> body -> id -> (id == null ? api : api.with("Approval-Id", id))
                        .post("/orders/" + orderId + "/refunds", body, key()),
                map("lines", List.of(map("gtin", gtin, "qty", 2)), "reason", "少收"),
                map("lines", List.of(map("gtin", gtin, "qty", 3)), "reason", "破损"),
                map("lines", List.of(map("gtin", gtin, "qty", 3)), "reason", "过期"), 200, "refund");
        JsonNode after = ok(t.owner().get("/orders/" + orderId), 200);
        assertEquals(1600, after.get("refunded").asLong(), "400 + 600 by staff (once) + 600 by the owner: " + after);
    }

    @Test
    void stockAdjustmentsAboveTheRule_waitForTheOwner() {
        ApprovalsFixture.rules(OTHER, map("stockAdjustmentAbove", 5));
        String store = OTHER.storeIds().get(0);
        String gtin = Catalog.stocked(OTHER, store);
        Api staff = OTHER.staff(store);
        gateStoryOf(OTHER, staff, api -> body -> id -> (id == null ? api : api.with("Approval-Id", id))
                        .post("/stores/" + store + "/stock/" + gtin + "/adjustments", body, key()),
                map("delta", -5, "reason", "damage"), map("delta", -6, "reason", "damage"), map("delta", -6, "reason", "loss"), 201, "stock_adjustment");
        ApprovalsFixture.rules(OTHER, map());
    }

    @Test
    void pricesBelowCost_waitForTheOwner_andStaffSetTheirOwnStoresPrice() {
        Fixtures.TenantFixture t = Fixtures.newTenant("standard", 2);
        String s1 = t.storeIds().get(0);
        String gtin = Catalog.stocked(t, s1);       // received at 120 fen
        Api staff = t.staff(s1);
        assertProblem(staff.put("/stores/" + t.storeIds().get(1) + "/prices/" + gtin, map("price", 300)), 404);
        ok(staff.put("/stores/" + s1 + "/prices/" + gtin, map("price", 100)), 200);   // no rule yet: below cost passes
        ApprovalsFixture.rules(t, map("priceBelowCost", true));
        gateStoryOf(t, staff, api -> body -> id -> (id == null ? api : api.with("Approval-Id", id))
                        .put("/stores/" + s1 + "/prices/" + gtin, body),
                map("price", 120), map("price", 99), map("price", 98), 200, "price");
    }

    @Test
    void couponTemplatesAboveTheValue_waitForTheOwner_belowAreStaffsToMake() {
        Fixtures.TenantFixture t = Fixtures.newTenant("standard", 1);
        Api staff = t.staff(t.storeIds().get(0));
        ApprovalsFixture.rules(t, map("couponValueAbove", 1000));
        gateStoryOf(t, staff, api -> body -> id -> (id == null ? api : api.with("Approval-Id", id)).post("/coupon-templates", body, key()),
                amountOff(1000), amountOff(2000), amountOff(3000), 201, "coupon_template");
        Map<String, Object> gift = map("name", "赠品券", "kind", "gift", "giftGtin", Catalog.stocked(t, t.storeIds().get(0)),
                "validDays", 30, "totalStock", 10, "perMemberLimit", 1);
        JsonNode g = gated(staff.post("/coupon-templates", gift, key()));
        JsonNode asked = ok(t.owner().get("/approvals/" + g.get("approvalId").asText()), 200);
        assertTrue(asked.get("amount").isNull(), "a gift's value is not known in fen: " + asked);
    }

    static Map<String, Object> amountOff(long value) {
        return map("name", "满" + value * 3 / 100 + "减" + value / 100, "kind", "amount_off", "value", value, "minSpend", value * 3,
                "validDays", 30, "totalStock", 100, "perMemberLimit", 1);
    }

    /** {@link #gateStory} in another tenant than {@link #T}. */
    void gateStoryOf(Fixtures.TenantFixture t, Api staff, Function<Api, Function<Object, Function<String, Api.Res>>> send,
                     Object small, Object big, Object other, int success, String kind) {
        ok(send.apply(staff).apply(small).apply(null), success);
        JsonNode first = gated(send.apply(staff).apply(big).apply(null));
        String id = first.get("approvalId").asText();
        assertEquals(id, gated(send.apply(staff).apply(big).apply(null)).get("approvalId").asText(), "the same ask names the same request");
        assertEquals(id, gated(send.apply(staff).apply(big).apply(id)).get("approvalId").asText(), "pending: not yet");
        JsonNode asked = ok(t.owner().get("/approvals/" + id), 200);
        assertEquals(kind, asked.get("kind").asText());
        JsonNode a = ok(t.owner().post("/approvals/" + id + "/decision", map("decision", "approve", "note", "同意"), key()), 200);
        assertEquals(t.ownerEmail(), a.get("decidedBy").asText());
        assertNotEquals(id, gated(send.apply(staff).apply(other).apply(id)).get("approvalId").asText(), "another body is another request");
        ok(send.apply(staff).apply(big).apply(id), success);
        assertEquals("used", ok(t.owner().get("/approvals/" + id), 200).get("status").asText());
        assertNotEquals(id, gated(send.apply(staff).apply(big).apply(id)).get("approvalId").asText(), "an approval is used once");
        ok(send.apply(t.owner()).apply(big).apply(null), success);
    }

    /** Eight copies of the approved request at once, each with its own Idempotency-Key: one adjustment, seven refusals. */
    @Test
    void anApproval_isUsedOnce_underConcurrentCopies() throws Exception {
        Fixtures.TenantFixture t = Fixtures.newTenant("standard", 1);
        String store = t.storeIds().get(0);
        String gtin = Catalog.stocked(t, store);    // 24 on hand
        Api staff = t.staff(store);
        ApprovalsFixture.rules(t, map("stockAdjustmentAbove", 2));
        Map<String, Object> body = map("delta", -3, "reason", "damage");
        String path = "/stores/" + store + "/stock/" + gtin + "/adjustments";
        String id = gated(staff.post(path, body, key())).get("approvalId").asText();
        ok(t.owner().post("/approvals/" + id + "/decision", map("decision", "approve"), key()), 200);
        var pool = java.util.concurrent.Executors.newFixedThreadPool(8);
        try {
            List<java.util.concurrent.Future<Api.Res>> copies = new java.util.ArrayList<>();
            for (int i = 0; i < 8; i++) copies.add(pool.submit(() -> staff.with("Approval-Id", id).post(path, body, key())));
            int done = 0;
            for (var f : copies) {
                Api.Res r = f.get();
                if (r.status() == 201) done++;
                else gated(r);
            }
            assertEquals(1, done, "one copy used the approval");
        } finally {
            pool.shutdown();
        }
        assertEquals(21, ok(t.owner().get("/stores/" + store + "/stock/" + gtin), 200).get("onHand").asLong(), "three off, once");
    }

    @Test
    void aDecision_isTakenOnce_byTheOwner_andStaffSeeTheirOwn() {
        String id = ApprovalsFixture.pending(T, S2);
        Api staff = T.staff(S2);
        assertProblem(staff.post("/approvals/" + id + "/decision", map("decision", "approve"), key()), 403);
        assertEquals("approval.not_found", assertProblem(staff.get("/approvals/" + id), 404).path("code").asText(), "another staff member's");
        JsonNode r = ok(T.owner().post("/approvals/" + id + "/decision", map("decision", "reject", "note", "数量太大，请先盘点"), key()), 200);
        assertEquals("rejected", r.get("status").asText());
        assertEquals("数量太大，请先盘点", r.get("note").asText());
        JsonNode twice = assertProblem(T.owner().post("/approvals/" + id + "/decision", map("decision", "approve"), key()), 409);
        assertEquals("approval.already_decided", twice.path("code").asText());
        JsonNode rejected = ok(T.owner().get("/approvals?status=rejected"), 200);
        assertTrue(rejected.get("items").findValuesAsText("approvalId").contains(id));
        assertTrue(ok(staff.get("/approvals"), 200).get("items").isEmpty(), "staff see only their own requests");
        assertFieldErrors(T.owner().post("/approvals/" + id + "/decision", map("decision", "maybe", "note", "", "x", 1), key()), "decision", "note", "x");
        assertFieldErrors(T.owner().get("/approvals?status=open"), "status");
        assertFieldErrors(T.owner().get("/approvals?limit=0"), "limit");
    }

    @Test
    void rules_areTheOwners_andValidated() {
        Fixtures.TenantFixture t = Fixtures.newTenant("basic", 1);
        JsonNode none = ok(t.owner().get("/approval-rules"), 200);
        assertTrue(none.get("refundAbove").isNull() && !none.get("priceBelowCost").asBoolean());
        JsonNode set = ok(t.owner().put("/approval-rules", map("refundAbove", 10000, "priceBelowCost", true, "stockAdjustmentAbove", 20,
                "couponValueAbove", 5000)), 200);
        assertEquals(10000, set.get("refundAbove").asLong());
        assertEquals(t.ownerEmail(), set.get("updatedBy").asText());
        assertEquals(20, ok(t.owner().get("/approval-rules"), 200).get("stockAdjustmentAbove").asLong());
        assertFieldErrors(t.owner().put("/approval-rules", map("refundAbove", -1, "priceBelowCost", "yes", "stockAdjustmentAbove", 1.5,
                "couponValueAbove", "100", "other", 1)), "refundAbove", "priceBelowCost", "stockAdjustmentAbove", "couponValueAbove", "other");
        assertEquals(20, ok(t.owner().get("/approval-rules"), 200).get("stockAdjustmentAbove").asLong(), "a refused body changes nothing");
        assertProblem(t.owner().send("PUT", "/approval-rules", "refundAbove=1", null, "text/plain"), 415);
        Api staff = t.staff(t.storeIds().get(0));
        assertProblem(staff.put("/approval-rules", map()), 403);
        assertProblem(staff.get("/approval-rules"), 403);
        assertTrue(ok(t.owner().put("/approval-rules", map()), 200).get("couponValueAbove").isNull(), "left out: off");
    }

    @Test
    void anotherTenantsRequest_isNotFound() {
        String id = ApprovalsFixture.pending(T, S1);
        assertEquals("approval.not_found", assertProblem(OTHER.owner().get("/approvals/" + id), 404).path("code").asText());
        assertProblem(OTHER.owner().post("/approvals/" + id + "/decision", map("decision", "approve"), key()), 404);
        assertTrue(ok(OTHER.owner().get("/approvals"), 200).get("items").findValuesAsText("approvalId").stream().noneMatch(id::equals));
        assertEquals("pending", ok(T.owner().get("/approvals/" + id), 200).get("status").asText());
    }

    @Test
    void problems_areWordedInChinese() {
        String id = ApprovalsFixture.pending(T, S1);
        ok(T.owner().post("/approvals/" + id + "/decision", map("decision", "approve"), key()), 200);
        JsonNode p = assertProblem(T.owner().with("Accept-Language", "zh-CN").post("/approvals/" + id + "/decision", map("decision", "approve"), key()), 409);
        assertTrue(p.path("detail").asText().contains("审批单"), p::toString);
    }
}
