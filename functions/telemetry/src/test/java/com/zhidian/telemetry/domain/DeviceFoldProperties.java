package com.zhidian.telemetry.domain;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.concurrent.atomic.AtomicInteger;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/**
 * The ingest's folding is exact: any batching of the same readings of a device (the queue's batches, each folded from
 * the monitor the batch before it left, and cut again at {@link DeviceFold#MAX_READINGS}) adds up to the same minute and
 * hour rollups, opens and closes the same alerts, and leaves the same monitor, as the readings one at a time. Readings
 * are whole numbers (kWh counters, °C), so sums in any grouping are exact in binary floating point.
 */
class DeviceFoldProperties {
    static final AlertSettings S = AlertSettings.defaults();
    static final Instant T0 = Instant.parse("2026-12-04T01:58:00Z");

    /** One reading: seconds after T0, the metric's value; the kind decides which metrics. */
    record R(int seconds, int value) {}

    @Provide
    Arbitrary<List<R>> readings() {
        return Arbitraries.integers().between(1, 40).flatMap(n -> Arbitraries.integers().between(0, 2400).list().ofSize(n)
                .flatMap(ts -> Arbitraries.integers().between(0, 12).list().ofSize(n).map(vs -> {
                    List<Integer> sorted = new ArrayList<>(new TreeSet<>(ts));
                    List<R> out = new ArrayList<>();
                    for (int i = 0; i < sorted.size(); i++) out.add(new R(sorted.get(i), vs.get(i)));
                    return out;
                })));
    }

    @Provide
    Arbitrary<List<Integer>> cuts() {
        return Arbitraries.integers().between(1, 45).list().ofMaxSize(8);
    }

    private static List<Reading> asReadings(String kind, List<R> rs) {
        List<Reading> out = new ArrayList<>();
        long kwh = 1000;
        for (int i = 0; i < rs.size(); i++) {
            R r = rs.get(i);
            Map<String, Double> m = new LinkedHashMap<>();
            if (kind.equals(Kinds.ENERGY)) {
                kwh += r.value();
                m.put("kwhTotal", (double) kwh);
                m.put("watts", (double) (r.value() * 100));
            } else {
                m.put("temperatureC", (double) r.value());
                m.put("batteryPct", (double) (r.value() * 3));   // under 20 % and back: battery alerts open and close
            }
            out.add(new Reading("t", "st", "dv", kind, i + 1, T0.plusSeconds(r.seconds()), m, null, kind.equals(Kinds.ENERGY) ? "main" : null));
        }
        return out;
    }

    /** Every reading folded, batch after batch (batch sizes from {@code cuts}, the rest in one); the rollups, alerts and last monitor. */
    private static String run(List<Reading> all, List<Integer> cuts) {
        Map<String, String> minutes = new TreeMap<>(), hours = new TreeMap<>();
        Map<String, double[]> mSums = new TreeMap<>(), hSums = new TreeMap<>();
        List<String> changes = new ArrayList<>();
        AtomicInteger ids = new AtomicInteger();
        Monitor m = Monitor.first("st", all.get(0).kind());
        int at = 0, c = 0;
        while (at < all.size()) {
            int size = c < cuts.size() ? cuts.get(c++) : all.size();
            List<Reading> batch = new ArrayList<>(all.subList(at, Math.min(all.size(), at + size)));
            at += batch.size();
            while (!batch.isEmpty()) {
                DeviceFold.Result f = DeviceFold.fold(m, batch, S, (r, metric, hs) -> Map.of(), () -> "al_" + ids.incrementAndGet());
                add(f.minutes(), mSums);
                add(f.hours(), hSums);
                for (AlertRules.Change ch : f.changes()) changes.add((ch.opened() ? "+" : "-") + ch.rule() + "@" + ch.since());
                m = f.next();
                batch.subList(0, f.consumed()).clear();
            }
        }
        mSums.forEach((k, v) -> minutes.put(k, java.util.Arrays.toString(v)));
        hSums.forEach((k, v) -> hours.put(k, java.util.Arrays.toString(v)));
        return minutes + "\n" + hours + "\n" + changes + "\n" + m.lastAt() + " " + m.kwhTotal() + " " + m.watches().keySet();
    }

    private static void add(Map<String, DeviceFold.Sums> sums, Map<String, double[]> into) {
        sums.forEach((key, s) -> s.sums.forEach((metric, v) -> {
            double[] a = into.computeIfAbsent(key + "/" + metric, x -> new double[2]);
            a[0] += s.counts.get(metric);
            a[1] += v;
        }));
    }

    @Property(tries = 300)
    void anyBatchingGivesTheSameRollupsAlertsAndMonitor_energy(@ForAll("readings") List<R> rs, @ForAll("cuts") List<Integer> cuts) {
        List<Reading> all = asReadings(Kinds.ENERGY, rs);
        assertEquals(run(all, java.util.Collections.nCopies(all.size(), 1)),
                run(all, cuts));
    }

    @Property(tries = 300)
    void anyBatchingGivesTheSameRollupsAlertsAndMonitor_fridge(@ForAll("readings") List<R> rs, @ForAll("cuts") List<Integer> cuts) {
        List<Reading> all = asReadings(Kinds.FRIDGE, rs);
        assertEquals(run(all, java.util.Collections.nCopies(all.size(), 1)), run(all, cuts));
    }
}
