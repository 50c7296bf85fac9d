package com.zhidian.office.store;

/** Every key and index value of the office context, and nothing else builds one. */
public final class Keys {
    private Keys() {}

    /** The sweep's index (gsi2) spreads every route of every tenant over a few partitions. */
    public static final int ROUTE_SHARDS = 4;

    public static String checkpoints(String tenantId) { return "T#" + tenantId + "#PCHECK"; }

    /** gsi1: a store's checkpoints. */
    public static String storeCheckpoints(String tenantId, String storeId) { return "T#" + tenantId + "#PCHECKS#" + storeId; }

    /** A store's patrol routes (a store has few). */
    public static String routes(String tenantId, String storeId) { return "T#" + tenantId + "#PROUTE#" + storeId; }

    /** gsi2: every route across tenants, for the sweep. */
    public static String routeShard(String routeId) { return "PROUTES#" + Math.floorMod(routeId.hashCode(), ROUTE_SHARDS); }

    public static String routeShard(int shard) { return "PROUTES#" + shard; }

    public static String routeSort(String tenantId, String storeId, String routeId) { return tenantId + "#" + storeId + "#" + routeId; }

    public static String rounds(String tenantId) { return "T#" + tenantId + "#PROUND"; }

    /** gsi1: a store's rounds by due time. */
    public static String storeRounds(String tenantId, String storeId) { return "T#" + tenantId + "#PROUNDS#" + storeId; }

    /** Which cameras were asked for a snapshot in which round (one item per round and checkpoint, expiring with TTL). */
    public static String cameraAsks(String tenantId) { return "T#" + tenantId + "#PCAMASK"; }

    /** The tenant's patrol settings (the snapshots' retention). */
    public static String patrolSettings(String tenantId) { return "T#" + tenantId + "#PSETTINGS"; }

    public static String alerts(String tenantId) { return "T#" + tenantId + "#PALERT"; }

    /** gsi1: a store's patrol alerts, newest first by id. */
    public static String storeAlerts(String tenantId, String storeId) { return "T#" + tenantId + "#PALERTS#" + storeId; }

    public static String announcements(String tenantId) { return "T#" + tenantId + "#ANN"; }

    /** One announcement's receipts, by login. */
    public static String receipts(String tenantId, String announcementId) { return "T#" + tenantId + "#ANNREAD#" + announcementId; }

    /** One login's reads, by announcement. */
    public static String reads(String tenantId, String userId) { return "T#" + tenantId + "#ANNREADBY#" + userId; }
}
