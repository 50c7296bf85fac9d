package com.zhidian.purchasing.domain.forecast;

/**
 * ETS(A,Ad,A): additive error, additive damped trend, additive weekly season, in error-correction form.
 * The parameters (α level, β trend, γ season, φ damping) are chosen on a small grid by the sum of squared
 * one-step errors; φ = 1 is the undamped Holt-Winters model and is named {@code ets}, φ &lt; 1 {@code ets_damped}.
 */
public final class HoltWinters implements Model {
    static final int M = SeasonalNaive.WEEK;
    private static final double[] ALPHAS = {0.02, 0.05, 0.1, 0.2, 0.35, 0.5};
    private static final double[] BETAS = {0.0, 0.01, 0.05};
    private static final double[] GAMMAS = {0.0, 0.02, 0.05, 0.15, 0.3};
    private static final double[] PHIS = {0.85, 0.95, 1.0};

    /** Shortest history the model is fitted to: two weeks. */
    public static final int MIN_HISTORY = 2 * M;

    public record Params(double alpha, double beta, double gamma, double phi) {}

    private final Params p;
    private final double level;
    private final double trend;
    private final double[] season;
    private final int n;
    private final double[] residuals;

    private HoltWinters(Params p, double level, double trend, double[] season, int n, double[] residuals) {
        this.p = p;
        this.level = level;
        this.trend = trend;
        this.season = season;
        this.n = n;
        this.residuals = residuals;
    }

    /** The best model of the grid for this history (at least {@link #MIN_HISTORY} days). */
    public static HoltWinters fit(double[] y) {
        if (y.length < MIN_HISTORY) throw new IllegalArgumentException("needs " + MIN_HISTORY + " days");
        Params best = null;
        double bestSse = Double.POSITIVE_INFINITY;
        for (double a : ALPHAS) {
            for (double b : BETAS) {
                if (b > a) continue;
                for (double g : GAMMAS) {
                    if (g > 1 - a) continue;
                    for (double phi : PHIS) {
                        Params cand = new Params(a, b, g, phi);
                        double sse = sse(y, cand, bestSse);
                        if (sse < bestSse - 1e-12) { bestSse = sse; best = cand; }
                    }
                }
            }
        }
        return run(y, best);
    }

    /** The model with given parameters (for tests and for reproducing a stored fit). */
    public static HoltWinters with(double[] y, Params p) {
        if (y.length < MIN_HISTORY) throw new IllegalArgumentException("needs " + MIN_HISTORY + " days");
        return run(y, p);
    }

    public Params params() { return p; }

    private static double sse(double[] y, Params p, double stopAbove) {
        double[] s = new double[M];
        double[] lb = init(y, s);
        double l = lb[0], b = lb[1], sse = 0;
        for (int t = M; t < y.length; t++) {
            int i = t % M;
            double e = y[t] - (l + p.phi * b + s[i]);
            double lPrev = l;
            l = lPrev + p.phi * b + p.alpha * e;
            b = p.phi * b + p.beta * e;
            s[i] += p.gamma * e;
            sse += e * e;
            if (sse > stopAbove) return sse;
        }
        return sse;
    }

    private static HoltWinters run(double[] y, Params p) {
        double[] s = new double[M];
        double[] lb = init(y, s);
        double l = lb[0], b = lb[1];
        double[] r = new double[y.length - M];
        for (int t = M; t < y.length; t++) {
            int i = t % M;
            double e = y[t] - (l + p.phi * b + s[i]);
            l = l + p.phi * b + p.alpha * e;
            b = p.phi * b + p.beta * e;
            s[i] += p.gamma * e;
            r[t - M] = e;
        }
        return new HoltWinters(p, l, b, s, y.length, r);
    }

    /**
     * Level and trend at the end of the first week, from the means of the first (up to four) whole weeks;
     * season indices averaged over those weeks around the line, summing to zero.
     */
    private static double[] init(double[] y, double[] s) {
        int weeks = Math.min(4, y.length / M);
        double[] w = new double[weeks];
        for (int k = 0; k < weeks; k++) {
            for (int i = 0; i < M; i++) w[k] += y[k * M + i];
            w[k] /= M;
        }
        double b = (w[weeks - 1] - w[0]) / ((weeks - 1) * M);
        java.util.Arrays.fill(s, 0);
        for (int k = 0; k < weeks; k++) {
            for (int i = 0; i < M; i++) s[i] += (y[k * M + i] - (w[k] + (i - 3) * b)) / weeks;
        }
        double mean = 0;
        for (double v : s) mean += v / M;
        for (int i = 0; i < M; i++) s[i] -= mean;
        return new double[] {w[0] + 3 * b, b};
    }

    @Override public String name() { return p.phi < 1 ? "ets_damped" : "ets"; }

    @Override public double[] forecast(int h) {
        double[] f = new double[h];
        double damp = 0, pow = 1;
        for (int k = 1; k <= h; k++) {
            pow *= p.phi;
            damp += pow;
            f[k - 1] = Math.max(0, level + damp * trend + season[(n + k - 1) % M]);
        }
        return f;
    }

    @Override public double[] residuals() { return residuals.clone(); }

    /** sqrt(1 + Σ_{j<h} c_j²) with c_j = α + βφ(1−φ^j)/(1−φ) + γ·[j ≡ 0 mod 7]. */
    @Override public double spread(int h) {
        double v = 1;
        for (int j = 1; j < h; j++) {
            double dampSum = p.phi == 1 ? j : p.phi * (1 - Math.pow(p.phi, j)) / (1 - p.phi);
            double c = p.alpha + p.beta * dampSum + (j % M == 0 ? p.gamma : 0);
            v += c * c;
        }
        return Math.sqrt(v);
    }
}
