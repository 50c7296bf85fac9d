package com.zhidian.telemetry.domain;

import java.time.Instant;
import java.util.List;
import java.util.Map;

/** The hourly rollups of a store's devices, and the monitors of its devices (occupancy now, last readings). */
public interface Rollups {
    /** One device's sums for one hour: its kind, zone or circuit, and per metric the count and the sum of readings. */
    record Hour(Instant hour, String deviceId, String kind, String zone, String circuit, Map<String, Double> counts, Map<String, Double> sums) {
        public double sum(String metric) { return sums.getOrDefault(metric, 0.0); }
        public double count(String metric) { return counts.getOrDefault(metric, 0.0); }
    }

    /** The hour rollups of the store's devices of one kind from {@code from} (inclusive) to {@code to} (exclusive). */
    List<Hour> hours(String tenantId, String storeId, String kind, Instant from, Instant to);

    /** The monitors of the store's devices, by device id. */
    Map<String, Monitor> monitors(String tenantId, String storeId);

    /** Messages dropped for the store per reason, on the UTC day of {@code day}. */
    Map<String, Long> drops(String tenantId, String storeId, Instant day);

}
