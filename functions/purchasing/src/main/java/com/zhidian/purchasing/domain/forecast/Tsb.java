package com.zhidian.purchasing.domain.forecast;

/**
 * Teunter-Syntetos-Babai for intermittent demand: the size of a demand (z) is smoothed only on days with
 * demand, the probability of a demand (p) every day, so an item that stops selling sees its forecast decay
 * rather than stay at the last size as Croston's would. The forecast is p·z times a weekday index: low sellers
 * still sell more on some days of the week, so each position in the week gets the ratio of its mean demand to the
 * overall mean, shrunk towards 1 by {@link #SHRINK_WEEKS} weeks' worth of evidence.
 */
public final class Tsb implements Model {
    private static final double[] ALPHAS = {0.02, 0.05, 0.1, 0.2, 0.3};
    private static final double[] BETAS = {0.02, 0.05, 0.1, 0.2, 0.3};

    /** Pseudo-weeks of weight 1 added to each weekday index, so a few sales on one weekday do not make a pattern. */
    public static final double SHRINK_WEEKS = 4;

    private final double alpha;
    private final double beta;
    private final double size;
    private final double probability;
    private final double[] residuals;
    private final double[] week;
    private final int n;

    private Tsb(double alpha, double beta, double size, double probability, double[] residuals, double[] week, int n) {
        this.alpha = alpha;
        this.beta = beta;
        this.size = size;
        this.probability = probability;
        this.residuals = residuals;
        this.week = week;
        this.n = n;
    }

    public static Tsb fit(double[] y) {
        if (y.length == 0) throw new IllegalArgumentException("empty history");
        double bestA = ALPHAS[0], bestB = BETAS[0], best = Double.POSITIVE_INFINITY;
        for (double a : ALPHAS) {
            for (double b : BETAS) {
                double sse = run(y, a, b).sse();
                if (sse < best - 1e-12) { best = sse; bestA = a; bestB = b; }
            }
        }
        return with(y, bestA, bestB);
    }

    public static Tsb with(double[] y, double alpha, double beta) {
        return run(y, alpha, beta);
    }

    private static Tsb run(double[] y, double a, double b) {
        double[] w = weekIndex(y);
        int warm = Math.min(y.length, 28);
        double sum = 0;
        int k = 0;
        for (int i = 0; i < warm; i++) if (y[i] > 0) { sum += y[i]; k++; }
        if (k == 0) {
            for (double v : y) if (v > 0) { sum += v; k++; }
        }
        double z = k == 0 ? 0 : sum / k;
        double p = warm == 0 ? 0 : (double) Math.max(k, 0) / Math.max(warm, 1);
        p = Math.min(1, p);
        double[] r = new double[y.length];
        for (int t = 0; t < y.length; t++) {
            r[t] = y[t] - p * z * w[t % 7];
            if (y[t] > 0) {
                p += b * (1 - p);
                z += a * (y[t] - z);
            } else {
                p -= b * p;
            }
        }
        return new Tsb(a, b, z, p, r, w, y.length);
    }

    /** Mean demand at each position of the week over the overall mean, shrunk towards 1. */
    static double[] weekIndex(double[] y) {
        double[] w = new double[7];
        java.util.Arrays.fill(w, 1);
        double total = 0;
        for (double v : y) total += v;
        if (y.length < 14 || total <= 0) return w;
        double mean = total / y.length;
        double[] s = new double[7];
        int[] c = new int[7];
        for (int t = 0; t < y.length; t++) { s[t % 7] += y[t]; c[t % 7]++; }
        double norm = 0;
        for (int d = 0; d < 7; d++) {
            double raw = s[d] / c[d] / mean;
            w[d] = (c[d] * raw + SHRINK_WEEKS) / (c[d] + SHRINK_WEEKS);
            norm += w[d] / 7;
        }
        for (int d = 0; d < 7; d++) w[d] /= norm;
        return w;
    }

    private double sse() {
        double s = 0;
        for (double e : residuals) s += e * e;
        return s;
    }

    public double size() { return size; }
    public double probability() { return probability; }
    public double alpha() { return alpha; }
    public double beta() { return beta; }

    @Override public String name() { return "tsb"; }

    @Override public double[] forecast(int h) {
        double[] f = new double[h];
        for (int i = 0; i < h; i++) f[i] = Math.max(0, probability * size * week[(n + i) % 7]);
        return f;
    }

    @Override public double[] residuals() { return residuals.clone(); }

    /** As simple exponential smoothing: sqrt(1 + (h−1)·max(α, β)²). */
    @Override public double spread(int h) {
        double c = Math.max(alpha, beta);
        return Math.sqrt(1 + (h - 1) * c * c);
    }
}
