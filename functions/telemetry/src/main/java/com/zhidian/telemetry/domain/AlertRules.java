package com.zhidian.telemetry.domain;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

/**
 * The alert rules, pure: a reading (or the passing of time, for silence) and what the device's {@link Monitor}
 * remembers give the next monitor and the alerts to open or to close.
 *
 * <p>Every rule is one state machine with a line, a way back and a minimum duration: the condition must hold from
 * {@code breachSince} for the duration before an alert opens; an open alert closes only once the value is back past the
 * line by the hysteresis ({@code recovered}); in between (the value hovering at the line) nothing changes, so a value
 * that hovers never makes an alert flap. Readings older than the last one change no rule (they are still rolled up).
 */
public final class AlertRules {
    private AlertRules() {}

    /** An alert to open (with what was seen) or an open alert the readings closed. */
    public record Change(String rule, boolean opened, String alertId, Instant since, Map<String, Object> facts) {}

    /** The next monitor, the alert changes, and the derived amounts the rollups add (kWh used, occupancy-minutes). */
    public record Evaluation(Monitor next, List<Change> changes, Map<String, Double> derived) {}

    static final Duration AIR_MINUTES = Duration.ofMinutes(10), CLOSED_MINUTES = Duration.ofMinutes(15),
            QUEUE_MINUTES = Duration.ofMinutes(2);
    public static final String CHECKOUT_ZONE = "checkout";

    public static Evaluation evaluate(Monitor m, Reading r, AlertSettings s, Supplier<String> ids) {
        Map<String, Double> derived = new LinkedHashMap<>();
        boolean stale = m.lastAt() != null && !r.at().isAfter(m.lastAt());
        Double kwhTotal = m.kwhTotal();
        long occupancy = m.occupancy();
        Double meter = r.metric("kwhTotal");
        if (meter != null) {
            if (!stale && kwhTotal != null && meter >= kwhTotal && meter - kwhTotal <= 1000) derived.put("kwh", meter - kwhTotal);
            if (!stale) kwhTotal = meter;
        }
        if (r.kind().equals(Kinds.TRAFFIC) && !stale) {
            if (m.lastAt() != null) {
                double minutes = Math.min(60, Duration.between(m.lastAt(), r.at()).toMillis() / 60_000.0);
                derived.put("occupancyMinutes", occupancy * minutes);
            }
            long in = Math.round(r.metrics().getOrDefault("visitorsIn", 0.0)), out = Math.round(r.metrics().getOrDefault("visitorsOut", 0.0));
            occupancy = Math.max(0, occupancy + in - out);
        }
        if (stale) return new Evaluation(m, List.of(), derived);

        Map<String, Watch> watches = new HashMap<>(m.watches());
        List<Change> changes = new ArrayList<>();
        Instant at = r.at();
        // a reading ends silence
        Watch silent = m.watch(Alert.DEVICE_SILENT);
        if (silent.alerting()) {
            changes.add(new Change(Alert.DEVICE_SILENT, false, silent.alertId(), silent.breachSince(), Map.of("lastReadingAt", at.toString())));
        }
        watches.remove(Alert.DEVICE_SILENT);

        Double t = r.metric("temperatureC");
        if (r.kind().equals(Kinds.FRIDGE) && t != null) {
            Watch w = watches.getOrDefault(Alert.FRIDGE_WARM, Watch.CLEAR);
            boolean defrost = s.inDefrost(at);
            if (defrost && !w.alerting()) {
                watches.remove(Alert.FRIDGE_WARM);   // a defrost warms the fridge on purpose: it starts no count
            } else {
                step(watches, changes, Alert.FRIDGE_WARM, at, t > s.fridgeMaxC(), t <= s.fridgeMaxC() - s.fridgeHysteresisC(),
                        Duration.ofMinutes(s.fridgeMinutes()), ids, facts("temperatureC", t, "limitC", s.fridgeMaxC(), "minutes", s.fridgeMinutes()));
            }
        }
        Double battery = r.metric("batteryPct");
        if (battery != null) {
            step(watches, changes, Alert.BATTERY_LOW, at, battery < s.batteryLowPct(), battery >= s.batteryLowPct() + 10, Duration.ZERO, ids,
                    facts("batteryPct", battery, "limitPct", s.batteryLowPct()));
        }
        if (r.kind().equals(Kinds.ENV)) {
            Double co2 = r.metric("co2Ppm"), pm = r.metric("pm25"), hum = r.metric("humidityPct");
            if (co2 != null) step(watches, changes, Alert.CO2_HIGH, at, co2 > s.co2MaxPpm(), co2 <= s.co2MaxPpm() - 100, AIR_MINUTES, ids,
                    facts("co2Ppm", co2, "limitPpm", s.co2MaxPpm(), "zone", r.zone()));
            if (pm != null) step(watches, changes, Alert.PM25_HIGH, at, pm > s.pm25Max(), pm <= s.pm25Max() - 10, AIR_MINUTES, ids,
                    facts("pm25", pm, "limit", s.pm25Max(), "zone", r.zone()));
            if (hum != null) step(watches, changes, Alert.HUMIDITY_OUT, at, hum < s.humidityMinPct() || hum > s.humidityMaxPct(),
                    hum >= s.humidityMinPct() + 3 && hum <= s.humidityMaxPct() - 3, AIR_MINUTES, ids,
                    facts("humidityPct", hum, "minPct", s.humidityMinPct(), "maxPct", s.humidityMaxPct(), "zone", r.zone()));
        }
        Double watts = r.metric("watts");
        if (r.kind().equals(Kinds.ENERGY) && watts != null && !"refrigeration".equals(r.circuit())) {
            boolean closed = s.closed(at);
            step(watches, changes, Alert.ENERGY_WHILE_CLOSED, at, closed && watts > s.closedWattsMax(),
                    !closed || watts <= s.closedWattsMax() * 0.8, CLOSED_MINUTES, ids,
                    facts("watts", watts, "limitWatts", s.closedWattsMax(), "circuit", r.circuit()));
        }
        if (r.kind().equals(Kinds.TRAFFIC) && CHECKOUT_ZONE.equals(r.zone())) {
            step(watches, changes, Alert.QUEUE_AT_CHECKOUT, at, occupancy > s.queueMax(), occupancy <= Math.max(0, s.queueMax() - 2),
                    QUEUE_MINUTES, ids, facts("people", occupancy, "limit", s.queueMax()));
        }
        Monitor next = new Monitor(r.storeId(), r.kind(), r.zone() != null ? r.zone() : r.circuit(), at, r.seq(), kwhTotal, occupancy, r.metrics(), Map.copyOf(watches), m.version());
        return new Evaluation(next, changes, derived);
    }

