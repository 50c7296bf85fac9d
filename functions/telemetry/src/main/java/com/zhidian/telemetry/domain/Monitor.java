package com.zhidian.telemetry.domain;

import java.time.Instant;
import java.util.Map;

/**
 * Everything the ingest remembers about a device between two messages (kept in DynamoDB, as a function keeps nothing):
 * the last reading's time and sequence, the energy meter's last counter, the zone's people inside now, the last value of each metric, and one
 * {@link Watch} per alert rule. {@code version} guards concurrent writers.
 */
public record Monitor(String storeId, String kind, String zone, Instant lastAt, long lastSeq, Double kwhTotal, long occupancy,
                      Map<String, Double> last, Map<String, Watch> watches, long version) {

    public static Monitor first(String storeId, String kind) {
        return new Monitor(storeId, kind, null, null, -1, null, 0, Map.of(), Map.of(), 0);
    }

    public Watch watch(String rule) {
        return watches.getOrDefault(rule, Watch.CLEAR);
    }
}
