package com.zhidian.devices.domain;

import java.util.Set;

/**
 * A device of a store, registered as an AWS IoT thing. {@code gtin} is the product a shelf label shows (ESLs only);
 * {@code online} and {@code lastSeen} come from the broker's lifecycle events ({@link Presence}).
 */
public record Device(String deviceId, String storeId, String kind, String name, String gtin, String thingName,
                     String createdAt, Presence presence, Push push) {
    /**
     * A shelf label's push bookkeeping: how many sweeps found it behind since its last push ({@link LabelSync}), and
     * when its content next changes (a scheduled price, a promotion's start or end; null: nothing scheduled).
     */
    public record Push(int attempts, java.time.Instant changeAt) {
        public static final Push NONE = new Push(0, null);
    }

    public static final String ESL = "esl";
    public static final Set<String> KINDS = Set.of(ESL, "traffic_counter", "energy_meter", "env_sensor", "fridge_sensor", "locker", "plate_camera", "space_sensor",
            "patrol_camera");

    /** The thing name of a device: {@code zd-<tenantId>-<deviceId>}; device ids hold no '-', so the last one splits it. */
    public static String thingName(String tenantId, String deviceId) {
        return "zd-" + tenantId + "-" + deviceId;
    }

    /** Tenant and device of a thing name, or null when it is not one of ours. */
    public static String[] tenantAndDevice(String thingName) {
        if (thingName == null || !thingName.startsWith("zd-")) return null;
        int dash = thingName.lastIndexOf('-');
        if (dash <= 3 || dash == thingName.length() - 1) return null;
        return new String[] {thingName.substring(3, dash), thingName.substring(dash + 1)};
    }
}
