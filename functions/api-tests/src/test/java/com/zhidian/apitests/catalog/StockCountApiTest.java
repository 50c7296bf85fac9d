package com.zhidian.apitests.catalog;

import static com.zhidian.apitests.support.Api.map;
import static com.zhidian.apitests.support.Problems.assertFieldErrors;
import static com.zhidian.apitests.support.Problems.assertProblem;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.zhidian.apitests.approvals.ApprovalsFixture;
import com.zhidian.apitests.support.Api;
import com.zhidian.apitests.support.Fixtures;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * Stock counts (盘点单) through the HTTP API: opened over a category and assigned, counted blind by staff, a sale between
 * counting and finishing kept, the count a task until finished; idempotent open and finish; the approval rule on stock
 * adjustments; bad input and conflicts with stable codes; another tenant's and another store's counts are 404.
 */
class StockCountApiTest {
    private static final Fixtures.TenantFixture T = Fixtures.newTenant("premium", 2);
    private static final Fixtures.TenantFixture OTHER = Fixtures.newTenant("basic", 1);
    private static final String S1 = T.storeIds().get(0);
    private static final String S2 = T.storeIds().get(1);

    private static String key() { return UUID.randomUUID().toString(); }

    private static String counts(String store) { return "/stores/" + store + "/stock-counts"; }

    private static JsonNode ok(Api.Res r, int status) {
        assertEquals(status, r.status(), r::toString);
        return r.json();
    }

    private static long onHand(String store, String gtin) {
        return ok(T.owner().get("/stores/" + store + "/stock/" + gtin), 200).get("onHand").asLong();
    }

    private static String received(String category, String name, int quantity, int cost, String store) {
        String g = Catalog.product(T.owner(), category, name);
        ok(T.owner().put("/prices/" + g, map("price", 500)), 200);
        ok(T.owner().post("/stores/" + store + "/stock/" + g + "/receipts", map("quantity", quantity, "cost", cost, "reference", "DN-SC")), 201);
        return g;
    }

    private static JsonNode line(JsonNode count, String gtin) {
        for (JsonNode l : count.get("lines")) if (l.get("gtin").asText().equals(gtin)) return l;
        throw new AssertionError(gtin + " not in " + count);
    }

    private static List<JsonNode> countTasks(Api api, String countId) {
        List<JsonNode> out = new ArrayList<>();
        for (JsonNode task : ok(api.get("/tasks?storeId=" + S1), 200).get("items")) {
            if ("count".equals(task.get("kind").asText()) && task.get("taskId").asText().equals("count:" + countId)) out.add(task);
        }
        return out;
    }

