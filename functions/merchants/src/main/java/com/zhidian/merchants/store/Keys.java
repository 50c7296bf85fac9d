package com.zhidian.merchants.store;

/** Every key and index value of the merchants context, and nothing else builds one. */
public final class Keys {
    private Keys() {}

    /** The deadline index (gsi2) spreads unanswered complaints over a few partitions, like the orders' due index. */
    public static final int DUE_SHARDS = 4;

    public static String merchants(String tenantId) { return "T#" + tenantId + "#MERCHANT"; }

    /** One item per licence number of the tenant, so two merchants never share one. */
    public static String licences(String tenantId) { return "T#" + tenantId + "#MLICENCE"; }

    public static String counters(String tenantId) { return "T#" + tenantId + "#COUNTER"; }

    /** gsi1: a store's counters. */
    public static String storeCounters(String tenantId, String storeId) { return "T#" + tenantId + "#COUNTERS#" + storeId; }

    public static String complaints(String tenantId) { return "T#" + tenantId + "#COMPLAINT"; }

    /** gsi1: a merchant's complaints across the tenant's stores. */
    public static String merchantComplaints(String tenantId, String merchantId) { return "T#" + tenantId + "#MCMP#" + merchantId; }

    /** gsi2: unanswered complaints by deadline, across tenants (the deadline job's). */
    public static String dueShard(String complaintId) { return "MCDUE#" + Math.floorMod(complaintId.hashCode(), DUE_SHARDS); }

    public static String dueShard(int shard) { return "MCDUE#" + shard; }

    public static String dueSort(String answerBy, String tenantId, String complaintId) { return answerBy + "#" + tenantId + "#" + complaintId; }

    /** A complaint's photo: its chunks, in order, in a partition of their own (never in the complaints' listing). */
    public static String complaintPhoto(String tenantId, String complaintId) { return "T#" + tenantId + "#CMPHOTO#" + complaintId; }

    /** The sort key of a photo's n-th chunk (zero-padded, so they sort in order). */
    public static String photoChunk(int n) { return String.format("%03d", n); }
}
