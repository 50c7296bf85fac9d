package com.zhidian.telemetry.domain;

import java.util.Map;
import java.util.Set;

/** What each kind of sensor may report: metric names and the physically possible range of each. */
public final class Kinds {
    private Kinds() {}

    /** A metric's name and bounds; a boolean (a door open) is read as 1 or 0. */
    public record Metric(String name, double min, double max, boolean flag) {}

    public static final String FRIDGE = "fridge_sensor", ENV = "env_sensor", ENERGY = "energy_meter", TRAFFIC = "traffic_counter";
    /** A shelf label (the devices context's {@code esl}): it reports its status ({@code "ok"} or {@code "failed"}, read as the flag {@code failed}) and battery. */
    public static final String LABEL = "esl";

    public static final Set<String> CIRCUITS = Set.of("lighting", "refrigeration", "hvac", "other", "main");

    private static final Metric BATTERY = new Metric("batteryPct", 0, 100, false);

    private static final Map<String, Map<String, Metric>> METRICS = Map.of(
            FRIDGE, of(new Metric("temperatureC", -50, 60, false), new Metric("doorOpen", 0, 1, true), BATTERY),
            ENV, of(new Metric("temperatureC", -30, 60, false), new Metric("humidityPct", 0, 100, false),
                    new Metric("co2Ppm", 0, 10_000, false), new Metric("pm25", 0, 2_000, false), BATTERY),
            ENERGY, of(new Metric("watts", 0, 1_000_000, false), new Metric("kwhTotal", 0, 1e12, false)),
            TRAFFIC, of(new Metric("visitorsIn", 0, 10_000, false), new Metric("visitorsOut", 0, 10_000, false), BATTERY),
            LABEL, of(new Metric("failed", 0, 1, true), BATTERY));

    private static Map<String, Metric> of(Metric... metrics) {
        java.util.LinkedHashMap<String, Metric> m = new java.util.LinkedHashMap<>();
        for (Metric x : metrics) m.put(x.name(), x);
        return Map.copyOf(m);
    }

    /** The kinds that send telemetry (a locker does not; a shelf label only its status and battery). */
    public static boolean sendsTelemetry(String kind) {
        return METRICS.containsKey(kind);
    }

    public static Map<String, Metric> metrics(String kind) {
        return METRICS.getOrDefault(kind, Map.of());
    }
}
