package com.zhidian.purchasing.domain.forecast;

import java.util.ArrayList;
import java.util.List;

/**
 * Picks the model family per item from its demand class, fits it on the history with promotions and
 * holidays divided out, forecasts the next days with 80 % and 95 % intervals from the one-step residuals
 * (widening with the horizon as the model's error propagation says), and backtests the same choice on the
 * last weeks of history against seasonal naive.
 */
public final class Forecaster {
    public static final double Z80 = 1.2815515655446004;
    public static final double Z95 = 1.959963984540054;
    /** The backtest holds out up to four weeks, and only when at least three weeks remain to fit on. */
    public static final int HOLDOUT_DAYS = 28;
    public static final int MAX_DAYS = 366;

    private Forecaster() {}

    /**
     * @param futureEvents the event tag of each forecast day (null or shorter: untagged)
     */
    public static Forecast forecast(DemandSeries history, int days, String[] futureEvents) {
        if (days < 1 || days > MAX_DAYS) throw new IllegalArgumentException("days out of range");
        double[] y = history.units();
        DemandClass cls = DemandClass.of(y);
        Uplifts up = Uplifts.estimate(y, history.events());
        Model m = fit(up.remove(y, history.events()), cls);
        double sigma = rms(m.residuals());
        double[] f = m.forecast(days);
        List<Forecast.Point> pts = new ArrayList<>(days);
        for (int i = 0; i < days; i++) {
            double k = up.factor(futureEvents != null && i < futureEvents.length ? futureEvents[i] : null);
            double mean = f[i] * k;
            double sd = sigma * m.spread(i + 1) * k;
            pts.add(new Forecast.Point(history.end().plusDays(i), mean,
                    Math.max(0, mean - Z80 * sd), mean + Z80 * sd,
                    Math.max(0, mean - Z95 * sd), mean + Z95 * sd));
        }
        Backtest bt = backtest(history);
        return new Forecast(m.name(), cls, bt == null ? null : bt.mase, bt == null ? null : bt.naiveMase,
                bt == null ? 0 : bt.holdout, up.factors(), List.copyOf(pts));
    }

    /** The model family of a demand class, fitted. */
    static Model fit(double[] y, DemandClass cls) {
        if (cls == DemandClass.NO_DEMAND) return new Zero(y.length);
        if (cls.intermittent()) return Tsb.fit(y);
        if (y.length < HoltWinters.MIN_HISTORY) return new SeasonalNaive(y);
        return HoltWinters.fit(y);
    }

    record Backtest(double mase, double naiveMase, int holdout) {}

    /** MASE of the chosen model and of seasonal naive on the held-out last weeks, scaled by the training part. */
    static Backtest backtest(DemandSeries history) {
        int n = history.days();
        int h = Math.min(HOLDOUT_DAYS, (n - 21) / 7 * 7);
        if (h < 7) return null;
        DemandSeries train = history.head(n - h);
        double scale = SeasonalNaive.scale(train.units());
        if (!(scale > 0)) return null;
        String[] future = java.util.Arrays.copyOfRange(history.events(), n - h, n);
        Forecast f = forecastNoBacktest(train, h, future);
        double[] naive = new SeasonalNaive(train.units()).forecast(h);
        double[] y = history.units();
        double em = 0, en = 0;
        for (int i = 0; i < h; i++) {
            em += Math.abs(y[n - h + i] - f.points().get(i).mean());
            en += Math.abs(y[n - h + i] - naive[i]);
        }
        return new Backtest(em / h / scale, en / h / scale, h);
    }

    private static Forecast forecastNoBacktest(DemandSeries history, int days, String[] futureEvents) {
        double[] y = history.units();
        DemandClass cls = DemandClass.of(y);
        Uplifts up = Uplifts.estimate(y, history.events());
        Model m = fit(up.remove(y, history.events()), cls);
        double[] f = m.forecast(days);
        List<Forecast.Point> pts = new ArrayList<>(days);
        for (int i = 0; i < days; i++) {
            double mean = f[i] * up.factor(futureEvents != null && i < futureEvents.length ? futureEvents[i] : null);
            pts.add(new Forecast.Point(history.end().plusDays(i), mean, mean, mean, mean, mean));
        }
        return new Forecast(m.name(), cls, null, null, 0, up.factors(), pts);
    }

    static double rms(double[] r) {
        if (r.length == 0) return 0;
        double s = 0;
        for (double e : r) s += e * e;
        return Math.sqrt(s / r.length);
    }

    /** The forecast of an item that never sold. */
    static final class Zero implements Model {
        private final int n;
        Zero(int n) { this.n = n; }
        @Override public String name() { return "none"; }
        @Override public double[] forecast(int h) { return new double[h]; }
        @Override public double[] residuals() { return new double[0]; }
        @Override public double spread(int h) { return 1; }
    }
}
