package com.zhidian.apitests.approvals;

import static com.zhidian.apitests.support.Api.map;

import com.zhidian.apitests.catalog.Catalog;
import com.zhidian.apitests.support.Api;
import com.zhidian.apitests.support.Fixtures;
import java.util.Map;

/** Approval requests made through the public API, as a store's staff and its owner make them. */
public final class ApprovalsFixture {
    private ApprovalsFixture() {}

    public static void rules(Fixtures.TenantFixture t, Map<String, Object> rules) {
        Api.Res r = t.owner().put("/approval-rules", rules);
        if (r.status() != 200) throw new AssertionError("rules: " + r);
    }

    /**
     * A pending request: the owner puts stock adjustments above 5 units behind approval, a new staff login of the store
     * writes 10 off, and the rule is turned off again (so that nothing else of the tenant is gated).
     */
    public static String pending(Fixtures.TenantFixture t, String storeId) {
        String gtin = Catalog.stocked(t, storeId);
        rules(t, map("stockAdjustmentAbove", 5));
        try {
            Api.Res r = t.staff(storeId).post("/stores/" + storeId + "/stock/" + gtin + "/adjustments", map("delta", -10, "reason", "damage"));
            if (r.status() != 403 || !"approval.required".equals(r.json().path("code").asText())) throw new AssertionError("not gated: " + r);
            return r.json().get("approvalId").asText();
        } finally {
            rules(t, map());
        }
    }
}
