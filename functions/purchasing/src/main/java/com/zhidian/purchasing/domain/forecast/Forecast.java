package com.zhidian.purchasing.domain.forecast;

import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;

/**
 * A daily forecast: the model that made it, the item's demand class, the backtest (MASE of the model's P50 and of
 * seasonal naive on the last {@code holdoutDays} days of history, null when the history is too short or has no
 * variation to scale by), the uplift factors used, and a point per day drawn from one predictive distribution per day:
 * its median {@code p50} (the point forecast, what an absolute-error measure such as MASE rewards), its mean
 * {@code expected} (what replenishment sums over a lead time) and its 10/90 % and 2.5/97.5 % quantiles (the 80 % and
 * 95 % intervals).
 *
 * <p>The distribution is Gaussian (censored at zero) for ETS and seasonal naive, with the standard deviation the
 * interval half-widths give. For TSB it is a compound one, given by {@code sizes}: on each day a demand occurs with
 * probability q = min(1, expected ÷ mean size) and its size is one of {@code sizes} (equally likely, scaled so the
 * day's mean is {@code expected}); {@code sizes} is null for the Gaussian families.
 */
public record Forecast(String model, DemandClass demandClass, Double mase, Double naiveMase, int holdoutDays,
                       Map<String, Double> uplifts, List<Point> points, double[] sizes) {

    public Forecast {
        sizes = sizes == null ? null : sizes.clone();
    }

    public Forecast(String model, DemandClass demandClass, Double mase, Double naiveMase, int holdoutDays,
                    Map<String, Double> uplifts, List<Point> points) {
        this(model, demandClass, mase, naiveMase, holdoutDays, uplifts, points, null);
    }

    /** Draws for the quantiles of a lead-time sum of an intermittent item (fixed seed: the same answer every time). */
    public static final int DRAWS = 4000;
    private static final long SEED = 0x5EED_2026L;

    /**
     * One day: {@code p50} the median (the point forecast), {@code expected} the mean, and the interval bounds as
     * quantiles of the same distribution.
     */
    public record Point(LocalDate date, double p50, double expected, double lo80, double hi80, double lo95, double hi95) {}

    @Override public double[] sizes() { return sizes == null ? null : sizes.clone(); }

    /** Sum of the expected demand of the first {@code days} days. */
    public double total(int days) {
        double s = 0;
        for (int i = 0; i < Math.min(days, points.size()); i++) s += points.get(i).expected();
        return s;
    }

    /** The standard deviation of the sum of the first {@code days} days, from the 95 % half-widths (Gaussian days). */
    public double totalSigma(int days) {
        double v = 0;
        for (int i = 0; i < Math.min(days, points.size()); i++) {
            Point p = points.get(i);
            double sd = (p.hi95() - p.expected()) / Forecaster.Z95;
            v += sd * sd;
        }
        return Math.sqrt(v);
    }

    /**
     * The {@code level} quantile of the demand summed over the first {@code days} days: for an intermittent item, of
     * {@value #DRAWS} draws of the days' compound distributions (independent days, fixed seed); otherwise null (the
     * Gaussian sum is the total plus z times {@link #totalSigma}).
     */
    public Double totalQuantile(int days, double level) {
        if (sizes == null || sizes.length == 0) return null;
        int n = Math.min(days, points.size());
        double m = mean(sizes);
        SplittableRandom r = new SplittableRandom(SEED);
        double[] sums = new double[DRAWS];
        double[] q = new double[n];
        double[] c = new double[n];
        for (int i = 0; i < n; i++) {
            double e = points.get(i).expected();
            q[i] = m > 0 ? Math.min(1, e / m) : 0;
            c[i] = q[i] > 0 ? e / (q[i] * m) : 0;
        }
        for (int k = 0; k < DRAWS; k++) {
            double s = 0;
            for (int i = 0; i < n; i++) if (r.nextDouble() < q[i]) s += c[i] * sizes[r.nextInt(sizes.length)];
            sums[k] = s;
        }
        Arrays.sort(sums);
        return sums[Math.min(DRAWS - 1, Math.max(0, (int) Math.ceil(level * DRAWS) - 1))];
    }

    static double mean(double[] v) {
        double s = 0;
        for (double x : v) s += x;
        return v.length == 0 ? 0 : s / v.length;
    }

    /**
     * The {@code a} quantile of one day's compound demand with mean {@code expected}: zero with probability 1 − q,
     * else a size (sorted, equally likely) scaled by c, where q = min(1, expected ÷ mean size) and c = expected ÷ (q ×
     * mean size).
     */
    public static double compoundQuantile(double[] sortedSizes, double expected, double a) {
        double m = mean(sortedSizes);
        if (!(m > 0) || !(expected > 0)) return 0;
        double q = Math.min(1, expected / m);
        double c = expected / (q * m);
        if (a <= 1 - q) return 0;
        double u = (a - (1 - q)) / q;
        int k = sortedSizes.length;
        int idx = Math.min(k - 1, Math.max(0, (int) Math.ceil(u * k - 1e-9) - 1));
        return c * sortedSizes[idx];
    }
}
