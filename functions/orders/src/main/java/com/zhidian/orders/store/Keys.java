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

    /** A refund request, in its order's partition (sk: REFREQ#id). */
    public static String refundRequest(String requestId) { return "REFREQ#" + requestId; }

    public static final String REFREQ_PREFIX = "REFREQ#";

    /** Held while a request of the order is pending: a second one is refused. */
    public static final String REFREQ_OPEN = "REFREQ-OPEN";

    /** gsi1: a store's refund requests (sk: state#requestedAt#id). */
    public static String storeRefundRequests(String tenantId, String storeId) { return "T#" + tenantId + "#REFREQS#" + storeId; }

    /** A tenant's provider money of one day (sk: kind#ref; the day's marker sk DAY). */
    public static String money(String tenantId, String day) { return "T#" + tenantId + "#MONEY#" + day; }

    public static final String MONEY_DAY = "DAY";

    /** gsi2: the tenants with provider money on a day (gsi2sk: the tenant id), for the daily job. */
    public static String moneyDay(String day) { return "MONEYDAY#" + day; }

    /** A tenant's reconciliation results (sk: the date). */
    public static String reconciliation(String tenantId) { return "T#" + tenantId + "#RECON"; }

    /** A refund request's pointer to its order (sk META), so staff name a request by its id alone. */
    public static String refundRequestPointer(String tenantId, String requestId) { return "T#" + tenantId + "#REFREQ#" + requestId; }

    /** A tenant's order settings (sk META). */
    public static String orderSettings(String tenantId) { return "T#" + tenantId + "#ORDERSET"; }
}
