package com.zhidian.apitests.catalog;

import static com.zhidian.apitests.support.Api.map;
import static com.zhidian.apitests.support.Problems.assertFieldErrors;
import static com.zhidian.apitests.support.Problems.assertProblem;
import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.JsonNode;
import com.zhidian.apitests.support.Api;
import com.zhidian.apitests.support.Fixtures;
import java.util.List;
import org.junit.jupiter.api.Test;

class ScanApiTest {
    private static final Fixtures.TenantFixture T = Fixtures.newTenant("premium", 1);
    private static final String S = T.storeIds().get(0);

    @Test
    void aScalesPriceCode_resolvesToItsProduct_priceAndWeight() {
        String cat = Catalog.category(T.owner(), "生鲜");
        Api.Res p = T.owner().post("/products", map("gtin", Catalog.newGtin13(), "name", "苹果", "categoryId", cat, "unit", "kg", "plu", "12345", "soldBy", "weight"));
        assertEquals(201, p.status(), p::toString);
        String gtin = p.json().get("gtin").asText();
        T.owner().put("/prices/" + gtin, map("price", 1000)); // 10.00 yuan a kilogram
        String body = "2012345" + "01250";                    // item 12345, price 12.50 yuan
        String code = body + Catalog.checkDigit(body);
        JsonNode s = T.staff(S).get("/stores/" + S + "/scan/" + code).json();
        assertEquals("variable_measure", s.get("kind").asText());
        assertEquals(gtin, s.path("product").path("gtin").asText());
        assertEquals(1250, s.get("amount").asLong());
        assertEquals(1250, s.get("quantity").asLong(), "12.50 yuan at 10.00 a kilogram is 1,250 g");
        assertEquals("g", s.get("quantityUnit").asText());

        // the tenant's scales print the weight instead
        Api.Res set = T.owner().put("/catalog/settings", map("variableMeasure", map("prefixes", List.of("28"), "itemDigits", 5, "value", "weight")));
        assertEquals(200, set.status(), set::toString);
        String wbody = "2812345" + "00500";
        JsonNode w = T.owner().get("/stores/" + S + "/scan/" + wbody + Catalog.checkDigit(wbody)).json();
        assertEquals(500, w.get("quantity").asLong());
        assertEquals(500, w.get("amount").asLong(), "500 g at 10.00 a kilogram");
        assertProblem(T.owner().get("/stores/" + S + "/scan/" + code), 404); // prefix 20 is no longer the scales'
        assertFieldErrors(T.owner().put("/catalog/settings", map("variableMeasure", map("prefixes", List.of("30"), "itemDigits", 9, "value", "x"))),
                "variableMeasure.prefixes[0]", "variableMeasure.itemDigits", "variableMeasure.value");
    }

    @Test
    void unknownCodes_are404_andLettersNever500() {
        assertEquals("scan.unknown_code", assertProblem(T.owner().get("/stores/" + S + "/scan/" + Catalog.newGtin13()), 404).get("code").asText());
        assertProblem(T.owner().get("/stores/" + S + "/scan/abc"), 404);
        assertProblem(T.owner().get("/stores/st_x/scan/" + Catalog.newGtin13()), 404);
    }

    @Test
    void aDelistedProduct_isRefusedAtTheTill() {
        String g = Catalog.stocked(T, S);
        assertEquals(200, T.owner().get("/stores/" + S + "/scan/" + g).status());
        assertEquals(200, T.owner().patch("/products/" + g, map("status", "delisted")).status());
        assertEquals("product.delisted", assertProblem(T.owner().get("/stores/" + S + "/scan/" + g), 422).get("code").asText());
    }
}
