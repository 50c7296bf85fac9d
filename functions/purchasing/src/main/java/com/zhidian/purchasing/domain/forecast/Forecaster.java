package com.zhidian.purchasing.domain.forecast;

import java.util.ArrayList;
import java.util.List;

/**
 * Picks the model family per item from its demand class, fits it on the history with promotions and
 * holidays divided out, and gives each next day a predictive distribution: Gaussian from the one-step residuals
 * (widening with the horizon as the model's error propagation says) for ETS, compound (occurrence × size) for TSB.
 * The point is the distribution's median (P50), the mean is kept as {@code expected}, the 80 % and 95 % intervals are
 * its quantiles; the same choice is backtested on the last weeks of history against seasonal naive, on the P50.
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
        Forecast f = build(history, days, futureEvents);
        Backtest bt = backtest(history);
        return new Forecast(f.model(), f.demandClass(), bt == null ? null : bt.mase, bt == null ? null : bt.naiveMase,
                bt == null ? 0 : bt.holdout, f.uplifts(), f.points(), f.sizes());
    }

    /** The forecast without its backtest: model, uplifts and each day's predictive distribution. */
    static Forecast build(DemandSeries history, int days, String[] futureEvents) {
        double[] y = history.units();
        DemandClass cls = DemandClass.of(y);
        Uplifts up = Uplifts.estimate(y, history.events());
        double[] adjusted = up.remove(y, history.events());
        Model m = fit(adjusted, cls);
        double[] sizes = m instanceof Tsb t ? sizes(adjusted, t.size()) : null;
        double sigma = rms(m.residuals());
        double[] f = m.forecast(days);
        List<Forecast.Point> pts = new ArrayList<>(days);
        for (int i = 0; i < days; i++) {
            double k = up.factor(futureEvents != null && i < futureEvents.length ? futureEvents[i] : null);
            double mean = f[i] * k;
            java.time.LocalDate date = history.end().plusDays(i);
            if (sizes != null) {
                pts.add(new Forecast.Point(date, Forecast.compoundQuantile(sizes, mean, 0.5), mean,
                        Forecast.compoundQuantile(sizes, mean, 0.10), Forecast.compoundQuantile(sizes, mean, 0.90),
                        Forecast.compoundQuantile(sizes, mean, 0.025), Forecast.compoundQuantile(sizes, mean, 0.975)));
            } else {
                double sd = sigma * m.spread(i + 1) * k;
                pts.add(new Forecast.Point(date, Math.max(0, mean), mean, Math.max(0, mean - Z80 * sd), mean + Z80 * sd,
                        Math.max(0, mean - Z95 * sd), mean + Z95 * sd));
            }
        }
        return new Forecast(m.name(), cls, null, null, 0, up.factors(), List.copyOf(pts), sizes);
    }

    /** Most sizes kept for a compound distribution: equally likely quantiles of the non-zero history beyond this. */
    public static final int SIZES = 32;

    /**
     * The size distribution of an intermittent item: its non-zero days (promotions and holidays divided out), sorted,
     * as at most {@link #SIZES} equally likely values, scaled so their mean is TSB's smoothed size {@code z}.
     */
    static double[] sizes(double[] y, double z) {
        double[] nz = java.util.Arrays.stream(y).filter(v -> v > 0).sorted().toArray();
        if (nz.length == 0 || !(z > 0)) return new double[0];
        double[] out = nz;
        if (nz.length > SIZES) {
            out = new double[SIZES];
            for (int i = 0; i < SIZES; i++) out[i] = nz[(int) Math.floor((i + 0.5) * nz.length / SIZES)];
        }
        double m = Forecast.mean(out);
        for (int i = 0; i < out.length; i++) out[i] = out[i] * z / m;
        return out;
    }

    /** The model family of a demand class, fitted. */
    static Model fit(double[] y, DemandClass cls) {
        if (cls == DemandClass.NO_DEMAND) return new Zero(y.length);
        if (cls.intermittent()) return Tsb.fit(y);
        if (y.length < HoltWinters.MIN_HISTORY) return new SeasonalNaive(y);
        return HoltWinters.fit(y);
    }

    record Backtest(double mase, double naiveMase, int holdout) {}

    /** MASE of the chosen model's P50 and of seasonal naive on the held-out last weeks, scaled by the training part. */
    static Backtest backtest(DemandSeries history) {
        int n = history.days();
        int h = Math.min(HOLDOUT_DAYS, (n - 21) / 7 * 7);
        if (h < 7) return null;
        DemandSeries train = history.head(n - h);
        double scale = SeasonalNaive.scale(train.units());
        if (!(scale > 0)) return null;
        String[] future = java.util.Arrays.copyOfRange(history.events(), n - h, n);
        Forecast f = build(train, h, future);
        double[] naive = new SeasonalNaive(train.units()).forecast(h);
        double[] y = history.units();
        double em = 0, en = 0;
        for (int i = 0; i < h; i++) {
            em += Math.abs(y[n - h + i] - f.points().get(i).p50());
            en += Math.abs(y[n - h + i] - naive[i]);
        }
        return new Backtest(em / h / scale, en / h / scale, h);
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