    @Test
    void aCategoryCount_isBlindForStaff_keepsASaleBetweenCountingAndFinishing_andIsATaskUntilFinished() {
        String cat = Catalog.category(T.owner(), "日化盘点");
        String soap = received(cat, "香皂", 24, 120, S1);
        String towel = received(cat, "毛巾", 10, 300, S1);
        String comb = received(cat, "梳子", 5, 200, S1);
        StockCountFixture.Staff counter = StockCountFixture.staff(T, S1);
        String openKey = key();
        var body = map("scope", "category", "categoryId", cat, "assigneeId", counter.userId(), "dueOn", "2026-12-31");
        JsonNode opened = ok(T.owner().post(counts(S1), body, openKey), 201);
        String id = opened.get("countId").asText();
        assertEquals(id, ok(T.owner().post(counts(S1), body, openKey), 201).get("countId").asText(), "a retry opens nothing new");
        assertEquals(3, opened.get("lineCount").asInt());
        assertEquals("open", opened.get("status").asText());
        assertEquals(counter.userId(), opened.get("assigneeId").asText());
        long sameOpen = 0;
        for (JsonNode c : ok(T.owner().get(counts(S1) + "?status=open"), 200).get("items")) if (c.get("countId").asText().equals(id)) sameOpen++;
        assertEquals(1, sameOpen, "one open count, listed");

        JsonNode blind = ok(counter.api().get(counts(S1) + "/" + id), 200);
        assertTrue(blind.get("blind").asBoolean());
        assertFalse(line(blind, soap).has("onHandAtCount"), "staff do not see what the books expect");
        assertFalse(blind.has("totals"));
        List<JsonNode> task = countTasks(counter.api(), id);
        assertEquals(1, task.size(), "the assignee's task list has the count");
        assertEquals(3, task.get(0).get("count").asInt());
        assertEquals("#/stock-counts/" + S1 + "/" + id, task.get(0).get("link").asText());
        assertEquals(0, countTasks(T.staff(S1), id).size(), "assigned to someone else: not another staff member's task");
        assertEquals(1, countTasks(T.owner(), id).size(), "the owner sees every open count");

        JsonNode counted = ok(counter.api().put(counts(S1) + "/" + id + "/lines/" + soap, map("counted", 22)), 200);
        assertEquals(22, counted.get("counted").asLong());
        assertFalse(counted.has("variance"), "blind");
        ok(counter.api().put(counts(S1) + "/" + id + "/lines/" + towel.substring(1), map("counted", 10)), 200);
        assertEquals(1, countTasks(counter.api(), id).get(0).get("count").asInt(), "one line left");

        // three soaps are sold at the till after they were counted: they must not come back at finish
        JsonNode order = ok(T.owner().post("/orders", map("storeId", S1, "channel", "pos", "fulfilment", "in_store",
                "lines", List.of(map("gtin", soap, "qty", 3))), key()), 201);
        ok(T.owner().post("/orders/" + order.get("orderId").asText() + "/payments", map("method", "cash", "tendered", 1500), key()), 200);
        assertEquals(21, onHand(S1, soap));

        JsonNode seen = ok(T.owner().get(counts(S1) + "/" + id), 200);
        assertFalse(seen.get("blind").asBoolean());
        assertEquals(24, line(seen, soap).get("onHandAtCount").asLong());
        assertEquals(-2, line(seen, soap).get("variance").asLong());
        assertEquals(-240, line(seen, soap).get("varianceFen").asLong(), "2 short at 1.20");
        assertEquals(0, line(seen, towel).get("variance").asLong());
        assertTrue(line(seen, comb).get("counted").isNull());
        assertEquals(1, seen.get("totals").get("shortLines").asInt());
        assertEquals(1, seen.get("totals").get("uncounted").asInt());
        assertEquals(-240, seen.get("totals").get("varianceFen").asLong());

        String finishKey = key();
        JsonNode finished = ok(counter.api().post(counts(S1) + "/" + id + "/finish", map(), finishKey), 200);
        assertEquals("finished", finished.get("status").asText());
        assertFalse(finished.get("blind").asBoolean(), "the summary after finishing shows the variance");
        assertEquals(19, onHand(S1, soap), "counted 22, less the 3 sold after the count");
        assertEquals(10, onHand(S1, towel));
        assertEquals(5, onHand(S1, comb), "an uncounted line keeps its on hand");
        JsonNode mv = ok(T.owner().get("/stores/" + S1 + "/stock/" + soap + "/movements"), 200).get("items").get(0);
        assertEquals("count", mv.get("kind").asText());
        assertEquals(-2, mv.get("delta").asLong());
        assertEquals(id, mv.get("reference").asText());
        assertEquals("receipt", ok(T.owner().get("/stores/" + S1 + "/stock/" + towel + "/movements"), 200).get("items").get(0).get("kind").asText(),
                "nothing posted for a line without variance");

        assertEquals(200, counter.api().post(counts(S1) + "/" + id + "/finish", map(), finishKey).status(), "a retry answers the same");
        assertEquals(19, onHand(S1, soap), "and posts nothing twice");
        assertEquals("stock_count.finished", assertProblem(counter.api().post(counts(S1) + "/" + id + "/finish", map(), key()), 409).get("code").asText());
        assertEquals("stock_count.finished", assertProblem(counter.api().put(counts(S1) + "/" + id + "/lines/" + comb, map("counted", 5)), 409)
                .get("code").asText());
        assertEquals(0, countTasks(counter.api(), id).size(), "a finished count is no task");
        boolean listed = false;
        for (JsonNode c : ok(T.owner().get(counts(S1) + "?status=finished"), 200).get("items")) listed |= c.get("countId").asText().equals(id);
        assertTrue(listed);
    }

