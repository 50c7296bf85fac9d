package com.zhidian.apitests.purchasing;

import static com.zhidian.apitests.purchasing.Purchasing.item;
import static com.zhidian.apitests.purchasing.Purchasing.ok;
import static com.zhidian.apitests.support.Api.map;
import static com.zhidian.apitests.support.Problems.assertFieldErrors;
import static com.zhidian.apitests.support.Problems.assertProblem;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.zhidian.apitests.catalog.Catalog;
import com.zhidian.apitests.support.Api;
import com.zhidian.apitests.support.Fixtures;
import java.io.ByteArrayInputStream;
import java.util.Base64;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** Suppliers, replenishment, purchase orders with receipts into stock, forecasts and assortment hints, over HTTP. */
class PurchasingApiTest {
    static final Fixtures.TenantFixture T = Fixtures.newTenant("premium", 2);
    static final Fixtures.TenantFixture OTHER = Fixtures.newTenant("premium", 1);
    static final String STORE = T.storeIds().get(0);
    static final String STORE2 = T.storeIds().get(1);

    static String newProduct(String name) {
        return Catalog.product(T.owner(), Catalog.category(T.owner(), "乳品"), name);
    }

    static long onHand(String store, String gtin) {
        Api.Res r = T.owner().get("/stores/" + store + "/stock/" + gtin);
        return r.status() == 404 ? 0 : ok(r, 200).get("onHand").asLong();
    }

    static JsonNode row(JsonNode replenishment, String gtin) {
        for (JsonNode i : replenishment.get("items")) if (i.get("gtin").asText().equals(gtin)) return i;
        throw new AssertionError(gtin + " not in " + replenishment);
    }

    @Test
    void suppliers_crud_roles_and_anotherTenant() {
        String gtin = newProduct("纯牛奶");
        JsonNode s = ok(T.owner().post("/suppliers", map("name", "光明乳业", "email", "po@bright.example.cn", "phone", "+86 21 5555 0101",
                "items", List.of(item(gtin, 2, 12, 24, 350)))), 201);
        String id = s.get("supplierId").asText();
        assertEquals(2, s.get("items").get(0).get("leadTimeDays").asInt());
        assertEquals(id, ok(T.owner().get("/suppliers/" + id), 200).get("supplierId").asText());
        Api staff = T.staff(STORE);
        assertEquals("光明乳业", ok(staff.get("/suppliers/" + id), 200).get("name").asText());
        assertProblem(staff.post("/suppliers", map("name", "x", "items", List.of())), 403);
        JsonNode changed = ok(T.owner().put("/suppliers/" + id, map("name", "光明乳业（华东）", "items", List.of(item(gtin, 3, 6, 0, 340)))), 200);
        assertEquals(3, changed.get("items").get(0).get("leadTimeDays").asInt());
        assertTrue(T.owner().get("/suppliers?limit=200").json().get("items").toString().contains(id));
        // another tenant's supplier is not found, whatever the verb
        assertProblem(OTHER.owner().get("/suppliers/" + id), 404);
        assertProblem(OTHER.owner().put("/suppliers/" + id, map("name", "偷改", "items", List.of())), 404);
        assertProblem(OTHER.owner().delete("/suppliers/" + id), 404);
        assertEquals(204, T.owner().delete("/suppliers/" + id).status());
        assertEquals("supplier.not_found", assertProblem(T.owner().get("/suppliers/" + id), 404).get("code").asText());
    }

