package com.zhidian.bench;

import java.util.Arrays;
import java.util.List;

/** Nearest-rank percentiles and medians. */
public final class Stats {
    private Stats() {}

    /** Nearest-rank percentile of sorted values; NaN when empty. */
    public static double percentile(long[] sorted, double p) {
        if (sorted.length == 0) return Double.NaN;
        int idx = (int) Math.ceil(p / 100.0 * sorted.length) - 1;
        return sorted[Math.max(0, Math.min(sorted.length - 1, idx))];
    }

    public static double median(List<Double> values) {
        if (values.isEmpty()) return Double.NaN;
        double[] a = values.stream().mapToDouble(Double::doubleValue).toArray();
        Arrays.sort(a);
        int n = a.length;
        return n % 2 == 1 ? a[n / 2] : (a[n / 2 - 1] + a[n / 2]) / 2;
    }

    public static String ms(double v) {
        if (Double.isNaN(v)) return "—";
        if (v >= 100) return String.format("%.0f", v);
        if (v >= 10) return String.format("%.1f", v);
        return String.format("%.2f", v);
    }

    public static String ratio(double a, double b) {
        if (Double.isNaN(a) || Double.isNaN(b) || b == 0) return "—";
        return String.format("%.2f×", a / b);
    }
}
