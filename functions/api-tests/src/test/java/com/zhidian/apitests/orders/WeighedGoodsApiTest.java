package com.zhidian.apitests.orders;

import static com.zhidian.apitests.orders.Shop.key;
import static com.zhidian.apitests.orders.Shop.line;
import static com.zhidian.apitests.orders.Shop.ok;
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
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/**
 * Goods sold by weight (issues 19 and 23), through the HTTP API against Zhidian Local: the product (price per kg, a
 * 5-digit PLU, stock in grams), the weighing scale's label in the tenant's format (2 F PPPPP WWWWW C), and orders of
 * weighed lines priced on the server (price per kg × grams, half up to the fen), paid, refunded by the gram.
 */
class WeighedGoodsApiTest {
    static final Shop S = new Shop();
    static final AtomicInteger PLU = new AtomicInteger(30_000 + (int) (System.nanoTime() % 1000));
    static {
        // this tenant's scales print the weight: prefix 28, 5-digit PLU, 5-digit grams
        ok(S.owner().put("/catalog/settings", map("variableMeasure", map("prefixes", List.of("28"), "itemDigits", 5, "value", "weight"))), 200);
    }

    /** A product sold by weight at {@code perKg} fen a kilogram with {@code grams} on hand; its GTIN-14 and PLU. */
    record Weighed(String gtin, String plu) {}

    static Weighed weighed(long perKg, long grams) {
        String plu = String.valueOf(PLU.incrementAndGet());
        JsonNode p = ok(S.owner().post("/products", map("gtin", Catalog.newGtin13(), "name", "散装苹果" + plu, "categoryId", S.category,
                "unit", "kg", "plu", plu, "soldBy", "weight")), 201);
        assertEquals("weight", p.get("soldBy").asText());
        String gtin = p.get("gtin").asText();
        ok(S.owner().put("/prices/" + gtin, map("price", perKg, "per", "kg")), 200);
        if (grams > 0) ok(S.owner().post("/stores/" + S.store + "/stock/" + gtin + "/receipts", map("quantity", grams, "cost", 1, "reference", "DN")), 201);
        return new Weighed(gtin, plu);
    }

    static String label(String plu, long grams) {
        String body = "28" + plu + String.format("%05d", grams);
        return body + Catalog.checkDigit(body);
    }

    static Map<String, Object> scale(String code) {
        return map("scaleCode", code);
    }

    static Map<String, Object> byWeight(String gtin, long grams) {
        return map("gtin", gtin, "weightGrams", grams);
    }

    @Test
    void aWeighedProduct_needsItsPluAndIsPricedPerKg() {
        Api o = S.owner();
        String cat = S.category;
        assertEquals("required_for_weight", field(assertProblem(o.post("/products", map("gtin", Catalog.newGtin13(), "name", "梨", "categoryId", cat,
                "unit", "kg", "soldBy", "weight")), 400), "plu"));
        assertEquals("weighed_plu_digits", field(assertProblem(o.post("/products", map("gtin", Catalog.newGtin13(), "name", "梨", "categoryId", cat,
                "unit", "kg", "plu", "1234", "soldBy", "weight")), 400), "plu"));
        assertEquals("weighed_unit", field(assertProblem(o.post("/products", map("gtin", Catalog.newGtin13(), "name", "梨", "categoryId", cat,
                "unit", "瓶", "plu", "12346", "soldBy", "weight")), 400), "unit"));
        assertFieldErrors(o.post("/products", map("gtin", Catalog.newGtin13(), "name", "梨", "categoryId", cat, "unit", "kg", "soldBy", "gram")), "soldBy");

        Weighed w = weighed(1280, 0);
        JsonNode mismatch = assertProblem(o.put("/prices/" + w.gtin(), map("price", 640, "per", "piece")), 422);
        assertEquals("price.unit_mismatch", mismatch.get("code").asText());
        assertTrue(assertProblem(o.with("Accept-Language", "zh-CN").put("/prices/" + w.gtin(), map("price", 640, "per", "piece")), 422)
                .path("detail").asText().contains("每千克"));
        String piece = S.product(350, 0);
        assertEquals("price.unit_mismatch", assertProblem(o.put("/prices/" + piece, map("price", 350, "per", "kg")), 422).get("code").asText());
        // how a product is sold is fixed once its stock is counted in its unit
        assertFieldErrors(o.patch("/products/" + w.gtin(), map("soldBy", "piece")), "soldBy");
        assertEquals("weight", ok(o.get("/products/" + w.gtin()), 200).get("soldBy").asText());
        assertEquals("piece", ok(o.get("/products/" + piece), 200).get("soldBy").asText());
    }

