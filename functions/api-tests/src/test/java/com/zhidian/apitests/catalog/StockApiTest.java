package com.zhidian.apitests.catalog;

import static com.zhidian.apitests.support.Api.map;
import static com.zhidian.apitests.support.Problems.assertFieldErrors;
import static com.zhidian.apitests.support.Problems.assertProblem;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.zhidian.apitests.support.Api;
import com.zhidian.apitests.support.Fixtures;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class StockApiTest {
    private static final Fixtures.TenantFixture T = Fixtures.newTenant("premium", 2);
    private static final Fixtures.TenantFixture OTHER = Fixtures.newTenant("basic", 1);
    private static final String CAT = Catalog.category(T.owner(), "日用");
    private static final String S1 = T.storeIds().get(0);
    private static final String S2 = T.storeIds().get(1);

    @Test
    void receipt_count_adjustment_keepMovements_andOnHandIsTheirSum() {
        String g = Catalog.product(T.owner(), CAT, "纸巾");
        String base = "/stores/" + S1 + "/stock/" + g;
        Api staff = T.staff(S1);
        String key = UUID.randomUUID().toString();
        Api.Res r = staff.post(base + "/receipts", map("quantity", 40, "cost", 150, "reference", "DN-100"), key);
        assertEquals(201, r.status(), r::toString);
        assertEquals("receipt", r.json().get("kind").asText());
        assertEquals(201, staff.post(base + "/receipts", map("quantity", 40, "cost", 150, "reference", "DN-100"), key).status());
        assertEquals(40, level(g, S1).get("onHand").asLong(), "a retry with the same Idempotency-Key changes nothing");
        Api.Res count = staff.put(base, map("quantity", 37, "reason", "月末盘点"));
        assertEquals(200, count.status(), count::toString);
        assertEquals(-3, count.json().get("delta").asLong(), "the variance");
        assertEquals(201, staff.post(base + "/adjustments", map("delta", -2, "reason", "damage", "note", "破损")).status());
        JsonNode l = level(g, S1);
        assertEquals(35, l.get("onHand").asLong());
        assertEquals(35, l.get("available").asLong());
        JsonNode mv = staff.get(base + "/movements").json().get("items");
        assertEquals(List.of("adjustment", "count", "receipt"), List.of(mv.get(0).get("kind").asText(), mv.get(1).get("kind").asText(), mv.get(2).get("kind").asText()));
        long sum = 0;
        for (JsonNode m : mv) sum += m.get("delta").asLong();
        assertEquals(35, sum);
        assertTrue(mv.get(0).get("by").asText().contains("@"), "who");
    }

    @Test
    void stockNeverGoesNegative_andBadQuantitiesAreRefused() {
        String g = Catalog.product(T.owner(), CAT, "牙刷");
        String base = "/stores/" + S1 + "/stock/" + g;
        JsonNode p = assertProblem(T.owner().post(base + "/adjustments", map("delta", -1, "reason", "loss")), 422);
        assertEquals("stock.insufficient", p.get("code").asText());
        assertFieldErrors(T.owner().post(base + "/receipts", map("quantity", -5, "cost", 1, "reference", "x")), "quantity");
        assertFieldErrors(T.owner().post(base + "/receipts", map("quantity", 1.5, "cost", 1, "reference", "x")), "quantity");
        assertFieldErrors(T.owner().post(base + "/receipts", map("quantity", 1, "cost", -1, "reference", "x", "expiresOn", "2026-02-30")), "cost", "expiresOn");
        assertFieldErrors(T.owner().post(base + "/adjustments", map("delta", 0, "reason", "theft")), "delta", "reason");
        assertFieldErrors(T.owner().put(base, map("quantity", -1, "reason", "x")), "quantity");
        assertProblem(T.owner().post("/stores/st_unknown/stock/" + g + "/receipts", map("quantity", 1, "cost", 1, "reference", "x")), 404);
        assertProblem(OTHER.owner().post("/stores/" + S1 + "/stock/" + g + "/receipts", map("quantity", 1, "cost", 1, "reference", "x")), 404);
        assertProblem(T.staff(S2).get(base), 404);
        assertEquals(0, level(g, S1).get("onHand").asLong());
    }

    @Test
    void transfer_movesBothSidesOrNothing() {
        String a = Catalog.product(T.owner(), CAT, "洗衣液");
        String b = Catalog.product(T.owner(), CAT, "肥皂");
        T.owner().post("/stores/" + S1 + "/stock/" + a + "/receipts", map("quantity", 10, "cost", 900, "reference", "DN-1"));
        T.owner().post("/stores/" + S1 + "/stock/" + b + "/receipts", map("quantity", 2, "cost", 300, "reference", "DN-1"));
        Api.Res ok = T.owner().post("/stock-transfers", map("fromStoreId", S1, "toStoreId", S2, "lines", List.of(map("gtin", a.substring(1), "quantity", 4))));
        assertEquals(201, ok.status(), ok::toString);
        assertEquals(6, level(a, S1).get("onHand").asLong());
        assertEquals(4, level(a, S2).get("onHand").asLong());
        JsonNode refused = assertProblem(T.owner().post("/stock-transfers", map("fromStoreId", S1, "toStoreId", S2,
                "lines", List.of(map("gtin", a, "quantity", 1), map("gtin", b, "quantity", 3)))), 422);
        assertEquals("stock.insufficient", refused.get("code").asText());
        assertEquals(6, level(a, S1).get("onHand").asLong(), "the first line did not move either");
        assertEquals(4, level(a, S2).get("onHand").asLong());
        assertProblem(T.owner().post("/stock-transfers", map("fromStoreId", S1, "toStoreId", S1, "lines", List.of(map("gtin", a, "quantity", 1)))), 422);
        assertProblem(T.owner().post("/stock-transfers", map("fromStoreId", S1, "toStoreId", OTHER.storeIds().get(0), "lines", List.of(map("gtin", a, "quantity", 1)))), 404);
        assertFieldErrors(T.owner().post("/stock-transfers", map("fromStoreId", S1, "toStoreId", S2, "lines", List.of(map("gtin", "123", "quantity", 0)))),
                "lines[0].gtin", "lines[0].quantity");
    }

    @Test
    void countSheet_listsExpectations_andNearExpiry_isOldestFirst() {
        String milk = Catalog.product(T.owner(), CAT, "酸奶");
        String base = "/stores/" + S2 + "/stock/" + milk;
        LocalDate today = LocalDate.now(java.time.ZoneId.of("Asia/Shanghai"));
        T.owner().post(base + "/receipts", map("quantity", 5, "cost", 300, "reference", "DN-A", "expiresOn", today.plusDays(5).toString()));
        T.owner().post(base + "/receipts", map("quantity", 6, "cost", 300, "reference", "DN-B", "expiresOn", today.plusDays(2).toString()));
        T.owner().post(base + "/receipts", map("quantity", 7, "cost", 300, "reference", "DN-C", "expiresOn", today.plusDays(30).toString()));
        JsonNode lots = T.owner().get("/stores/" + S2 + "/near-expiry?days=7").json().get("items");
        List<String> refs = new java.util.ArrayList<>();
        lots.forEach(l -> { if (l.get("gtin").asText().equals(milk)) refs.add(l.get("reference").asText()); });
        assertEquals(List.of("DN-B", "DN-A"), refs);
        JsonNode sheet = T.staff(S2).get("/stores/" + S2 + "/count-sheet").json().get("items");
        boolean found = false;
        for (JsonNode row : sheet) if (row.get("gtin").asText().equals(milk)) { found = true; assertEquals(18, row.get("onHand").asLong()); assertEquals("酸奶", row.get("name").asText()); }
        assertTrue(found);
        lots.forEach(l -> { if (l.get("gtin").asText().equals(milk)) assertEquals(l.get("quantity").asLong(), l.get("onShelf").asLong()); });

        // sales take the oldest receipts first: after 8 sold (an adjustment here), DN-A (received first) has none left
        // and DN-B (received second) 3 of its 6; DN-C, the newest, is whole but not near expiry
        assertEquals(201, T.owner().post(base + "/adjustments", map("delta", -8, "reason", "sample")).status());
        JsonNode after = T.owner().get("/stores/" + S2 + "/near-expiry?days=7").json().get("items");
        List<String> left = new java.util.ArrayList<>();
        after.forEach(l -> { if (l.get("gtin").asText().equals(milk)) left.add(l.get("reference").asText() + ":" + l.get("onShelf").asLong()); });
        assertEquals(List.of("DN-B:3"), left);
        JsonNode firstPage = T.owner().get("/stores/" + S2 + "/near-expiry?days=30&limit=1").json();
        assertEquals(1, firstPage.get("items").size());
        assertTrue(!firstPage.get("nextCursor").isNull(), "DN-B and DN-C are left within 30 days");
        assertEquals(400, T.owner().get("/stores/" + S2 + "/near-expiry?days=30&limit=1&cursor=x"
                + java.net.URLEncoder.encode(firstPage.get("nextCursor").asText(), java.nio.charset.StandardCharsets.UTF_8)).status(), "a forged cursor");
    }

    private static JsonNode level(String gtin, String store) {
        Api.Res r = T.owner().get("/stores/" + store + "/stock/" + gtin);
        assertEquals(200, r.status(), r::toString);
        return r.json();
    }

    static Map<String, Object> line(String g, int q) { return map("gtin", g, "quantity", q); }
}
