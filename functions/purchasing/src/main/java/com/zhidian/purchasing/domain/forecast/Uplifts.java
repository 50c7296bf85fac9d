package com.zhidian.purchasing.domain.forecast;

import java.util.Map;
import java.util.TreeMap;

/**
 * Promotions and holidays as multiplicative uplift factors estimated from history. A day may carry one event
 * tag (for example {@code promotion}, {@code holiday:spring_festival}); the factor of a tag is the demand on
 * its days divided by a baseline for those days, the mean of the two nearest untagged same weekdays before and
 * the two after, within four weeks (so a long window such as Spring Festival's still has a baseline). The history is divided by the factors before a model is fitted, and
 * the forecast of a future tagged day is multiplied by its tag's factor. A tag seen on fewer than
 * {@link #MIN_DAYS} days, or with no baseline, gets no factor (1).
 */
public final class Uplifts {
    public static final int MIN_DAYS = 2;
    public static final double MIN_FACTOR = 0.25;
    public static final double MAX_FACTOR = 8;

    private final Map<String, Double> factors;

    private Uplifts(Map<String, Double> factors) { this.factors = factors; }

    public static Uplifts none() { return new Uplifts(Map.of()); }

    public static Uplifts estimate(double[] y, String[] events) {
        if (events == null) return none();
        Map<String, double[]> acc = new TreeMap<>();
        for (int t = 0; t < y.length && t < events.length; t++) {
            String tag = events[t];
            if (tag == null) continue;
            double base = 0;
            int k = 0;
            for (int side : new int[] {-1, 1}) { // the two nearest untagged same weekdays on each side, within four weeks
                int found = 0;
                for (int w = 1; w <= 4 && found < 2; w++) {
                    int u = t + side * 7 * w;
                    if (u >= 0 && u < y.length && (u >= events.length || events[u] == null)) { base += y[u]; k++; found++; }
                }
            }
            if (k == 0) continue;
            double[] a = acc.computeIfAbsent(tag, x -> new double[3]);
            a[0] += y[t];
            a[1] += base / k;
            a[2]++;
        }
        Map<String, Double> f = new TreeMap<>();
        acc.forEach((tag, a) -> {
            if (a[2] >= MIN_DAYS && a[1] > 0) {
                f.put(tag, Math.max(MIN_FACTOR, Math.min(MAX_FACTOR, a[0] / a[1])));
            }
        });
        return new Uplifts(Map.copyOf(f));
    }

    public double factor(String tag) {
        if (tag == null) return 1;
        return factors.getOrDefault(tag, 1.0);
    }

    public Map<String, Double> factors() { return new TreeMap<>(factors); }

    /** The history with each tagged day divided by its factor. */
    public double[] remove(double[] y, String[] events) {
        double[] out = y.clone();
        if (events == null) return out;
        for (int t = 0; t < out.length && t < events.length; t++) out[t] = out[t] / factor(events[t]);
        return out;
    }
}