    @Test
    void theTillScansAScaleLabel_decodedOnTheServer() {
        Weighed w = weighed(1280, 5_000);
        JsonNode s = ok(S.cashier().get("/stores/" + S.store + "/scan/" + label(w.plu(), 1235)), 200);
        assertEquals("variable_measure", s.get("kind").asText());
        assertEquals(w.gtin(), s.at("/product/gtin").asText());
        assertEquals(1235, s.get("quantity").asLong());
        assertEquals("g", s.get("quantityUnit").asText());
        assertEquals(1581, s.get("amount").asLong(), "12.80 a kg × 1.235 kg = 15.808 → 15.81");
        assertEquals(1280, s.get("pricePerKg").asLong());

        String good = label(w.plu(), 1235);
        String bad = good.substring(0, 12) + (char) ('0' + (good.charAt(12) - '0' + 1) % 10);
        JsonNode p = assertProblem(S.cashier().get("/stores/" + S.store + "/scan/" + bad), 422);
        assertEquals("scale_code.check_digit", p.get("code").asText());
        assertTrue(assertProblem(S.cashier().with("Accept-Language", "zh-CN").get("/stores/" + S.store + "/scan/" + bad), 422)
                .path("detail").asText().contains("校验位"));
        // its own GTIN carries no weight: the till is told it is weighed, with no amount
        JsonNode own = ok(S.cashier().get("/stores/" + S.store + "/scan/" + w.gtin()), 200);
        assertEquals("weight", own.get("soldBy").asText());
        assertEquals(0, own.get("quantity").asLong());
        assertTrue(own.get("amount").isNull());
        // a label whose PLU is a piece product's
        String pieceWithPlu = ok(S.owner().post("/products", map("gtin", Catalog.newGtin13(), "name", "盒装", "categoryId", S.category,
                "unit", "盒", "plu", String.valueOf(PLU.incrementAndGet()))), 201).get("plu").asText();
        assertEquals("product.not_sold_by_weight", assertProblem(S.cashier().get("/stores/" + S.store + "/scan/" + label(pieceWithPlu, 500)), 422)
                .get("code").asText());
    }