    @Test
    void suppliers_badInput_namesEveryField() {
        assertFieldErrors(T.owner().post("/suppliers", map("email", "not-an-address", "items", List.of(
                map("gtin", "12345678", "leadTimeDays", 0, "casePack", 0, "minOrder", -1, "cost", -5, "colour", "red")))),
                "name", "email", "items[0].gtin", "items[0].leadTimeDays", "items[0].casePack", "items[0].minOrder", "items[0].cost",
                "items[0].colour");
        String gtin = newProduct("酸奶");
        assertFieldErrors(T.owner().post("/suppliers", map("name", "重复", "items", List.of(item(gtin, 1, 1, 0, 1), item(gtin, 2, 1, 0, 1)))),
                "items[1].gtin");
        JsonNode p = assertProblem(T.owner().post("/suppliers", map("name", "未知商品", "items", List.of(item(Catalog.newGtin13(), 1, 1, 0, 1)))), 404);
        assertEquals("purchasing.product_not_found", p.get("code").asText());
        assertProblem(T.owner().post("/suppliers", "{not json"), 400);
    }

    @Test
    void replenishment_handComputed_withoutSalesHistory_availableAndOnOrderCoverTheNeed() {
        String stocked = Catalog.stocked(T, STORE);            // 24 available, never sold
        String empty = newProduct("豆奶");                     // nothing in the store
        String sup = Purchasing.supplier(T.owner(), "蒙牛", List.of(item(stocked, 3, 6, 12, 150), item(empty, 5, 10, 30, 200)));
        JsonNode r = ok(T.owner().get("/stores/" + STORE + "/replenishment?serviceLevel=0.9"), 200);
        assertEquals(0.9, r.get("serviceLevel").asDouble(), 1e-9);
        JsonNode a = row(r, stocked);
        // forecast 0 over 3 days + safety 0 − available 24 − on order 0 = −24 → nothing to order
        assertEquals(0, a.get("forecastOverLeadTime").asDouble(), 0);
        assertEquals(0, a.get("safetyStock").asDouble(), 0);
        assertEquals(24, a.get("available").asLong());
        assertEquals(-24, a.get("need").asDouble(), 0);
        assertEquals(0, a.get("quantity").asLong());
        assertEquals(1.282, a.get("z").asDouble(), 1e-3);
        assertEquals("none", a.get("model").asText());
        assertFalse(a.get("stockOutRisk").asBoolean());
        assertEquals(sup, a.get("supplierId").asText());
        assertTrue(a.get("reason").asText().contains("available 24"), a.toString());
        JsonNode b = row(r, empty);
        assertEquals(0, b.get("need").asDouble(), 0);
        assertEquals(0, b.get("quantity").asLong());
        // a sent order of 12 counts as on order: need −24 − 12 = −36
        String po = ok(T.owner().post("/purchase-orders", map("supplierId", sup, "storeId", STORE,
                "lines", List.of(map("gtin", stocked, "quantity", 12)))), 201).get("purchaseOrderId").asText();
        assertEquals(0, row(ok(T.owner().get("/stores/" + STORE + "/replenishment"), 200), stocked).get("onOrder").asLong(),
                "a draft is not on order yet");
        ok(T.owner().post("/purchase-orders/" + po + "/send", map("via", "csv")), 200);
        JsonNode after = row(ok(T.owner().get("/stores/" + STORE + "/replenishment"), 200), stocked);
        assertEquals(12, after.get("onOrder").asLong());
        assertEquals(-36, after.get("need").asDouble(), 0);
        JsonNode zh = row(ok(T.owner().with("Accept-Language", "zh-CN").get("/stores/" + STORE + "/replenishment"), 200), stocked);
        assertTrue(zh.get("reason").asText().contains("在途 12"), zh.toString());
    }

    @Test
    void replenishment_badInput_andStores() {
        assertFieldErrors(T.owner().get("/stores/" + STORE + "/replenishment?serviceLevel=1.5"), "serviceLevel");
        assertFieldErrors(T.owner().get("/stores/" + STORE + "/replenishment?serviceLevel=0.2"), "serviceLevel");
        assertFieldErrors(T.owner().get("/stores/" + STORE + "/replenishment?serviceLevel=abc"), "serviceLevel");
        assertProblem(T.owner().get("/stores/nope/replenishment"), 404);
        assertProblem(OTHER.owner().get("/stores/" + STORE + "/replenishment"), 404);
        assertProblem(T.staff(STORE2).get("/stores/" + STORE + "/replenishment"), 404);
    }

