package com.zhidian.telemetry.domain;

import java.time.Instant;
import java.util.List;
import java.util.Map;

/** What the ingest reads and writes for one message, each in one call. */
public interface IngestStore {
    /** What the registry says of the device (null store and kind: not registered), its monitor and its store's settings. */
    record DeviceContext(String registeredStore, String registeredKind, Monitor monitor, AlertSettings settings) {}

    /** A device whose last reading is older than a limit, from the cross-tenant watch index. */
    record Quiet(String tenantId, String storeId, String deviceId, Instant lastAt) {}

    DeviceContext context(String tenantId, String storeId, String deviceId);

    /**
     * In one transaction: the raw reading (kept a few days), the minute and hour rollups, the next monitor (if its
     * version is still {@code next.version()}), the alerts opened (with their notifications) and closed. False: the
     * reading was stored before (a QoS 1 redelivery), and nothing was written.
     *
     * @throws com.zhidian.core.errors.ConcurrentChange when another message of the device changed its monitor first
     */
    boolean record(Reading r, Map<String, Double> derived, Monitor next, List<Alert> opened, List<String> closed, Instant now);

    /**
     * One device's hour rollups at these hour starts: the sum of {@code metric} in each (hours without a rollup are left
     * out). The usual-level rules' baseline, read once per device and hour.
     */
    Map<Instant, Double> hourly(String tenantId, String storeId, String kind, String deviceId, String metric, List<Instant> hours);

    /** The monitor and alerts of a silence, in one transaction (same version rule). */
    void recordSilence(String tenantId, String deviceId, Monitor next, List<Alert> opened, Instant now);

    /** Devices last heard before {@code before}, at most {@code max}. */
    List<Quiet> quietSince(Instant before, int max);

    /** Counts a dropped message for the store (per day and reason), or provider-wide when the topic names no known device. */
    void countDrop(String tenantId, String storeId, TelemetryCheck.Drop reason, Instant now);
}
