package com.zhidian.apitests.catalog;

import static com.zhidian.apitests.support.Api.map;
import static com.zhidian.apitests.support.Problems.assertProblem;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.zhidian.apitests.support.Api;
import com.zhidian.apitests.support.Fixtures;
import java.util.stream.StreamSupport;
import org.junit.jupiter.api.Test;

/** The customer's shop in the mini-program: the tenant's stores, and a store's products at the price the POS charges. */
class ShopApiTest {
    private static final Fixtures.TenantFixture T = Fixtures.newTenant("premium", 2);
    private static final Fixtures.TenantFixture OTHER = Fixtures.newTenant("basic", 1);
    private static final String S1 = T.storeIds().get(0);
    private static final String S2 = T.storeIds().get(1);

    @Test
    void aCustomerSeesEveryStore_andAStoresProductsAtThePriceInForce() {
        Api customer = customer(T);
        JsonNode stores = customer.get("/me/stores").json().get("items");
        assertEquals(2, stores.size(), stores::toString);
        assertTrue(StreamSupport.stream(stores.spliterator(), false).allMatch(s -> s.hasNonNull("name")));

        String stocked = Catalog.stocked(T, S1);
        assertEquals(200, T.owner().put("/stores/" + S1 + "/prices/" + stocked, map("price", 180)).status());
        String cat = Catalog.category(T.owner(), "零食");
        String unstocked = Catalog.product(T.owner(), cat, "薯片");
        assertEquals(200, T.owner().put("/prices/" + unstocked, map("price", 650)).status());
        String unpriced = Catalog.product(T.owner(), cat, "无价之宝");
        String delisted = Catalog.product(T.owner(), cat, "下架商品");
        assertEquals(200, T.owner().put("/prices/" + delisted, map("price", 100)).status());
        assertEquals(200, T.owner().patch("/products/" + delisted, map("status", "delisted")).status());

        JsonNode shelf = customer.get("/me/stores/" + S1 + "/products?limit=100").json().get("items");
        JsonNode water = row(shelf, stocked);
        assertEquals(180, water.get("price").asLong(), "the store's own price, as the POS charges");
        assertEquals(T.owner().get("/stores/" + S1 + "/prices/" + stocked).json().get("price").asLong(), water.get("price").asLong());
        assertTrue(water.get("inStock").asBoolean());
        assertFalse(row(shelf, unstocked).get("inStock").asBoolean());
        assertEquals(null, row(shelf, unpriced), "nothing to sell without a price");
        assertEquals(null, row(shelf, delisted), "delisted products are not on sale");
        assertEquals(200, row(customer.get("/me/stores/" + S2 + "/products?limit=100").json().get("items"), stocked).get("price").asLong(),
                "another store inherits the tenant price");
        assertEquals(1, customer.get("/me/stores/" + S1 + "/products?limit=100&q=" + enc("薯")).json().get("items").size());
    }

    @Test
    void anotherTenantsStore_isNotFound_andStaffUseTheirOwnRoutes() {
        Api customer = customer(T);
        assertProblem(customer.get("/me/stores/" + OTHER.storeIds().get(0) + "/products"), 404);
        assertProblem(customer.get("/me/stores/" + S1 + "/products?q=" + "x".repeat(101)), 400);
        assertProblem(T.owner().get("/me/stores/" + S1 + "/products"), 403);
        assertProblem(T.owner().get("/me/stores"), 403);
    }

    private static Api customer(Fixtures.TenantFixture t) {
        String phone = Fixtures.uniquePhone();
        Api.Res m = t.owner().post("/members", map("phone", phone, "name", "顾客", "storeId", t.storeIds().get(0)));
        if (m.status() != 201) throw new AssertionError("enrolment: " + m);
        Api.Res r = Fixtures.anonymous().post("/local/auth/login", map("tenantId", t.tenantId(), "phone", phone, "otp", "000000"));
        if (r.status() != 200) throw new AssertionError("customer login: " + r);
        return t.owner().as(r.json().get("idToken").asText());
    }

    private static JsonNode row(JsonNode items, String gtin) {
        for (JsonNode i : items) if (gtin.equals(i.get("gtin").asText())) return i;
        return null;
    }

    private static String enc(String s) {
        return java.net.URLEncoder.encode(s, java.nio.charset.StandardCharsets.UTF_8);
    }
}
