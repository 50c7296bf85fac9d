package com.zhidian.telemetry.domain;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Supplier;

/**
 * One device's readings of a batch, in order, folded: the alert rules run reading by reading (as if each came alone),
 * and the readings with their derived amounts are summed per device-minute and per device-hour, so the batch writes one
 * ADD per minute and per hour instead of one per reading. Sums are exact: a fold of any split of the same readings
 * (each part starting from the monitor the one before it left) adds up to the fold of all of them.
 *
 * <p>A fold stops early (its {@code consumed} count) before {@link #MAX_READINGS} and before a reading that would close an
 * alert opened in the same fold (the write opens and closes an alert in different transactions); the caller folds the
 * rest from the monitor it left.
 */
public final class DeviceFold {
    private DeviceFold() {}

    /** Readings of one write at most: raw puts, minute and hour adds, the monitor and alerts stay under 100 items. */
    public static final int MAX_READINGS = 20;

    /** The earlier weeks' same hour of a device's usual metric, asked once per device and hour. */
    public interface Baselines {
        Map<Instant, Double> hourly(Reading r, String metric, List<Instant> hours);
    }

    /** One minute's or hour's sums of a device: per metric the count and the sum of the readings; the last zone and circuit. */
    public static final class Sums {
        public final Map<String, Double> counts = new LinkedHashMap<>(), sums = new LinkedHashMap<>();
        public String zone, circuit;

        void add(Map<String, Double> values, Reading r) {
            values.forEach((k, v) -> {
                counts.merge(k, 1.0, Double::sum);
                sums.merge(k, v, Double::sum);
            });
            if (r.zone() != null) zone = r.zone();
            if (r.circuit() != null) circuit = r.circuit();
        }
    }

    /** What a fold gives: the next monitor, the readings it took, the alert changes, and the sums by minute and by hour (UTC keys). */
    public record Result(Monitor next, List<Reading> readings, List<AlertRules.Change> changes, List<Integer> changeReadings,
                         Map<String, Sums> minutes, Map<String, Sums> hours, int consumed) {}

    public static Result fold(Monitor start, List<Reading> readings, AlertSettings s, Baselines baselines, Supplier<String> ids) {
        Monitor m = start;
        List<Reading> taken = new ArrayList<>();
        List<AlertRules.Change> changes = new ArrayList<>();
        List<Integer> owners = new ArrayList<>();
        Map<String, Sums> minutes = new LinkedHashMap<>(), hours = new LinkedHashMap<>();
        Set<String> openedHere = new HashSet<>();
        int i = 0;
        for (; i < readings.size() && i < MAX_READINGS; i++) {
            Reading r = readings.get(i);
            Map<Instant, Double> baseline = null;
            if (AlertRules.needsBaseline(m, r, s)) {
                baseline = baselines.hourly(r, AlertRules.usualMetric(r.kind()),
                        UsualLevels.baselineHours(Clock.fixed(r.at(), ZoneOffset.UTC), s.zone(), UsualLevels.WEEKS));
            }
            AlertRules.Evaluation e = AlertRules.evaluate(m, r, s, baseline, ids);
            if (i > 0 && e.changes().stream().anyMatch(c -> !c.opened() && openedHere.contains(c.alertId()))) break;
            for (AlertRules.Change c : e.changes()) if (c.opened()) openedHere.add(c.alertId());
            changes.addAll(e.changes());
            for (int k = 0; k < e.changes().size(); k++) owners.add(i);
            m = e.next();
            taken.add(r);
            Map<String, Double> adds = new LinkedHashMap<>(r.metrics());
            adds.putAll(e.derived());
            String minute = minuteKey(r.at());
            minutes.computeIfAbsent(minute, k -> new Sums()).add(adds, r);
            hours.computeIfAbsent(minute.substring(0, 13), k -> new Sums()).add(adds, r);
        }
        return new Result(m, List.copyOf(taken), List.copyOf(changes), List.copyOf(owners), minutes, hours, i);
    }

    /** The UTC minute of an instant, {@code yyyy-MM-ddTHH:mm} (its first 13 characters: the hour). */
    public static String minuteKey(Instant at) {
        return at.truncatedTo(ChronoUnit.MINUTES).toString().substring(0, 16);
    }
}