    @Test
    void purchaseOrder_lifecycle_partialThenShortDelivery_updatesStock() throws Exception {
        String milk = newProduct("鲜牛奶");
        String yogurt = newProduct("原味酸奶");
        String sup = Purchasing.supplier(T.owner(), "伊利", List.of(item(milk, 2, 12, 24, 300), item(yogurt, 2, 6, 0, 450)));
        Api staff = T.staff(STORE);
        JsonNode draft = ok(staff.post("/purchase-orders", map("supplierId", sup, "storeId", STORE,
                "lines", List.of(map("gtin", milk, "quantity", 24), map("gtin", yogurt, "quantity", 12)), "note", "周末备货")), 201);
        String id = draft.get("purchaseOrderId").asText();
        assertEquals("draft", draft.get("status").asText());
        assertEquals(24 * 300 + 12 * 450, draft.get("total").asLong());
        // editable while draft
        JsonNode edited = ok(staff.put("/purchase-orders/" + id, map("lines", List.of(map("gtin", milk, "quantity", 36), map("gtin", yogurt, "quantity", 12)))), 200);
        assertEquals(36, edited.get("lines").get(0).get("quantity").asLong());
        // a receipt before sending is refused
        assertEquals("purchase_order.illegal_transition", assertProblem(staff.post("/purchase-orders/" + id + "/receipts",
                map("lines", List.of(map("gtin", milk, "quantity", 1)))), 409).get("code").asText());
        JsonNode sent = ok(staff.post("/purchase-orders/" + id + "/send", map("via", "xlsx")), 200);
        assertEquals("sent", sent.get("purchaseOrder").get("status").asText());
        byte[] xlsx = Base64.getDecoder().decode(sent.get("document").get("contentBase64").asText());
        try (var wb = new org.apache.poi.xssf.usermodel.XSSFWorkbook(new ByteArrayInputStream(xlsx))) {
            var sheet = wb.getSheetAt(0);
            assertEquals(id, sheet.getRow(0).getCell(1).getStringCellValue());
            assertEquals(milk, sheet.getRow(4).getCell(0).getStringCellValue());
            assertEquals(36, sheet.getRow(4).getCell(2).getNumericCellValue(), 0);
        }
        assertEquals("purchase_order.not_draft", assertProblem(staff.put("/purchase-orders/" + id,
                map("lines", List.of(map("gtin", milk, "quantity", 1)))), 409).get("code").asText());
        long before = onHand(STORE, milk);
        // partial: 20 of 36 milk, all yogurt, with an expiry date
        String key = UUID.randomUUID().toString();
        Object body = map("lines", List.of(map("gtin", milk, "quantity", 20, "expiresOn", "2027-01-10"), map("gtin", yogurt, "quantity", 12)));
        JsonNode part = ok(staff.post("/purchase-orders/" + id + "/receipts", body, key), 201);
        assertEquals("partially_received", part.get("status").asText());
        assertEquals(before + 20, onHand(STORE, milk));
        assertEquals(12, onHand(STORE, yogurt));
        // the same key again: the same answer, no second receipt
        Api.Res replay = staff.post("/purchase-orders/" + id + "/receipts", body, key);
        assertEquals(201, replay.status());
        assertEquals("true", replay.header("Idempotent-Replayed"));
        assertEquals(before + 20, onHand(STORE, milk));
        // more than outstanding is refused, nothing moves
        JsonNode over = assertProblem(staff.post("/purchase-orders/" + id + "/receipts", map("lines", List.of(map("gtin", milk, "quantity", 17)))), 422);
        assertEquals("purchase_order.over_receipt", over.get("code").asText());
        assertEquals(before + 20, onHand(STORE, milk));
        assertEquals("purchase_order.not_on_order", assertProblem(staff.post("/purchase-orders/" + id + "/receipts",
                map("lines", List.of(map("gtin", Catalog.stocked(T, STORE), "quantity", 1)))), 422).get("code").asText());
        // short delivery: 10 more milk and the supplier will not bring the last 6
        JsonNode done = ok(staff.post("/purchase-orders/" + id + "/receipts", map("lines", List.of(map("gtin", milk, "quantity", 10)),
                "closes", true, "note", "缺货 6 瓶")), 201);
        assertEquals("received", done.get("status").asText());
        JsonNode milkLine = done.get("lines").get(0);
        assertEquals(30, milkLine.get("received").asLong());
        assertEquals(6, milkLine.get("short").asLong());
        assertEquals(0, done.get("lines").get(1).get("short").asLong());
        assertEquals(2, done.get("receipts").size());
        assertEquals(before + 30, onHand(STORE, milk));
        assertEquals("purchase_order.illegal_transition", assertProblem(staff.post("/purchase-orders/" + id + "/cancel", null), 409)
                .get("code").asText());
        // the stock movements name the order
        JsonNode mv = ok(T.owner().get("/stores/" + STORE + "/stock/" + milk + "/movements?limit=10"), 200);
        assertTrue(mv.toString().contains("PO " + id), mv.toString());
        // lists
        assertTrue(T.owner().get("/purchase-orders?storeId=" + STORE + "&status=received").json().toString().contains(id));
        assertFalse(T.owner().get("/purchase-orders?status=draft").json().toString().contains(id));
    }