    @Test
    void anOrderOfWeighedLines_isPricedOnTheServer_roundedPerLine_andKeepsStockInGrams() {
        Weighed apple = weighed(1280, 10_000);
        Weighed pork = weighed(3998, 5_000);
        String milk = S.product(350, 20);
        String m = S.member();
        String coupon = S.coupon(m, 500, 2000);
        Map<String, Object> body = S.posOrder(scale(label(apple.plu(), 1235)), byWeight(pork.gtin(), 333), line(milk, 2));
        body.put("memberId", m);
        body.put("couponCode", coupon);
        JsonNode o = S.place(body);
        // 12.80 × 1.235 = 15.808 → 1581; 39.98 × 0.333 = 13.31334 → 1331; 2 × 3.50 = 700
        assertEquals(1581 + 1331 + 700, o.get("subtotal").asLong());
        assertEquals(500, o.get("couponDiscount").asLong());
        assertEquals(1581 + 1331 + 700 - 500, o.get("total").asLong());
        long sum = 0;
        for (JsonNode l : o.get("lines")) {
            sum += l.get("lineTotal").asLong();
            if (l.get("gtin").asText().equals(apple.gtin())) {
                assertEquals("weight", l.get("soldBy").asText());
                assertEquals(1235, l.get("weightGrams").asLong());
                assertEquals(1280, l.get("pricePerKg").asLong());
                assertEquals(1581, l.get("lineTotal").asLong() + l.get("discount").asLong());
            } else if (l.get("gtin").asText().equals(milk)) {
                assertEquals("piece", l.get("soldBy").asText());
                assertTrue(l.get("weightGrams").isNull());
            }
        }
        assertEquals(o.get("total").asLong(), sum, "the lines add up to the total");
        assertEquals(1235, S.stock(apple.gtin()).get("reserved").asLong(), "held in grams");
        assertEquals(333, S.stock(pork.gtin()).get("reserved").asLong());

        String id = o.get("orderId").asText();
        S.payCash(id, 5000);
        JsonNode a = S.stock(apple.gtin());
        assertEquals(10_000 - 1235, a.get("onHand").asLong());
        assertEquals(0, a.get("reserved").asLong());

        // the receipt prints the weight and the price per kg
        String token = S.order(id).path("receiptToken").asText();
        JsonNode receipt = ok(Fixtures.anonymous().get("/receipts/" + id + "?t=" + token), 200);
        JsonNode rl = null;
        for (JsonNode l : receipt.get("lines")) if (l.get("gtin").asText().equals(apple.gtin())) rl = l;
        assertEquals(1235, rl.get("weightGrams").asLong());
        assertEquals(1280, rl.get("pricePerKg").asLong());

        // a refund by the gram: 235 g back, then the rest; the line's total comes back exactly
        JsonNode r1 = ok(S.owner().post("/orders/" + id + "/refunds", map("lines", List.of(line(apple.gtin(), 235)), "reason", "坏果", "restock", true), key()), 200);
        JsonNode r2 = ok(S.owner().post("/orders/" + id + "/refunds", map("lines", List.of(line(apple.gtin(), 1000)), "reason", "坏果", "restock", true), key()), 200);
        long appleTotal = 0;
        for (JsonNode l : r2.get("lines")) if (l.get("gtin").asText().equals(apple.gtin())) appleTotal = l.get("lineTotal").asLong();
        assertEquals(appleTotal, r2.get("refunded").asLong(), "235 g and 1,000 g return the whole line: " + r1.get("refunded") + " then " + r2.get("refunded"));
        assertEquals(10_000, S.stock(apple.gtin()).get("onHand").asLong(), "restocked in grams");
        assertEquals("order.refund_over_left", assertProblem(S.owner().post("/orders/" + id + "/refunds",
                map("lines", List.of(line(apple.gtin(), 1)), "reason", "x"), key()), 422).get("code").asText());
    }

    @Test
    void twoLabelsOfOneProduct_areOneLine_priceBearingLabelsToo() {
        Weighed w = weighed(1000, 10_000);
        JsonNode o = S.place(S.posOrder(scale(label(w.plu(), 500)), scale(label(w.plu(), 250))));
        assertEquals(1, o.get("lines").size());
        assertEquals(750, o.at("/lines/0/weightGrams").asLong());
        assertEquals(750, o.get("total").asLong());
    }

