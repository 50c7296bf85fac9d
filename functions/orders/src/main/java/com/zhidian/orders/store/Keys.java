package com.zhidian.orders.store;

/** Every key and index value of the orders context, and nothing else builds one. */
public final class Keys {
    private Keys() {}

    public static final String META = "META";
    /** The due index (gsi2) spreads unpaid orders over a few partitions, like the points job's. */
    public static final int DUE_SHARDS = 4;

    public static String order(String tenantId, String orderId) { return "T#" + tenantId + "#ORDER#" + orderId; }

    /** gsi1: a store's orders by time placed. */
    public static String storeOrders(String tenantId, String storeId) { return "T#" + tenantId + "#ORDERS#" + storeId; }

    /** A member's orders: one pointer item per order, sorted by time placed. */
    public static String memberOrders(String tenantId, String memberId) { return "T#" + tenantId + "#MORDERS#" + memberId; }

    /** A store's order numbers of one day (sk: yyyyMMdd). */
    public static String numbers(String tenantId, String storeId) { return "T#" + tenantId + "#ORDNO#" + storeId; }

    /** Provider events seen (sk: the event id). */
    public static String events(String tenantId) { return "T#" + tenantId + "#PAYEVT"; }

    /** A store's order events (paid, refunded) for the table's stream: sk {@code <at>#<eventId>}, kept a few days. */
    public static String orderEvents(String tenantId, String storeId) { return "T#" + tenantId + "#ORDEVT#" + storeId; }

    public static String dueShard(String orderId) { return "ORDUE#" + Math.floorMod(orderId.hashCode(), DUE_SHARDS); }

    public static String dueShard(int shard) { return "ORDUE#" + shard; }
}
