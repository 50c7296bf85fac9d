package com.zhidian.reports.store;

/** Every key of the reports context, and nothing else builds one. */
public final class Keys {
    private Keys() {}

    /** A store's buckets of one grain (H, D) and dimension: sk {@code <period>#<value>}. */
    public static String buckets(String tenantId, String storeId, String grain, String dimension) {
        return "T#" + tenantId + "#RPT#" + storeId + "#" + grain + "#" + dimension;
    }

    public static String bucketSk(String period, String value) { return period + "#" + value; }

    /** One product's day buckets in a store (the series forecasts read): sk {@code <yyyy-MM-dd>}. */
    public static String productDays(String tenantId, String storeId, String gtin) {
        return "T#" + tenantId + "#RPTP#" + storeId + "#" + gtin;
    }

    /** The order events the rollup has applied (sk: the event id and part), kept a week. */
    public static String applied(String tenantId) { return "T#" + tenantId + "#RPTSEEN"; }

    /** The member report's buckets of a scope (store id or *) and grain (D, W, M): sk {@code <period>}. */
    public static String memberBuckets(String tenantId, String scope, String grain) {
        return "T#" + tenantId + "#RPTM#" + scope + "#" + grain;
    }

    /** The paid orders of each member in one period of a scope (sk: the member id), for distinct active members. */
    public static String memberActivity(String tenantId, String scope, String grain, String period) {
        return "T#" + tenantId + "#RPTMA#" + scope + "#" + grain + "#" + period;
    }

    /** Coupons issued and redeemed per day and template in a scope: sk {@code <yyyy-MM-dd>#<templateId>}. */
    public static String couponBuckets(String tenantId, String scope) {
        return "T#" + tenantId + "#RPTC#" + scope;
    }
}
