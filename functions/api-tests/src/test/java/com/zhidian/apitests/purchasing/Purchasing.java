package com.zhidian.apitests.purchasing;

import static com.zhidian.apitests.support.Api.map;
import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.JsonNode;
import com.zhidian.apitests.catalog.Catalog;
import com.zhidian.apitests.support.Api;
import com.zhidian.apitests.support.Fixtures;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/** Suppliers and purchase orders made through the API, for the purchasing tests and the security suites. */
public final class Purchasing {
    private Purchasing() {}

    public static Map<String, Object> item(String gtin, int lead, int pack, int min, long cost) {
        return map("gtin", gtin, "leadTimeDays", lead, "casePack", pack, "minOrder", min, "cost", cost);
    }

    /** A supplier of the given products' terms; answers its id. */
    public static String supplier(Api owner, String name, List<Map<String, Object>> items) {
        Api.Res r = owner.post("/suppliers", map("name", name, "email", "orders@" + UUID.randomUUID().toString().substring(0, 8) + ".example.cn",
                "items", items));
        if (r.status() != 201) throw new AssertionError("supplier: " + r);
        return r.json().get("supplierId").asText();
    }

    /** A supplier of one stocked product of the store (the registry's maker). */
    public static String supplier(Fixtures.TenantFixture t, String storeId) {
        String gtin = Catalog.stocked(t, storeId);
        return supplier(t.owner(), "测试供应商", List.of(item(gtin, 3, 6, 12, 150)));
    }

    /** A draft purchase order of the store (the registry's maker). */
    public static String draft(Fixtures.TenantFixture t, String storeId) {
        String gtin = Catalog.stocked(t, storeId);
        String sup = supplier(t.owner(), "测试供应商", List.of(item(gtin, 3, 6, 12, 150)));
        Api.Res r = t.owner().post("/purchase-orders", map("supplierId", sup, "storeId", storeId,
                "lines", List.of(map("gtin", gtin, "quantity", 12))));
        if (r.status() != 201) throw new AssertionError("purchase order: " + r);
        return r.json().get("purchaseOrderId").asText();
    }

    public static JsonNode ok(Api.Res r, int status) {
        assertEquals(status, r.status(), r::toString);
        return r.json();
    }
}
