package com.zhidian.guide.store;

/** The guide context's keys, and nothing else builds one. Every tenant key starts {@code T#<tenantId>#}. */
public final class Keys {
    private Keys() {}

    /** The store maps of a tenant (sk the store id). */
    public static String maps(String tenantId) { return "T#" + tenantId + "#GUIDEMAP"; }

    /** A store's placements of one kind, product or category (sk the GTIN-14 or the category id). */
    public static String placements(String tenantId, String storeId, String kind) {
        return "T#" + tenantId + "#GUIDEPLACE#" + storeId + "#" + kind;
    }

    /** A store's events (sk the event id). */
    public static String events(String tenantId, String storeId) { return "T#" + tenantId + "#GUIDEEVENT#" + storeId; }

    /** The count of each store's events (sk the store id), kept in the same transaction as an event's add or delete. */
    public static String eventCounts(String tenantId) { return "T#" + tenantId + "#GUIDEEVENTS"; }
}