    @Test
    void purchaseOrder_emailGoesToTheOutbox_cancel_andRefusals() {
        String gtin = newProduct("奶酪棒");
        String sup = Purchasing.supplier(T.owner(), "妙可蓝多", List.of(item(gtin, 4, 10, 20, 120)));
        String other = newProduct("黄油");
        assertEquals("purchase_order.not_supplied", assertProblem(T.owner().post("/purchase-orders", map("supplierId", sup, "storeId", STORE,
                "lines", List.of(map("gtin", other, "quantity", 1)))), 422).get("code").asText());
        assertEquals("supplier.not_found", assertProblem(T.owner().post("/purchase-orders", map("supplierId", "sup_nope", "storeId", STORE,
                "lines", List.of(map("gtin", gtin, "quantity", 1)))), 404).get("code").asText());
        String id = ok(T.owner().post("/purchase-orders", map("supplierId", sup, "storeId", STORE,
                "lines", List.of(map("gtin", gtin, "quantity", 20)))), 201).get("purchaseOrderId").asText();
        JsonNode sent = ok(T.owner().post("/purchase-orders/" + id + "/send", map("via", "email")), 200);
        assertNotNull(sent.get("messageId").asText());
        assertTrue(sent.get("document").isNull());
        assertEquals("email", sent.get("purchaseOrder").get("sentVia").asText());
        assertEquals("purchase_order.illegal_transition", assertProblem(T.owner().post("/purchase-orders/" + id + "/send",
                map("via", "csv")), 409).get("code").asText());
        assertEquals("cancelled", ok(T.owner().post("/purchase-orders/" + id + "/cancel", null), 200).get("status").asText());
        // a supplier without e-mail cannot be e-mailed
        String noMail = ok(T.owner().post("/suppliers", map("name", "小作坊", "items", List.of(item(gtin, 1, 1, 0, 100)))), 201)
                .get("supplierId").asText();
        String id2 = ok(T.owner().post("/purchase-orders", map("supplierId", noMail, "storeId", STORE,
                "lines", List.of(map("gtin", gtin, "quantity", 3)))), 201).get("purchaseOrderId").asText();
        assertEquals("purchase_order.supplier_has_no_email", assertProblem(T.owner().post("/purchase-orders/" + id2 + "/send",
                map("via", "email")), 422).get("code").asText());
        JsonNode csv = ok(T.owner().post("/purchase-orders/" + id2 + "/send", map("via", "csv")), 200).get("document");
        String text = new String(Base64.getDecoder().decode(csv.get("contentBase64").asText()), java.nio.charset.StandardCharsets.UTF_8);
        assertTrue(text.startsWith("\uFEFF"), "a byte-order mark so Excel reads UTF-8");
        assertTrue(text.contains(gtin + ",奶酪棒,3,1.00,3.00"), text);
    }

