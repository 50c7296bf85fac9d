package com.zhidian.apitests.contract;

import static com.zhidian.apitests.support.Api.map;
import static com.zhidian.apitests.support.Problems.assertFieldErrors;
import static com.zhidian.apitests.support.Problems.assertProblem;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.zhidian.apitests.catalog.Catalog;
import com.zhidian.apitests.support.Api;
import com.zhidian.apitests.support.Fixtures;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * Calls written exactly as /work/shared/design/api.md (the API outline, the contract) writes them, where the product
 * once asked for more than the outline: each would have been a 400 to a client that followed the outline.
 */
class ApiOutlineTest {
    private static final Fixtures.TenantFixture T = Fixtures.newTenant("premium", 1);
    private static final String STORE = T.storeIds().get(0);

    private static String key() { return UUID.randomUUID().toString(); }

    private static JsonNode ok(Api.Res r, int status) {
        assertEquals(status, r.status(), () -> r.toString());
        return r.json();
    }

    @Test
    void receipt_withQuantityAndReferenceOnly_isRecorded_andTheProductKeepsItsLastCost() {
        String gtin = Catalog.product(T.owner(), Catalog.category(T.owner(), "饮料"), "矿泉水");
        Api staff = T.staff(STORE);
        ok(staff.post("/stores/" + STORE + "/stock/" + gtin + "/receipts", map("quantity", 10, "cost", 120, "reference", "DN-1"), key()), 201);

        JsonNode m = ok(staff.post("/stores/" + STORE + "/stock/" + gtin + "/receipts", map("quantity", 5, "reference", "DN-2"), key()), 201);

        assertEquals("receipt", m.get("kind").asText());
        assertEquals(5, m.get("delta").asLong());
        assertTrue(m.get("cost").isNull(), "no cost was given: " + m);
        assertEquals(15, ok(staff.get("/stores/" + STORE + "/stock/" + gtin), 200).get("onHand").asLong());
        assertEquals(120, ok(T.owner().get("/products/" + gtin), 200).get("lastReceiptCost").asLong(), "the last cost given stays");
    }

    @Test
    void receipt_withoutCost_ofAProductTheTenantDoesNotHave_is404_andNoStockMoves() {
        String unknown = Catalog.newGtin13();
        Api.Res r = T.owner().post("/stores/" + STORE + "/stock/" + unknown + "/receipts", map("quantity", 5, "reference", "DN-3"), key());
        assertProblem(r, 404);
        assertProblem(T.owner().get("/stores/" + STORE + "/stock/" + unknown), 404);
    }

    @Test
    void cashPayment_asTheOutlineWritesIt_paysTheExactTotal_withNoChange() {
        String gtin = Catalog.stocked(T, STORE);     // 200 fen, 24 on hand
        Api cashier = T.staff(STORE);
        JsonNode placed = ok(cashier.post("/orders", map("storeId", STORE, "channel", "pos", "fulfilment", "in_store",
                "lines", List.of(map("gtin", gtin, "qty", 3))), key()), 201);
        long total = placed.get("total").asLong();
        assertEquals(600, total);

        JsonNode paid = ok(cashier.post("/orders/" + placed.get("orderId").asText() + "/payments", map("method", "cash"), key()), 200);

        assertEquals("paid", paid.get("status").asText());
        assertEquals(total, paid.at("/payments/0/tendered").asLong());
        assertEquals(0, paid.at("/payments/0/change").asLong());
        assertEquals(21, ok(cashier.get("/stores/" + STORE + "/stock/" + gtin), 200).get("onHand").asLong());
    }

    @Test
    void cashPayment_aTenderedBelowTheTotal_isStill422_andAFieldOnlyCardTakesIsStill400() {
        String gtin = Catalog.stocked(T, STORE);
        Api cashier = T.staff(STORE);
        String id = ok(cashier.post("/orders", map("storeId", STORE, "channel", "pos", "fulfilment", "in_store",
                "lines", List.of(map("gtin", gtin, "qty", 1))), key()), 201).get("orderId").asText();
        assertEquals("order.tendered_short",
                assertProblem(cashier.post("/orders/" + id + "/payments", map("method", "cash", "tendered", 199), key()), 422).get("code").asText());
        assertFieldErrors(cashier.post("/orders/" + id + "/payments", map("method", "cash", "paymentMethod", "pm_card_visa"), key()), "paymentMethod");
        assertEquals("placed", ok(T.owner().get("/orders/" + id), 200).get("status").asText());
    }

    @Test
    void reportParameters_thatAreInvalid_areNamedInErrors_withTheirOwnCodes() {
        Api o = T.owner();
        expectField(o.get("/reports/sales?from=2026-13-01&to=2026-12-01"), "from", "report.bad_date");
        expectField(o.get("/reports/sales?from=2026-11-01"), "to", "report.bad_date");
        expectField(o.get("/reports/sales?from=2026-12-02&to=2026-12-01"), "from", "report.bad_range");
        expectField(o.get("/reports/sales?from=2024-01-01&to=2026-12-01"), "to", "report.range_too_long");
        expectField(o.get("/reports/sales?from=2026-11-01&to=2026-12-01&groupBy=year"), "groupBy", "report.unknown_group_by");
        expectField(o.get("/reports/traffic?from=2026-11-01&to=2026-12-01&storeId=" + STORE + "&groupBy=week"), "groupBy",
                "report.unknown_group_by");
        expectField(o.get("/reports/members?from=2026-11-31&to=2026-12-01"), "from", "report.bad_date");
    }

    @Test
    void campaign_inTheOutlinesForm_savesItsSegment_andPreviewsLikeAnyOther() {
        Api o = T.owner();
        String name = "老客召回 " + UUID.randomUUID().toString().substring(0, 6);
        Map<String, Object> segment = map("match", "all", "rules", List.of(map("kind", "points_balance", "min", 0)));
        JsonNode c = o.post("/campaigns", map("name", name, "segment", segment, "message", map("title", "周末特惠", "body", "到店有礼"),
                "channel", "sms")).json();
        assertEquals("周末特惠", c.get("title").asText(), c::toString);
        assertEquals("到店有礼", c.get("body").asText());
        JsonNode saved = o.get("/segments/" + c.get("segmentId").asText()).json();
        assertEquals(name, saved.get("name").asText(), "the segment is saved under the campaign's name");
        assertTrue(o.post("/campaigns/" + c.get("campaignId").asText() + "/preview", map()).json().has("matching"));
        // the forms do not mix, and the outline's parts are checked like any field
        long before = o.get("/segments?limit=200").json().get("items").size();
        assertFieldErrors(o.post("/campaigns", map("name", name, "segment", segment, "message", map("title", "t", "body", "b"),
                "channel", "sms", "title", "t")), "title");
        assertFieldErrors(o.post("/campaigns", map("name", name, "segment", segment, "message", map("body", "b"), "channel", "sms")),
                "message.title");
        assertFieldErrors(o.post("/campaigns", map("name", name, "segment", map("rules", List.of(map("kind", "nope"))),
                "message", map("title", "t", "body", "b"), "channel", "sms")), "segment.rules[0].kind");
        assertEquals(before, o.get("/segments?limit=200").json().get("items").size(), "a refused campaign saves no segment");
    }

    private static void expectField(Api.Res r, String field, String code) {
        assertFieldErrors(r, field);
        JsonNode p = r.json();
        assertEquals(code, p.get("code").asText(), r::toString);
        assertEquals(code, p.at("/errors/0/code").asText(), r::toString);
        assertTrue(p.at("/errors/0/message").asText().length() > 0, r::toString);
    }
}
