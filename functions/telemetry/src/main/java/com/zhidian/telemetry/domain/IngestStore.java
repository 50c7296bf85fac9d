package com.zhidian.telemetry.domain;

import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** What the ingest reads and writes for a batch of messages: contexts in batched reads, folded writes in packed transactions. */
public interface IngestStore {
    /** What the registry says of the device (null store and kind: not registered), its monitor and its store's settings. */
    record DeviceContext(String registeredStore, String registeredKind, Monitor monitor, AlertSettings settings) {}

    /** A device as a topic names it. */
    record DeviceKey(String tenantId, String storeId, String deviceId) {}

    /** A device whose last reading is older than a limit, from the cross-tenant watch index. */
    record Quiet(String tenantId, String storeId, String deviceId, Instant lastAt) {}

    /**
     * One device's folded readings: the raw readings (kept a few days, each put only if new), one ADD per minute and per
     * hour, the next monitor (if its stored version is still {@code next.version()}), the alerts opened and closed.
     */
    record DeviceWrite(DeviceKey device, String kind, List<Reading> readings, Map<String, DeviceFold.Sums> minutes,
                       Map<String, DeviceFold.Sums> hours, Monitor next, List<Alert> opened, List<String> closed) {}

    /** What became of one write: written, refused for readings stored before (their indices), or its monitor changed first. */
    record Written(boolean ok, Set<Integer> duplicates, boolean conflict) {
        public static final Written OK = new Written(true, Set.of(), false);
    }

    /** Every context of these devices, in batched reads (a device no item names is there with null store and kind). */
    Map<DeviceKey, DeviceContext> contexts(Collection<DeviceKey> devices);

    /**
     * The writes, each whole in one transaction, several to a transaction (up to DynamoDB's 100 items); the answer is in
     * the writes' order. A write refused leaves nothing of itself behind; the others of its transaction are tried again.
     */
    List<Written> write(List<DeviceWrite> writes, Instant now);

    /**
     * One device's hour rollups at these hour starts: the sum of {@code metric} in each (hours without a rollup are left
     * out). The usual-level rules' baseline, read once per device and hour.
     */
    Map<Instant, Double> hourly(String tenantId, String storeId, String kind, String deviceId, String metric, List<Instant> hours);

    /** The monitor and alerts of a silence, in one transaction (same version rule). */
    void recordSilence(String tenantId, String deviceId, Monitor next, List<Alert> opened, Instant now);

    /** A store's energy this hour: its monitor ({@link StoreUsual}; null before the first), its kWh so far, how many meters. */
    record StoreHour(Monitor monitor, double kwh, int meters) {}

    /** The store's monitor and its meters' kWh in the UTC hour starting {@code hour} ({@link StoreUsual#total}). */
    StoreHour storeHour(String tenantId, String storeId, Instant hour);

    /** The store's kWh ({@link StoreUsual#total}) in each of these hours (hours without a rollup are left out). */
    Map<Instant, Double> storeHourly(String tenantId, String storeId, List<Instant> hours);

    /** The store's monitor (if its version is still {@code next.version()}) with its alerts; false when it changed meanwhile. */
    boolean writeStore(String tenantId, Monitor next, List<Alert> opened, List<String> closed, Instant now);

    /** Devices last heard before {@code before}, at most {@code max}. */
    List<Quiet> quietSince(Instant before, int max);

    /** Adds dropped messages, per store (null tenant and store: provider-wide) and reason, on the day of {@code now}. */
    void countDrops(Map<DeviceKey, Map<TelemetryCheck.Drop, Long>> drops, Instant now);
}