    @Test
    void purchaseOrders_badInput_anotherTenant_andStaffOfAnotherStore() {
        String id = Purchasing.draft(T, STORE);
        assertFieldErrors(T.owner().post("/purchase-orders", map("supplierId", "bad id!", "lines", List.of(map("gtin", "x", "quantity", 0)))),
                "supplierId", "storeId", "lines[0].gtin", "lines[0].quantity");
        assertFieldErrors(T.owner().post("/purchase-orders", map("supplierId", "s1", "storeId", STORE, "lines", List.of())), "lines");
        assertFieldErrors(T.owner().post("/purchase-orders/" + id + "/send", map("via", "fax")), "via");
        assertFieldErrors(T.owner().put("/purchase-orders/" + id, map("lines", List.of(map("gtin", "00000001", "quantity", 2_000_000)))),
                "lines[0].gtin", "lines[0].quantity");
        ok(T.owner().post("/purchase-orders/" + id + "/send", map("via", "csv")), 200);
        assertFieldErrors(T.owner().post("/purchase-orders/" + id + "/receipts", map("lines", List.of(map("gtin", "123", "quantity", -1,
                "expiresOn", "2027-02-30")), "closes", "yes")), "lines[0].gtin", "lines[0].quantity", "lines[0].expiresOn", "closes");
        assertFieldErrors(T.owner().get("/purchase-orders?status=lost"), "status");
        assertProblem(T.owner().post("/purchase-orders/" + id + "/receipts", "[]"), 400);
        for (Api other : List.of(OTHER.owner(), T.staff(STORE2))) {
            assertProblem(other.get("/purchase-orders/" + id), 404);
            assertProblem(other.post("/purchase-orders/" + id + "/receipts", map("lines", List.of(map("gtin", Catalog.newGtin13(), "quantity", 1)))), 404);
            assertProblem(other.post("/purchase-orders/" + id + "/cancel", null), 404);
        }
        assertFalse(OTHER.owner().get("/purchase-orders?limit=200").json().toString().contains(id));
        assertProblem(T.owner().post("/purchase-orders", map("supplierId", "s1", "storeId", OTHER.storeIds().get(0),
                "lines", List.of(map("gtin", Catalog.newGtin13(), "quantity", 1)))), 404);
    }

    @Test
    void forecast_ofAProductWithoutSales_andBadInput() {
        String gtin = Catalog.stocked(T, STORE);
        JsonNode f = ok(T.owner().get("/reports/forecast?storeId=" + STORE + "&gtin=" + gtin + "&days=14"), 200);
        assertEquals("none", f.get("model").asText());
        assertEquals("no_demand", f.get("demandClass").asText());
        assertEquals(14, f.get("points").size());
        assertEquals(0, f.get("points").get(0).get("hi95").asDouble(), 0);
        assertTrue(f.get("mase").isNull());
        // stored: asked again, the same computation time
        JsonNode again = ok(T.owner().get("/reports/forecast?storeId=" + STORE + "&gtin=" + gtin + "&days=7"), 200);
        assertEquals(f.get("computedAt").asText(), again.get("computedAt").asText());
        assertEquals(7, again.get("points").size());
        assertFieldErrors(T.owner().get("/reports/forecast?storeId=" + STORE + "&gtin=123&days=0"), "gtin");
        assertFieldErrors(T.owner().get("/reports/forecast?storeId=" + STORE + "&gtin=" + gtin + "&days=61"), "days");
        assertFieldErrors(T.owner().get("/reports/forecast?gtin=" + gtin), "storeId");
        assertEquals("purchasing.product_not_found", assertProblem(T.owner().get("/reports/forecast?storeId=" + STORE + "&gtin="
                + Catalog.newGtin13()), 404).get("code").asText());
        assertProblem(OTHER.owner().get("/reports/forecast?storeId=" + STORE + "&gtin=" + gtin), 404);
        assertProblem(T.staff(STORE2).get("/reports/forecast?storeId=" + STORE + "&gtin=" + gtin), 404);
    }

