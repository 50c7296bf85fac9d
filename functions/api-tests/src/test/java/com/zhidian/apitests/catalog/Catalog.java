package com.zhidian.apitests.catalog;

import static com.zhidian.apitests.support.Api.map;

import com.zhidian.apitests.support.Api;
import com.zhidian.apitests.support.Fixtures;
import java.util.concurrent.ThreadLocalRandom;

/** Products, categories and prices made through the public API, for tests. */
public final class Catalog {
    private Catalog() {}

    /** A fresh GTIN-13 with a valid check digit (prefix 69, as Chinese articles have). */
    public static String newGtin13() {
        StringBuilder b = new StringBuilder("69");
        for (int i = 0; i < 10; i++) b.append(ThreadLocalRandom.current().nextInt(10));
        return b.append(checkDigit(b.toString())).toString();
    }

    public static int checkDigit(String body) {
        int sum = 0;
        for (int i = 0; i < body.length(); i++) {
            int d = body.charAt(body.length() - 1 - i) - '0';
            sum += i % 2 == 0 ? d * 3 : d;
        }
        return (10 - sum % 10) % 10;
    }

    public static String category(Api owner, String name) {
        Api.Res r = owner.post("/categories", map("name", name));
        if (r.status() != 201) throw new AssertionError("category: " + r);
        return r.json().get("categoryId").asText();
    }

    /** A product; returns its GTIN-14. */
    public static String product(Api owner, String categoryId, String name) {
        String g = newGtin13();
        Api.Res r = owner.post("/products", map("gtin", g, "name", name, "categoryId", categoryId, "unit", "瓶"));
        if (r.status() != 201) throw new AssertionError("product: " + r);
        return r.json().get("gtin").asText();
    }

    /** A product with a tenant price and some stock in {@code storeId}: every GET about it answers. */
    public static String stocked(Fixtures.TenantFixture t, String storeId) {
        String gtin = product(t.owner(), category(t.owner(), "饮料"), "矿泉水");
        Api.Res p = t.owner().put("/prices/" + gtin, map("price", 200));
        if (p.status() != 200) throw new AssertionError("price: " + p);
        Api.Res r = t.owner().post("/stores/" + storeId + "/stock/" + gtin + "/receipts", map("quantity", 24, "cost", 120, "reference", "DN-1"));
        if (r.status() != 201) throw new AssertionError("receipt: " + r);
        return gtin;
    }
}
