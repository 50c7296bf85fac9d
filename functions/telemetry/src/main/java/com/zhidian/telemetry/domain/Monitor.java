package com.zhidian.telemetry.domain;

import java.time.Instant;
import java.util.Map;

/**
 * Everything the ingest remembers about a device between two messages (kept in DynamoDB, as a function keeps nothing):
 * the last reading's time and sequence, the energy meter's last counter, the zone's people inside now, the last value of each metric, one
 * {@link Watch} per alert rule, and this hour against its usual ({@link Usual}: null until the device's first energy or
 * traffic reading). {@code version} guards concurrent writers. {@code disconnectedAt}: when the broker last said the device
 * disconnected (its lifecycle event), null once it reconnected or spoke again; a device that sends no telemetry (a shelf
 * label, a locker) has a monitor from its lifecycle events alone ({@code lastAt} null).
 */
public record Monitor(String storeId, String kind, String zone, Instant lastAt, long lastSeq, Double kwhTotal, long occupancy,
                      Map<String, Double> last, Map<String, Watch> watches, long version, Usual usual, Instant disconnectedAt) {

    /**
     * This hour of an energy meter or a traffic counter: the hour's start (store time), the amount so far (kWh used, or
     * visitors in), and the usual for that hour and weekday ({@code level}; null: fewer than {@link UsualLevels#MIN_WEEKS}
     * earlier weeks) over {@code weeks} weeks. The usual is read once per device and hour, at the hour's first reading.
     */
    public record Usual(Instant hour, double soFar, Double level, int weeks) {}

    public Monitor(String storeId, String kind, String zone, Instant lastAt, long lastSeq, Double kwhTotal, long occupancy,
                   Map<String, Double> last, Map<String, Watch> watches, long version) {
        this(storeId, kind, zone, lastAt, lastSeq, kwhTotal, occupancy, last, watches, version, null, null);
    }

    public Monitor(String storeId, String kind, String zone, Instant lastAt, long lastSeq, Double kwhTotal, long occupancy,
                   Map<String, Double> last, Map<String, Watch> watches, long version, Usual usual) {
        this(storeId, kind, zone, lastAt, lastSeq, kwhTotal, occupancy, last, watches, version, usual, null);
    }

    /** The same monitor, disconnected since {@code at} (null: connected), with these watches. */
    public Monitor presence(Instant at, Map<String, Watch> watches) {
        return new Monitor(storeId, kind, zone, lastAt, lastSeq, kwhTotal, occupancy, last, watches, version, usual, at);
    }

    public static Monitor first(String storeId, String kind) {
        return new Monitor(storeId, kind, null, null, -1, null, 0, Map.of(), Map.of(), 0, null, null);
    }

    /** The same monitor at another version (the stored one's, after a write of this one). */
    public Monitor withVersion(long v) {
        return new Monitor(storeId, kind, zone, lastAt, lastSeq, kwhTotal, occupancy, last, watches, v, usual, disconnectedAt);
    }

    public Watch watch(String rule) {
        return watches.getOrDefault(rule, Watch.CLEAR);
    }
}
