package com.zhidian.apitests.catalog;

import static com.zhidian.apitests.support.Api.map;
import static com.zhidian.apitests.support.Problems.assertFieldErrors;
import static com.zhidian.apitests.support.Problems.assertProblem;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.zhidian.apitests.support.Api;
import com.zhidian.apitests.support.Fixtures;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class ProductsApiTest {
    private static final Fixtures.TenantFixture T = Fixtures.newTenant("premium", 2);
    private static final Fixtures.TenantFixture OTHER = Fixtures.newTenant("basic", 1);
    private static final String DRINKS = Catalog.category(T.owner(), "饮料");

    @Test
    void gtin13_isStoredAsGtin14_andItsGtin14Form_isADuplicate() {
        String g13 = Catalog.newGtin13();
        Api.Res r = T.owner().post("/products", map("gtin", g13, "name", "农夫山泉 550ml", "brand", "农夫山泉", "categoryId", DRINKS,
                "unit", "瓶", "spec", "550ml", "shelfLifeDays", 365));
        assertEquals(201, r.status(), r::toString);
        assertEquals("0" + g13, r.json().get("gtin").asText());
        assertEquals(g13, r.json().get("gtinShort").asText());
        assertEquals("active", r.json().get("status").asText());
        assertEquals("/products/0" + g13, r.header("Location"));
        JsonNode dup = assertProblem(T.owner().post("/products", map("gtin", "0" + g13, "name", "x", "categoryId", DRINKS, "unit", "瓶")), 409);
        assertEquals("product.duplicate", dup.get("code").asText());
        assertEquals("农夫山泉 550ml", T.owner().get("/products/" + g13).json().get("name").asText(), "the GTIN-13 names it too");
        assertEquals(201, OTHER.owner().post("/products", map("gtin", g13, "name", "x", "categoryId", Catalog.category(OTHER.owner(), "c"),
                "unit", "瓶")).status(), "another tenant has its own catalog");
    }

    @Test
    void wrongCheckDigit_letters_andWrongLengths_are400NamingGtin_withACode() {
        String g = Catalog.newGtin13();
        String wrong = g.substring(0, 12) + ((g.charAt(12) - '0' + 1) % 10);
        for (String[] c : new String[][] {{wrong, "gtin.check_digit"}, {"69012345678A2", "gtin.not_digits"}, {"1234567", "gtin.length"},
                {"123456789012345", "gtin.length"}, {"96385074", null}, {"012345678905", null}, {"10012345678902", null}}) {
            Api.Res r = T.owner().post("/products", map("gtin", c[0], "name", "x", "categoryId", DRINKS, "unit", "个"));
            if (c[1] == null) {
                assertEquals(201, r.status(), () -> c[0] + " is a valid GTIN-8/12/14: " + r);
                continue;
            }
            assertFieldErrors(r, "gtin");
            assertEquals(c[1], r.json().get("code").asText(), c[0]);
        }
        Api.Res zh = T.owner().send("POST", "/products", map("gtin", wrong, "name", "x", "categoryId", DRINKS, "unit", "个"), null, "application/json");
        assertTrue(zh.text().contains("check digit"));
    }

    @Test
    void badFields_unknownCategory_andStaffWrites_areRefused() {
        assertFieldErrors(T.owner().post("/products", map("gtin", Catalog.newGtin13(), "name", "", "unit", "瓶", "shelfLifeDays", -1, "price", 100)),
                "name", "categoryId", "shelfLifeDays", "price");
        assertProblem(T.owner().post("/products", map("gtin", Catalog.newGtin13(), "name", "x", "categoryId", "cat_nope", "unit", "瓶")), 404);
        Api staff = T.staff(T.storeIds().get(0));
        assertProblem(staff.post("/products", map("gtin", Catalog.newGtin13(), "name", "x", "categoryId", DRINKS, "unit", "瓶")), 403);
        assertProblem(OTHER.owner().get("/products/" + Catalog.product(T.owner(), DRINKS, "x")), 404);
        assertProblem(T.owner().get("/products/abc"), 404);
    }

    @Test
    void search_byName_gtinPrefix_andCategoryTree_withPages() {
        String top = Catalog.category(T.owner(), "零食");
        Api.Res sub = T.owner().post("/categories", map("name", "薯片", "parentId", top));
        assertEquals(201, sub.status(), sub::toString);
        String subId = sub.json().get("categoryId").asText();
        assertEquals("category.too_deep", assertProblem(T.owner().post("/categories", map("name", "x", "parentId", subId)), 422).get("code").asText());
        String chips = Catalog.product(T.owner(), subId, "乐事薯片 原味");
        String nuts = Catalog.product(T.owner(), top, "洽洽瓜子");
        List<String> inTop = gtins(T.owner().get("/products?categoryId=" + top).json());
        assertTrue(inTop.contains(chips) && inTop.contains(nuts), "a top-level category includes its sub-categories");
        assertEquals(List.of(chips), gtins(T.owner().get("/products?categoryId=" + subId).json()));
        assertTrue(gtins(T.owner().get("/products?q=%E8%96%AF%E7%89%87").json()).contains(chips), "name search 薯片");
        assertEquals(List.of(chips), gtins(T.owner().get("/products?gtin=" + chips.substring(1, 13)).json()), "GTIN-13 prefix");
        assertFieldErrors(T.owner().get("/products?gtin=69x"), "gtin");
        // pages
        List<String> all = new ArrayList<>();
        String cursor = null;
        do {
            JsonNode page = T.owner().get("/products?limit=2" + (cursor == null ? "" : "&cursor=" + cursor)).json();
            all.addAll(gtins(page));
            cursor = page.path("nextCursor").isNull() ? null : page.path("nextCursor").asText();
        } while (cursor != null);
        assertTrue(all.containsAll(List.of(chips, nuts)));
        assertEquals(all.size(), all.stream().distinct().count());
    }

    @Test
    void patch_delists_andRenames() {
        String g = Catalog.product(T.owner(), DRINKS, "可乐");
        Api.Res r = T.owner().patch("/products/" + g, map("status", "delisted", "name", "可口可乐"));
        assertEquals(200, r.status(), r::toString);
        assertEquals("delisted", T.owner().get("/products/" + g).json().get("status").asText());
        assertEquals("可口可乐", r.json().get("name").asText());
        assertFieldErrors(T.owner().patch("/products/" + g, map("status", "gone")), "status");
        assertFieldErrors(T.owner().patch("/products/" + g, map("gtin", "123")), "gtin");
    }

    private static List<String> gtins(JsonNode page) {
        List<String> out = new ArrayList<>();
        page.get("items").forEach(i -> out.add(i.get("gtin").asText()));
        return out;
    }
}
