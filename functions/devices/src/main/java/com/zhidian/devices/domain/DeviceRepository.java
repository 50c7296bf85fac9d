package com.zhidian.devices.domain;

import java.util.List;

/** The device items of a tenant. */
public interface DeviceRepository {
    void add(String tenantId, Device device);

    List<Device> inStore(String tenantId, String storeId);

    Device find(String tenantId, String deviceId);

    void remove(String tenantId, String deviceId);

    /** The shelf labels bound to a product, in one store or (storeId null) in every store of the tenant. */
    List<Device> labelsOf(String tenantId, String storeId, String gtin14);

    /**
     * The shelf labels bound to any of these products, in every store of the tenant, by GTIN-14 (a product with none is
     * absent): what a bulk change's slice needs, not the tenant's whole device partition. Here one {@link #labelsOf} each;
     * the DynamoDB repository reads a slice of neighbours at once.
     */
    default java.util.Map<String, List<Device>> labelsOf(String tenantId, java.util.Set<String> gtin14s) {
        java.util.Map<String, List<Device>> out = new java.util.HashMap<>();
        for (String g : gtin14s) {
            List<Device> labels = labelsOf(tenantId, null, g);
            if (!labels.isEmpty()) out.put(g, labels);
        }
        return out;
    }

    /**
     * Records a push or a sweep's look at a label: its attempts, when its content next changes, and puts it on the
     * sweep's due list at the earlier of that and {@code checkAt} (null both: off the list). False when the device is gone.
     */
    boolean pushed(String tenantId, String deviceId, Device.Push push, java.time.Instant checkAt);

    /** A label on the sweep's due list; {@code check} names the check item that put it there (null: its own entry). */
    record Due(String tenantId, String deviceId, String check) {
        public Due(String tenantId, String deviceId) {
            this(tenantId, deviceId, null);
        }
    }

    /**
     * Labels due at or before {@code now}, oldest first, from at most {@code limit} entries of the due list (a label's own
     * entry, or a check item naming many labels: {@link #checkLater}).
     */
    List<Due> due(java.time.Instant now, int limit);

    /**
     * Many labels pushed at once whose own bookkeeping does not change (no retries counted, the same next change): instead
     * of one write per label, check items on the due list at {@code checkAt} naming them, so the sweep looks at each
     * (docs/decisions.md, "ESL bulk pushes: one check item per batch").
     */
    void checkLater(String tenantId, List<String> deviceIds, java.time.Instant checkAt);

    /** The sweep looked at every label of a check item: off the list. */
    void checked(String tenantId, String check);

    /** Applies a lifecycle event to the device, if it exists; the later event wins ({@link Presence#after}). */
    void seen(String tenantId, String deviceId, boolean connected, long timestampMillis);
}
