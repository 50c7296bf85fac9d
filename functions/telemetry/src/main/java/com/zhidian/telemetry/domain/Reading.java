package com.zhidian.telemetry.domain;

import java.time.Instant;
import java.util.Map;

/**
 * One accepted telemetry message of a device: who sent it (from the topic, checked against the registry), when the
 * device says it measured ({@code at}), its sequence number, the numeric metrics, and where in the store it measures
 * ({@code zone}: an area of the shop floor; {@code circuit}: the energy meter's circuit).
 */
public record Reading(String tenantId, String storeId, String deviceId, String kind, long seq, Instant at,
                      Map<String, Double> metrics, String zone, String circuit) {
    public Double metric(String name) {
        return metrics.get(name);
    }
}