    @Test
    void aLargeVariance_byStaff_waitsForTheOwnersApproval() {
        Fixtures.TenantFixture t = Fixtures.newTenant("standard", 1);
        String store = t.storeIds().get(0);
        String gtin = Catalog.stocked(t, store);   // 24 on hand
        Api staff = t.staff(store);
        ApprovalsFixture.rules(t, map("stockAdjustmentAbove", 5));
        try {
            String id = ok(staff.post(counts(store), map("scope", "gtins", "gtins", List.of(gtin)), key()), 201).get("countId").asText();
            ok(staff.put(counts(store) + "/" + id + "/lines/" + gtin, map("counted", 10)), 200);
            String path = counts(store) + "/" + id + "/finish";
            JsonNode gated = assertProblem(staff.post(path, map(), key()), 403);
            assertEquals("approval.required", gated.get("code").asText());
            String approval = gated.get("approvalId").asText();
            assertEquals(24, ok(t.owner().get("/stores/" + store + "/stock/" + gtin), 200).get("onHand").asLong(), "nothing posted yet");
            ok(t.owner().post("/approvals/" + approval + "/decision", map("decision", "approve"), key()), 200);
            JsonNode done = ok(staff.with("Approval-Id", approval).post(path, map(), key()), 200);
            assertEquals("finished", done.get("status").asText());
            assertEquals(10, ok(t.owner().get("/stores/" + store + "/stock/" + gtin), 200).get("onHand").asLong());

            // a small variance passes the rule; the owner is never gated
            String small = ok(staff.post(counts(store), map("scope", "store"), key()), 201).get("countId").asText();
            ok(staff.put(counts(store) + "/" + small + "/lines/" + gtin, map("counted", 8)), 200);
            ok(staff.post(counts(store) + "/" + small + "/finish", map(), key()), 200);
            String big = ok(t.owner().post(counts(store), map("scope", "store"), key()), 201).get("countId").asText();
            ok(t.owner().put(counts(store) + "/" + big + "/lines/" + gtin, map("counted", 100)), 200);
            ok(t.owner().post(counts(store) + "/" + big + "/finish", map(), key()), 200);
            assertEquals(100, ok(t.owner().get("/stores/" + store + "/stock/" + gtin), 200).get("onHand").asLong());
        } finally {
            ApprovalsFixture.rules(t, map());
        }
    }

