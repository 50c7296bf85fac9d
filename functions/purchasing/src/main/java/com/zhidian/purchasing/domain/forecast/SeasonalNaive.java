package com.zhidian.purchasing.domain.forecast;

/** Tomorrow sells what the same weekday sold last week. The benchmark of every backtest. */
public final class SeasonalNaive implements Model {
    public static final int WEEK = 7;
    private final double[] y;

    public SeasonalNaive(double[] y) {
        if (y.length == 0) throw new IllegalArgumentException("empty history");
        this.y = y.clone();
    }

    @Override public String name() { return "seasonal_naive"; }

    @Override public double[] forecast(int h) {
        double[] f = new double[h];
        int n = y.length;
        for (int i = 0; i < h; i++) {
            if (n >= WEEK) {
                f[i] = y[n - WEEK + (i % WEEK)];
            } else {
                f[i] = y[n - 1];
            }
        }
        return f;
    }

    @Override public double[] residuals() {
        int n = y.length;
        if (n <= WEEK) return new double[0];
        double[] r = new double[n - WEEK];
        for (int t = WEEK; t < n; t++) r[t - WEEK] = y[t] - y[t - WEEK];
        return r;
    }

    @Override public double spread(int h) {
        return Math.sqrt(Math.floor((h - 1) / (double) WEEK) + 1);
    }

    /** Mean absolute in-sample error of the seasonal naive method: the scale of MASE. */
    public static double scale(double[] y) {
        int n = y.length;
        int lag = n > WEEK ? WEEK : 1;
        if (n <= lag) return 0;
        double sum = 0;
        for (int t = lag; t < n; t++) sum += Math.abs(y[t] - y[t - lag]);
        return sum / (n - lag);
    }
}