    @Test
    void badWeighedInput_isRefusedWithStableCodes_andNothingIsHeld() {
        Weighed w = weighed(1280, 2_000);
        String piece = S.product(350, 5);
        Api c = S.cashier();
        assertFieldErrors(c.post("/orders", S.posOrder(byWeight(w.gtin(), 0)), key()), "lines[0].weightGrams");
        assertFieldErrors(c.post("/orders", S.posOrder(byWeight(w.gtin(), -5)), key()), "lines[0].weightGrams");
        assertFieldErrors(c.post("/orders", S.posOrder(byWeight(w.gtin(), 100_000)), key()), "lines[0].weightGrams");
        assertFieldErrors(c.post("/orders", S.posOrder(map("gtin", w.gtin(), "weightGrams", 100, "qty", 1)), key()), "lines[0].qty");
        assertFieldErrors(c.post("/orders", S.posOrder(map("scaleCode", label(w.plu(), 100), "gtin", w.gtin())), key()), "lines[0].gtin");
        assertFieldErrors(c.post("/orders", S.posOrder(map("scaleCode", "28123")), key()), "lines[0].scaleCode");
        String good = label(w.plu(), 100);
        String bad = good.substring(0, 12) + (char) ('0' + (good.charAt(12) - '0' + 3) % 10);
        JsonNode check = assertProblem(c.post("/orders", S.posOrder(scale(bad)), key()), 400);
        assertEquals("check_digit", check.at("/errors/0/code").asText(), check::toString);
        assertEquals("lines[0].scaleCode", check.at("/errors/0/field").asText());

        JsonNode onPiece = assertProblem(c.post("/orders", S.posOrder(byWeight(piece, 500)), key()), 422);
        assertEquals("order.not_sold_by_weight", onPiece.get("code").asText());
        assertTrue(assertProblem(c.with("Accept-Language", "zh-CN").post("/orders", S.posOrder(byWeight(piece, 500)), key()), 422)
                .path("detail").asText().contains("按件销售"));
        assertEquals("order.weight_required", assertProblem(c.post("/orders", S.posOrder(line(w.gtin(), 1)), key()), 422).get("code").asText());
        assertEquals("order.scale_code_unknown_plu", assertProblem(c.post("/orders", S.posOrder(scale(label("99999", 100))), key()), 422)
                .get("code").asText());
        String otherPrefix = "21" + w.plu() + "00100";
        assertEquals("order.scale_code_not_scale_code", assertProblem(c.post("/orders", S.posOrder(scale(otherPrefix + Catalog.checkDigit(otherPrefix))), key()), 422)
                .get("code").asText());
        // more than is on hand: the stock's own refusal, in grams
        assertEquals("stock.insufficient", assertProblem(c.post("/orders", S.posOrder(scale(label(w.plu(), 2_001))), key()), 422).get("code").asText());
        JsonNode st = S.stock(w.gtin());
        assertEquals(0, st.get("reserved").asLong(), "no refusal held anything");
        assertEquals(2_000, st.get("onHand").asLong());
    }

    @Test
    void theSameKeyPlacesOnce_andAnotherTenantsLabelNamesNothingHere() {
        Weighed w = weighed(1280, 2_000);
        String k = key();
        Map<String, Object> body = S.posOrder(scale(label(w.plu(), 400)));
        JsonNode first = ok(S.cashier().post("/orders", body, k), 201);
        JsonNode again = ok(S.cashier().post("/orders", body, k), 201);
        assertEquals(first.get("orderId"), again.get("orderId"));
        assertEquals(400, S.stock(w.gtin()).get("reserved").asLong(), "held once");

        Fixtures.TenantFixture other = Fixtures.newTenant("premium", 1);
        String os = other.storeIds().get(0);
        // the other tenant's scales use the default format (prefixes 20-29, price); our PLU is no product of theirs
        String theirs = "20" + w.plu() + "00500";
        assertEquals("scan.unknown_code", assertProblem(other.owner().get("/stores/" + os + "/scan/" + theirs + Catalog.checkDigit(theirs)), 404)
                .get("code").asText());
        assertEquals("order.scale_code_unknown_plu", assertProblem(other.owner().post("/orders", map("storeId", os, "channel", "pos",
                "fulfilment", "in_store", "lines", List.of(scale(theirs + Catalog.checkDigit(theirs)))), key()), 422).get("code").asText());
        assertProblem(other.owner().get("/products/" + w.gtin()), 404);
        assertProblem(other.owner().get("/orders/" + first.get("orderId").asText()), 404);
    }

    @Test
    void aCustomerBuysWeighedGoodsOnlineByTheGram() {
        Weighed w = weighed(1280, 3_000);
        Shop.Customer cu = S.customer();
        JsonNode shelf = ok(cu.api().get("/me/stores/" + S.store + "/products?q=" + java.net.URLEncoder.encode("散装苹果" + w.plu(),
                java.nio.charset.StandardCharsets.UTF_8)), 200);
        assertEquals("weight", shelf.at("/items/0/soldBy").asText(), shelf::toString);
        JsonNode o = ok(cu.api().post("/me/orders", map("storeId", S.store, "fulfilment", "pickup", "lines", List.of(byWeight(w.gtin(), 1000))), key()), 201);
        assertEquals(1280, o.get("total").asLong());
        assertEquals(1000, o.at("/lines/0/weightGrams").asLong());
    }

    private static String field(JsonNode problem, String name) {
        for (JsonNode e : problem.path("errors")) if (e.path("field").asText().equals(name)) return e.path("code").asText();
        throw new AssertionError("no error on " + name + ": " + problem);
    }
}
