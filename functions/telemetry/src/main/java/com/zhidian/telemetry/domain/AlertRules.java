package com.zhidian.telemetry.domain;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
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
        return evaluate(m, r, s, null, ids);
    }

    /** The hourly amount the usual-level rules compare, per kind: kWh used (derived from the meter) or visitors in. */
    public static String usualMetric(String kind) {
        return Kinds.ENERGY.equals(kind) ? "kwh" : Kinds.TRAFFIC.equals(kind) ? "visitorsIn" : null;
    }

    /**
     * Whether this reading starts a new hour for the usual-level rules (its device's first of the hour, store time), so
     * the caller must read the earlier weeks' same hour ({@link UsualLevels#baselineHours}) and pass them to
     * {@link #evaluate(Monitor, Reading, AlertSettings, Map, Supplier)}: one read per device and hour, not per message.
     */
    public static boolean needsBaseline(Monitor m, Reading r, AlertSettings s) {
        if (usualMetric(r.kind()) == null || (m.lastAt() != null && !r.at().isAfter(m.lastAt()))) return false;
        Instant hour = UsualLevels.hourStart(Clock.fixed(r.at(), ZoneOffset.UTC), s.zone());
        return m.usual() == null || !hour.equals(m.usual().hour());
    }

    /**
     * {@code baseline}: the device's amounts ({@link #usualMetric}) for the same hour and weekday of earlier weeks, by hour
     * start, when {@link #needsBaseline} said so (else null: the monitor's usual for this hour stands).
     */
    public static Evaluation evaluate(Monitor m, Reading r, AlertSettings s, Map<Instant, Double> baseline, Supplier<String> ids) {
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
        Monitor.Usual usual = usual(m, r, s, baseline, derived, watches, changes, ids);
        Double failed = r.metric("failed");
        if (r.kind().equals(Kinds.LABEL) && failed != null) {
            step(watches, changes, Alert.LABEL_FAILED, at, failed >= 1, failed < 1, Duration.ZERO, ids, facts("status", failed >= 1 ? "failed" : "ok"));
        }
        // a reading says the device is there: a disconnect before it is over
        Instant off = m.disconnectedAt() != null && m.disconnectedAt().isAfter(at) ? m.disconnectedAt() : null;
        Monitor next = new Monitor(r.storeId(), r.kind(), r.zone() != null ? r.zone() : r.circuit(), at, r.seq(), kwhTotal, occupancy,
                r.metrics(), Map.copyOf(watches), m.version(), usual, off);
        return new Evaluation(next, changes, derived);
    }

    /**
     * Energy above the usual for the hour and weekday ({@link UsualLevels}), and a traffic spike: this hour's amount so far
     * against the usual, opened at once (the amount is already an hour's worth of evidence), closed once the amount is back
     * under three quarters of the line (for traffic: in the next hour, as visitors so far only grow within one).
     */
    private static Monitor.Usual usual(Monitor m, Reading r, AlertSettings s, Map<Instant, Double> baseline, Map<String, Double> derived,
                                       Map<String, Watch> watches, List<Change> changes, Supplier<String> ids) {
        String metric = usualMetric(r.kind());
        if (metric == null) return m.usual();
        double amount = "kwh".equals(metric) ? derived.getOrDefault("kwh", 0.0) : r.metrics().getOrDefault(metric, 0.0);
        ZoneId zone = s.zone();
        Clock at = Clock.fixed(r.at(), ZoneOffset.UTC);
        Instant hour = UsualLevels.hourStart(at, zone);
        Monitor.Usual u;
        if (m.usual() != null && hour.equals(m.usual().hour())) {
            u = new Monitor.Usual(hour, m.usual().soFar() + amount, m.usual().level(), m.usual().weeks());
        } else {
            Optional<double[]> level = baseline == null ? Optional.empty() : UsualLevels.usual(baseline, hour, zone, UsualLevels.WEEKS);
            u = new Monitor.Usual(hour, amount, level.map(x -> x[0]).orElse(null), level.map(x -> (int) x[1]).orElse(0));
        }
        String rule = Kinds.ENERGY.equals(r.kind()) ? Alert.ENERGY_ABOVE_USUAL : Alert.TRAFFIC_SPIKE;
        Optional<UsualLevels.Finding> f = Optional.empty();
        boolean recovered = true;
        if (u.level() != null) {
            if (Kinds.ENERGY.equals(r.kind())) {
                f = UsualLevels.energyAboveUsual(at, zone, u.soFar(), u.level(), u.weeks());
                recovered = UsualLevels.fullHour(at, zone, u.soFar()) <= u.level() * UsualLevels.ENERGY_FACTOR * 0.75;
            } else {
                f = UsualLevels.trafficSpike(at, zone, Math.round(u.soFar()), u.level(), u.weeks());
                recovered = u.soFar() <= u.level() * UsualLevels.TRAFFIC_FACTOR * 0.75;
            }
        }
        Map<String, Object> seen = new LinkedHashMap<>(f.map(UsualLevels.Finding::facts).orElse(Map.of()));
        if (r.zone() != null) seen.put("zone", r.zone());
        if (r.circuit() != null) seen.put("circuit", r.circuit());
        step(watches, changes, rule, r.at(), f.isPresent(), !f.isPresent() && recovered, Duration.ZERO, ids, seen);
        return u;
    }

    /**
     * Silence: the device has sent nothing for the store's silent minutes (last seen), or the broker said it disconnected
     * that long ago and it has not come back (its lifecycle events; the only sign of life of a device that sends no
     * telemetry). One alert, since the earlier of the two.
     */
    public static Evaluation silence(Monitor m, AlertSettings s, Instant now, Supplier<String> ids) {
        Duration limit = Duration.ofMinutes(s.silentMinutes());
        boolean byReading = m.lastAt() != null && Duration.between(m.lastAt(), now).compareTo(limit) >= 0;
        boolean byDisconnect = m.disconnectedAt() != null && Duration.between(m.disconnectedAt(), now).compareTo(limit) >= 0;
        if (m.watch(Alert.DEVICE_SILENT).alerting() || !(byReading || byDisconnect)) return new Evaluation(m, List.of(), Map.of());
        Instant since = byReading && (!byDisconnect || m.lastAt().isBefore(m.disconnectedAt())) ? m.lastAt() : m.disconnectedAt();
        String id = ids.get();
        Map<String, Watch> watches = new HashMap<>(m.watches());
        watches.put(Alert.DEVICE_SILENT, new Watch(since, id));
        Monitor next = m.presence(m.disconnectedAt(), Map.copyOf(watches));
        return new Evaluation(next, List.of(new Change(Alert.DEVICE_SILENT, true, id, since,
                facts("lastReadingAt", m.lastAt() == null ? null : m.lastAt().toString(),
                        "disconnectedAt", m.disconnectedAt() == null ? null : m.disconnectedAt().toString(), "limitMinutes", s.silentMinutes()))), Map.of());
    }

    /**
     * A lifecycle event of the device at {@code at}: disconnected marks since when (the silence watch counts from it);
     * connected clears it, and closes a silence alert of a device that sends no telemetry (one that does is cleared by its
     * next reading). Events older than what the monitor knows change nothing.
     */
    public static Evaluation presence(Monitor m, boolean connected, Instant at) {
        if (m.lastAt() != null && at.isBefore(m.lastAt()) || m.disconnectedAt() != null && at.isBefore(m.disconnectedAt())) {
            return new Evaluation(m, List.of(), Map.of());
        }
        if (!connected) return new Evaluation(m.presence(at, m.watches()), List.of(), Map.of());
        Watch silent = m.watch(Alert.DEVICE_SILENT);
        if (silent.alerting() && !Kinds.sendsTelemetry(m.kind())) {
            Map<String, Watch> watches = new HashMap<>(m.watches());
            watches.remove(Alert.DEVICE_SILENT);
            return new Evaluation(m.presence(null, Map.copyOf(watches)), List.of(new Change(Alert.DEVICE_SILENT, false, silent.alertId(),
                    silent.breachSince(), Map.of("reconnectedAt", at.toString()))), Map.of());
        }
        return new Evaluation(m.presence(null, m.watches()), List.of(), Map.of());
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