    @Test
    void theNightlyJobRefreshesTheStoredForecastsOfTheStore() {
        Fixtures.TenantFixture t = Fixtures.newTenant("premium", 1);
        String store = t.storeIds().get(0);
        String a = Catalog.stocked(t, store);
        String b = Catalog.stocked(t, store);
        String before = ok(t.owner().get("/reports/forecast?storeId=" + store + "&gtin=" + a), 200).get("computedAt").asText();
        assertEquals(200, Fixtures.anonymous().post("/local/schedules/ForecastFunction", null).status());
        JsonNode after = ok(t.owner().get("/reports/forecast?storeId=" + store + "&gtin=" + a), 200);
        assertTrue(java.time.Instant.parse(after.get("computedAt").asText()).isAfter(java.time.Instant.parse(before)),
                before + " then " + after.get("computedAt"));
        // the other product with stock there was forecast by the job too (not computed on this request)
        // (Zhidian Local runs in this JVM: its clock is this one, so "before this request" is well defined)
        java.time.Instant asked = java.time.Instant.now();
        JsonNode other = ok(t.owner().get("/reports/forecast?storeId=" + store + "&gtin=" + b), 200);
        assertTrue(java.time.Instant.parse(other.get("computedAt").asText()).isBefore(asked), other.get("computedAt").asText());
        assertEquals(60, ok(t.owner().get("/reports/forecast?storeId=" + store + "&gtin=" + b + "&days=60"), 200).get("points").size());
    }

    @Test
    void assortment_nearExpiryLotsAndSlowMovers_withReasons() {
        Fixtures.TenantFixture t = Fixtures.newTenant("premium", 1);
        String store = t.storeIds().get(0);
        String gtin = Catalog.product(t.owner(), Catalog.category(t.owner(), "烘焙"), "全麦面包");
        ok(t.owner().put("/prices/" + gtin, map("price", 1000)), 200);
        String soon = java.time.LocalDate.now(java.time.ZoneId.of("Asia/Shanghai")).plusDays(3).toString();
        ok(t.owner().post("/stores/" + store + "/stock/" + gtin + "/receipts", map("quantity", 10, "cost", 600, "reference", "DN-9",
                "expiresOn", soon)), 201);
        JsonNode a = ok(t.owner().get("/reports/assortment?storeId=" + store), 200);
        JsonNode md = a.get("markdowns").get(0);
        assertEquals(gtin, md.get("gtin").asText());
        assertEquals("near_expiry", md.get("kind").asText());
        assertEquals(50, md.get("percent").asInt(), "nothing sells before expiry: the deepest markdown");
        assertEquals(500, md.get("suggestedPrice").asLong());
        assertEquals(10, md.get("units").asLong());
        assertTrue(md.get("reason").asText().contains(soon), md.toString());
        JsonNode slow = a.get("slowMovers").get(0);
        assertEquals(gtin, slow.get("gtin").asText());
        assertTrue(slow.get("delistCandidate").asBoolean());
        assertEquals("C", a.get("abc").get(0).get("class").asText());
        assertFieldErrors(t.owner().get("/reports/assortment"), "storeId");
        assertProblem(OTHER.owner().get("/reports/assortment?storeId=" + store), 404);
    }
}
