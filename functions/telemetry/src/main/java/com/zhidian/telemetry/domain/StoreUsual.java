package com.zhidian.telemetry.domain;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * Energy above usual for the whole store: the store's kWh this hour (its meters together: the {@code main} meters when
 * it has any, else the sum of its circuits, so a main meter and the circuits under it are not counted twice) against the
 * store's own usual for that hour and weekday (the same sum in the last weeks), with the meter rule's line, way back and
 * once-only alert. Its state is a {@link Monitor} of the store (kind {@link #KIND}; its {@code usual} the hour's figures).
 */
public final class StoreUsual {
    private StoreUsual() {}

    public static final String KIND = "store_energy";

    /** The store's kWh of one hour from its meters' hour sums: {@code main} meters when there are any, else every circuit. */
    public static double total(Map<String, Double> kwhByCircuitMeter, Map<String, String> circuitOfMeter) {
        boolean hasMain = circuitOfMeter.values().stream().anyMatch("main"::equals);
        double sum = 0;
        for (Map.Entry<String, Double> e : kwhByCircuitMeter.entrySet()) {
            if (!hasMain || "main".equals(circuitOfMeter.get(e.getKey()))) sum += e.getValue();
        }
        return sum;
    }

    /** Whether {@code at} starts a new hour for the store's monitor (so its usual must be read: {@link UsualLevels#baselineHours}). */
    public static boolean needsBaseline(Monitor store, Instant at, AlertSettings s) {
        Instant hour = UsualLevels.hourStart(Clock.fixed(at, ZoneOffset.UTC), s.zone());
        return store.usual() == null || !hour.equals(store.usual().hour());
    }

    /**
     * The store's hour so far ({@code kwhSoFar}, at {@code at}) against its usual; {@code baseline} the store's totals of the
     * same hour in earlier weeks when {@link #needsBaseline} said so (else null).
     */
    public static AlertRules.Evaluation evaluate(Monitor store, Instant at, double kwhSoFar, int meters, AlertSettings s,
                                                 Map<Instant, Double> baseline, Supplier<String> ids) {
        Clock clock = Clock.fixed(at, ZoneOffset.UTC);
        Instant hour = UsualLevels.hourStart(clock, s.zone());
        Monitor.Usual u;
        if (store.usual() != null && hour.equals(store.usual().hour())) {
            u = new Monitor.Usual(hour, kwhSoFar, store.usual().level(), store.usual().weeks());
        } else {
            Optional<double[]> level = baseline == null ? Optional.empty() : UsualLevels.usual(baseline, hour, s.zone(), UsualLevels.WEEKS);
            u = new Monitor.Usual(hour, kwhSoFar, level.map(x -> x[0]).orElse(null), level.map(x -> (int) x[1]).orElse(0));
        }
        Optional<UsualLevels.Finding> f = Optional.empty();
        boolean recovered = true;
        if (u.level() != null) {
            f = UsualLevels.energyAboveUsual(clock, s.zone(), u.soFar(), u.level(), u.weeks());
            recovered = UsualLevels.fullHour(clock, s.zone(), u.soFar()) <= u.level() * UsualLevels.ENERGY_FACTOR * 0.75;
        }
        Map<String, Object> seen = new LinkedHashMap<>(f.map(UsualLevels.Finding::facts).orElse(Map.of()));
        seen.put("meters", meters);
        Map<String, Watch> watches = new HashMap<>(store.watches());
        List<AlertRules.Change> changes = new ArrayList<>();
        AlertRules.step(watches, changes, Alert.STORE_ENERGY_ABOVE_USUAL, at, f.isPresent(), !f.isPresent() && recovered, Duration.ZERO, ids, seen);
        Monitor next = new Monitor(store.storeId(), KIND, null, null, -1, null, 0, Map.of(), Map.copyOf(watches), store.version(), u, null);
        return new AlertRules.Evaluation(next, changes, Map.of());
    }
}