    /** The device has sent nothing for the store's silent minutes: one alert, since its last reading. */
    public static Evaluation silence(Monitor m, AlertSettings s, Instant now, Supplier<String> ids) {
        if (m.lastAt() == null || m.watch(Alert.DEVICE_SILENT).alerting()
                || Duration.between(m.lastAt(), now).compareTo(Duration.ofMinutes(s.silentMinutes())) < 0) {
            return new Evaluation(m, List.of(), Map.of());
        }
        String id = ids.get();
        Map<String, Watch> watches = new HashMap<>(m.watches());
        watches.put(Alert.DEVICE_SILENT, new Watch(m.lastAt(), id));
        Monitor next = new Monitor(m.storeId(), m.kind(), m.zone(), m.lastAt(), m.lastSeq(), m.kwhTotal(), m.occupancy(), m.last(), Map.copyOf(watches), m.version());
        return new Evaluation(next, List.of(new Change(Alert.DEVICE_SILENT, true, id, m.lastAt(),
                facts("lastReadingAt", m.lastAt().toString(), "limitMinutes", s.silentMinutes()))), Map.of());
    }

    /** One step of a rule's state machine (see the class comment). */
    static void step(Map<String, Watch> watches, List<Change> changes, String rule, Instant at, boolean breached, boolean recovered,
                     Duration minimum, Supplier<String> ids, Map<String, Object> seen) {
        Watch w = watches.getOrDefault(rule, Watch.CLEAR);
        if (w.alerting()) {
            if (recovered) {
                changes.add(new Change(rule, false, w.alertId(), w.breachSince(), seen));
                watches.remove(rule);
            }
            return;
        }
        if (breached) {
            Instant since = w.breachSince() == null ? at : w.breachSince();
            if (!Duration.between(since, at).minus(minimum).isNegative()) {
                String id = ids.get();
                changes.add(new Change(rule, true, id, since, seen));
                watches.put(rule, new Watch(since, id));
            } else {
                watches.put(rule, new Watch(since, null));
            }
        } else if (recovered) {
            watches.remove(rule);
        }
    }

    private static Map<String, Object> facts(Object... kv) {
        Map<String, Object> m = new LinkedHashMap<>();
        for (int i = 0; i < kv.length; i += 2) if (kv[i + 1] != null) m.put((String) kv[i], kv[i + 1]);
        return m;
    }
}