    @Test
    void badInput_andConflicts_haveStableCodes_inBothLanguages() {
        String cat = Catalog.category(T.owner(), "盘点错误");
        String g = received(cat, "牙膏", 6, 400, S2);
        Api owner = T.owner();
        assertFieldErrors(owner.post(counts(S2), map(), key()), "scope");
        assertFieldErrors(owner.post(counts(S2), map("scope", "aisle", "x", 1), key()), "scope", "x");
        assertFieldErrors(owner.post(counts(S2), map("scope", "category"), key()), "categoryId");
        assertFieldErrors(owner.post(counts(S2), map("scope", "store", "categoryId", cat, "gtins", List.of(g)), key()), "categoryId", "gtins");
        assertFieldErrors(owner.post(counts(S2), map("scope", "gtins", "gtins", List.of()), key()), "gtins");
        assertFieldErrors(owner.post(counts(S2), map("scope", "store", "dueOn", "2026-02-30", "assigneeId", "a b"), key()), "dueOn", "assigneeId");
        JsonNode badGtin = assertProblem(owner.post(counts(S2), map("scope", "gtins", "gtins", List.of(g.substring(0, 13) + ((g.charAt(13) - '0' + 1) % 10))), key()), 400);
        assertEquals("gtin.check_digit", badGtin.get("code").asText());
        assertEquals("gtins[0]", badGtin.get("errors").get(0).get("field").asText());
        JsonNode zh = assertProblem(owner.with("Accept-Language", "zh-CN").post(counts(S2), map("scope", "category"), key()), 400);
        assertTrue(zh.get("errors").get(0).get("message").asText().contains("必填"), zh::toString);
        assertEquals("stock_count.empty", assertProblem(owner.post(counts(S2), map("scope", "category", "categoryId",
                Catalog.category(owner, "空分类")), key()), 422).get("code").asText());
        assertEquals("category.not_found", assertProblem(owner.post(counts(S2), map("scope", "category", "categoryId", "cat_none"), key()), 404)
                .get("code").asText());
        assertEquals("stock_count.assignee_not_in_store", assertProblem(owner.post(counts(S2), map("scope", "store", "assigneeId",
                StockCountFixture.staff(T, S1).userId()), key()), 422).get("code").asText(), "staff of another store");
        assertEquals(400, owner.get(counts(S2) + "?status=bogus").status());

        String id = ok(owner.post(counts(S2), map("scope", "category", "categoryId", cat), key()), 201).get("countId").asText();
        String base = counts(S2) + "/" + id;
        assertFieldErrors(owner.put(base + "/lines/" + g, map("counted", -1)), "counted");
        assertFieldErrors(owner.put(base + "/lines/" + g, map("counted", 1.5)), "counted");
        assertFieldErrors(owner.put(base + "/lines/" + g, map()), "counted");
        String stranger = Catalog.product(owner, cat, "不在单上");
        JsonNode notIn = assertProblem(owner.with("Accept-Language", "zh-CN").put(base + "/lines/" + stranger, map("counted", 1)), 422);
        assertEquals("stock_count.not_in_count", notIn.get("code").asText());
        assertTrue(notIn.get("detail").asText().contains("不在盘点单"), notIn::toString);
        assertEquals("stock_count.not_in_count", assertProblem(owner.put(base + "/lines/" + stranger, map("counted", 1)), 422).get("code").asText());
        assertEquals("product.not_found", assertProblem(owner.put(base + "/lines/" + Catalog.newGtin13(), map("counted", 1)), 404).get("code").asText());
        assertEquals("stock_count.not_found", assertProblem(owner.get(counts(S2) + "/sc_none"), 404).get("code").asText());

        ok(owner.put(base + "/lines/" + g, map("counted", 2)), 200);
        JsonNode cancelled = ok(owner.post(base + "/cancel", map(), key()), 200);
        assertEquals("cancelled", cancelled.get("status").asText());
        assertEquals(6, onHand(S2, g), "a cancelled count posts nothing");
        assertEquals("stock_count.cancelled", assertProblem(owner.post(base + "/cancel", map(), key()), 409).get("code").asText());
        assertEquals("stock_count.cancelled", assertProblem(owner.post(base + "/finish", map(), key()), 409).get("code").asText());
        assertEquals("stock_count.cancelled", assertProblem(owner.put(base + "/lines/" + g, map("counted", 3)), 409).get("code").asText());
        assertNotNull(cancelled.get("closedAt").asText());
    }

    @Test
    void anotherTenantsCount_andAnotherStoresStaff_get404() {
        String id = StockCountFixture.open(T, S1);
        String base = counts(S1) + "/" + id;
        assertEquals("store.not_found", assertProblem(OTHER.owner().get(base), 404).get("code").asText());
        assertProblem(OTHER.owner().post(base + "/finish", map(), key()), 404);
        assertProblem(OTHER.owner().post(counts(OTHER.storeIds().get(0)) + "/" + id + "/finish", map(), key()), 404);
        Api elsewhere = T.staff(S2);
        assertProblem(elsewhere.get(base), 404);
        assertProblem(elsewhere.post(base + "/cancel", map(), key()), 404);
        assertProblem(elsewhere.get(counts(S1)), 404);
        assertEquals("open", ok(T.owner().get(base), 200).get("status").asText(), "nothing changed");
    }
}
