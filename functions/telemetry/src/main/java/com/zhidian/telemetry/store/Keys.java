package com.zhidian.telemetry.store;

import com.zhidian.core.tenancy.TenantDirectory;

/**
 * Every key of the sensors context. A tenant's partitions start {@code T#<tenantId>#}; the only provider-wide ones are
 * the silence watch index ({@code gsi1pk TELQUIET#<shard>}, written by the ingest, read by the watch job) and the count of
 * messages no device could be found for.
 */
public final class Keys {
    private Keys() {}

    public static final int QUIET_SHARDS = 8;

    /** The devices context's registry partition (read only: the ingest re-checks a topic's device and store). */
    public static String devices(String tenantId) { return "T#" + tenantId + "#DEVICE"; }

    public static String stores(String tenantId) { return TenantDirectory.storesPk(tenantId); }

    /** A device's monitor (what the alert rules remember), sk the device id. */
    public static String monitors(String tenantId) { return "T#" + tenantId + "#TELMON"; }

    /** A store's own monitor (the store-wide usual), sk the store id. */
    public static String storeMonitors(String tenantId) { return "T#" + tenantId + "#TELSTORE"; }

    public static String quiet(String tenantId, String deviceId) {
        return "TELQUIET#" + Math.floorMod((tenantId + deviceId).hashCode(), QUIET_SHARDS);
    }

    public static String quietShard(int shard) { return "TELQUIET#" + shard; }

    /** Raw readings of a device (sk {@code <at>#<seq>}), expiring after a few days. */
    public static String raw(String tenantId, String deviceId) { return "T#" + tenantId + "#TELRAW#" + deviceId; }

    /** {@code seq} zero-padded to 16 digits (by hand: {@code String.format} was 4 % of the ingest's CPU, bench/journal/sensors.md). */
    public static String rawSk(String at, long seq) {
        String digits = Long.toString(seq);
        return digits.length() >= 16 ? at + "#" + digits : at + "#" + "0".repeat(16 - digits.length()) + digits;
    }

    /** Per-minute rollups of a device (sk {@code yyyy-MM-ddTHH:mm}, UTC). */
    public static String minutes(String tenantId, String deviceId) { return "T#" + tenantId + "#TELMIN#" + deviceId; }

    /** Per-hour rollups of a store's devices: sk {@code <kind letter>#<yyyy-MM-ddTHH>#<deviceId>}, UTC hours. */
    public static String hours(String tenantId, String storeId) { return "T#" + tenantId + "#TELHOUR#" + storeId; }

    public static String hourSk(String kind, String hour, String deviceId) { return kindLetter(kind) + "#" + hour + "#" + deviceId; }

    public static String kindLetter(String kind) {
        return switch (kind) {
            case "energy_meter" -> "E";
            case "traffic_counter" -> "T";
            case "env_sensor" -> "A";
            case "fridge_sensor" -> "F";
            default -> "X";
        };
    }

    public static String settings(String tenantId) { return "T#" + tenantId + "#TELSET"; }

    public static String alerts(String tenantId) { return "T#" + tenantId + "#ALERT"; }

    /** The alert list of a store (gsi1): active (open, acknowledged) or resolved, gsi1sk {@code <openedAt>#<alertId>}. */
    public static String alertList(String tenantId, String storeId, boolean resolved) {
        return "T#" + tenantId + "#ALERTS#" + storeId + (resolved ? "#R" : "#A");
    }

    /** Every store's alert list of the tenant (gsi2), for the owner's overview and a staff member's stores. */
    public static String tenantAlertList(String tenantId, boolean resolved) {
        return "T#" + tenantId + "#ALERTS" + (resolved ? "#R" : "#A");
    }

    /** The tenant's in-app notifications, newest first (sk {@code <at>#<alertId>}, the store an attribute). */
    public static String notices(String tenantId) { return "T#" + tenantId + "#NOTICE"; }

    /** What another context's job raised and has not cleared yet: sk {@code <rule>#<key>}, the alert id an attribute (raised once). */
    public static String raised(String tenantId) { return "T#" + tenantId + "#ALERTKEY"; }

    /** Zhidian Local's outbox of the alert SMS the tenant's stores were sent (sk {@code <at>#<id>}). */
    public static String smsOutbox(String tenantId) { return "T#" + tenantId + "#SMSOUTBOX"; }

    public static String drops(String tenantId, String storeId) { return "T#" + tenantId + "#TELDROP#" + storeId; }

    public static final String UNKNOWN_DROPS = "TELDROP";
}
