package com.zhidian.lockers.store;

/** The lockers context's keys: one partition of lockers per tenant, one of pickups (order → locker) per tenant. */
public final class Keys {
    private Keys() {}

    public static String lockers(String tenantId) { return "T#" + tenantId + "#LOCKER"; }

    public static String pickups(String tenantId) { return "T#" + tenantId + "#LOCKERPICKUP"; }

    /** gsi1 of every locker item of every tenant (sk {@code <tenantId>#<lockerId>}): the overdue sweep's list. */
    public static final String ALL_LOCKERS = "LOCKERS";

    public static String allSk(String tenantId, String lockerId) { return tenantId + "#" + lockerId; }
}
