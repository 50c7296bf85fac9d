package com.zhidian.parking.store;

/** The parking context's keys, and nothing else builds one. Every tenant key starts {@code T#<tenantId>#}. */
public final class Keys {
    private Keys() {}

    /** The car parks of a tenant (sk the store id). */
    public static String carParks(String tenantId) { return "T#" + tenantId + "#CARPARK"; }

    /** The stays of one car park (sk the session id, which sorts by entry time). */
    public static String sessions(String tenantId, String storeId) { return "T#" + tenantId + "#PARKSESSION#" + storeId; }

    /** The open stays of one car park (sk the plate → session id): find my car, the exit's read, occupancy now. */
    public static String open(String tenantId, String storeId) { return "T#" + tenantId + "#PARKOPEN#" + storeId; }

    /** gsi1 of a member's stays (gsi1sk the session id). */
    public static String memberStays(String tenantId, String memberId) { return "T#" + tenantId + "#PARKMEMBER#" + memberId; }

    /** The bound plates of a tenant (sk the plate → member id). */
    public static String plates(String tenantId) { return "T#" + tenantId + "#PLATE"; }

    /** Space readings of plates that had no stay yet (sk the plate), kept a short while for the entry camera's read. */
    public static String heldSpaces(String tenantId, String storeId) { return "T#" + tenantId + "#PARKHELD#" + storeId; }

    /** The members' parking accounts of a tenant (sk the member id): plates and card. */
    public static String accounts(String tenantId) { return "T#" + tenantId + "#PARKACCOUNT"; }

    /** gsi1 of every member's parking account of every tenant (gsi1sk {@code <tenantId>#<memberId>}): the erasure sweep's list. */
    public static final String ALL_ACCOUNTS = "PARKACCOUNTS";

    public static String accountSk(String tenantId, String memberId) { return tenantId + "#" + memberId; }
}
