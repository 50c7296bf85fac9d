package com.zhidian.apitests.catalog;

import static com.zhidian.apitests.support.Api.map;

import com.zhidian.apitests.support.Api;
import com.zhidian.apitests.support.Fixtures;
import java.util.List;
import java.util.UUID;

/** Stock counts and the logins they are assigned to, made through the public API. */
public final class StockCountFixture {
    private StockCountFixture() {}

    /** A staff login of the store with its user id (the id a count is assigned to). */
    public record Staff(String userId, Api api) {}

    public static Staff staff(Fixtures.TenantFixture t, String storeId) {
        String email = Fixtures.uniqueEmail("counter");
        Api.Res r = t.owner().post("/users", map("email", email, "name", "王盘点", "role", "staff", "storeIds", List.of(storeId)));
        if (r.status() != 201) throw new AssertionError("staff: " + r);
        return new Staff(r.json().get("userId").asText(), t.owner().as(Fixtures.firstLogin(email, r.json().get("temporaryPassword").asText())));
    }

    /** An open count of one stocked product of the store (24 on hand), by the owner. */
    public static String open(Fixtures.TenantFixture t, String storeId) {
        String gtin = Catalog.stocked(t, storeId);
        Api.Res r = t.owner().post("/stores/" + storeId + "/stock-counts", map("scope", "gtins", "gtins", List.of(gtin)), UUID.randomUUID().toString());
        if (r.status() != 201) throw new AssertionError("stock count: " + r);
        return r.json().get("countId").asText();
    }
}
