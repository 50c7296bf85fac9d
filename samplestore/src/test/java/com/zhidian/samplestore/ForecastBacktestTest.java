package com.zhidian.samplestore;

import static org.junit.jupiter.api.Assertions.assertTrue;

import com.zhidian.purchasing.domain.forecast.DemandSeries;
import com.zhidian.purchasing.domain.forecast.EventCalendar;
import com.zhidian.purchasing.domain.forecast.Forecast;
import com.zhidian.purchasing.domain.forecast.Forecaster;
import com.zhidian.purchasing.domain.forecast.SeasonalNaive;
import com.zhidian.samplestore.year.SampleYear;
import com.zhidian.samplestore.year.YearProduct;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.function.BiFunction;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

/**
 * The purchasing context's forecasts backtested on the sample year's hold-out (the last 8 weeks), for three generator
 * seeds: trained on the weeks before, with the tags the live path gives (EventCalendar: fixed-date festivals and the
 * lunar holiday windows) and the generator's promotions as planned "promotion" days, every product of the first store.
 * Per model family: MASE of the point forecast (the predictive distribution's median, P50) against seasonal naive's on
 * the same days, RMSSE of the mean ({@code expected}) against seasonal naive's, and how often the 80 % and 95 %
 * intervals held the actual day. The goal of issue 23: MASE below 0.9 of seasonal naive's, per family, asserted for
 * each seed; nothing here is tuned on the hold-out (the models' parameters are chosen on the training weeks only).
 */
class ForecastBacktestTest {
    static final long[] SEEDS = {42, 7, 99};

    static String tag(SampleYear y, String gtin, int day) {
        if (y.promotionOn(gtin, day) != null) return "promotion";
        return EventCalendar.tag(y.date(day));
    }

    /**
     * The mean of the generator's draw on a day (SampleYear.purchases): Poisson(expected) pieces for regular and slow
     * items; 1 + Poisson(0.6·expected/q) with probability q for intermittent ones; Poisson(expected/650) purchases of
     * 5·(40 + U{0..219}) grams, 747.5 g on average, for weighed goods.
     */
    static double trueMean(SampleYear y, YearProduct p, int day) {
        double m = y.expectedDemand(0, p.gtin(), day);
        if (p.weighed()) return m / 650.0 * 747.5;
        if (p.pattern() == YearProduct.Pattern.INTERMITTENT) return p.intermittency() + 0.6 * m;
        return m;
    }

    /** One family's sums over its items: MASE of P50 and of naive, RMSSE of the mean and of naive, interval hits. */
    static final class Family {
        int items;
        long days, in80, in95;
        double mase, naiveMase, rmsse, naiveRmsse;

        double ratio() { return mase / naiveMase; }
        double rmsseRatio() { return rmsse / naiveRmsse; }
        double cover80() { return (double) in80 / days; }
        double cover95() { return (double) in95 / days; }
    }

    static String family(String model) {
        return model.startsWith("ets") ? "ETS" : model.equals("tsb") ? "TSB" : model;
    }

    static Map<String, Family> backtest(long seed) {
        SampleYear y = new SampleYear(SampleYear.Config.full(seed, LocalDate.of(2025, 1, 6)));
        int train = y.holdOutFrom();
        int h = y.days() - train;
        Map<String, Family> byFamily = new TreeMap<>();
        for (YearProduct p : y.products()) {
            long[] all = y.dailyDemand(0, p.gtin());
            double[] t = new double[train];
            String[] ev = new String[train];
            for (int d = 0; d < train; d++) { t[d] = all[d]; ev[d] = tag(y, p.gtin(), d); }
            String[] future = new String[h];
            for (int i = 0; i < h; i++) future[i] = tag(y, p.gtin(), train + i);
            double scale = SeasonalNaive.scale(t);
            if (!(scale > 0)) continue;
            Forecast f = Forecaster.forecast(new DemandSeries(y.date(0), t, ev), h, future);
            double[] naive = new SeasonalNaive(t).forecast(h);
            Family fam = byFamily.computeIfAbsent(family(f.model()), k -> new Family());
            double em = 0, en = 0, sm = 0, sn = 0;
            for (int i = 0; i < h; i++) {
                Forecast.Point pt = f.points().get(i);
                double actual = all[train + i];
                em += Math.abs(actual - pt.p50());
                en += Math.abs(actual - naive[i]);
                sm += Math.pow(actual - pt.expected(), 2);
                sn += Math.pow(actual - naive[i], 2);
                if (actual >= pt.lo80() - 1e-9 && actual <= pt.hi80() + 1e-9) fam.in80++;
                if (actual >= pt.lo95() - 1e-9 && actual <= pt.hi95() + 1e-9) fam.in95++;
                fam.days++;
            }
            double sq = 0;
            for (int d = 7; d < train; d++) sq += Math.pow(t[d] - t[d - 7], 2);
            double sqScale = Math.sqrt(sq / (train - 7));
            fam.items++;
            fam.mase += em / h / scale;
            fam.naiveMase += en / h / scale;
            fam.rmsse += Math.sqrt(sm / h) / sqScale;
            fam.naiveRmsse += Math.sqrt(sn / h) / sqScale;
        }
        return byFamily;
    }

    static String row(long seed, String name, Family f) {
        return String.format("| %d | %s | %d | %.3f | %.3f | %.3f | %.3f | %.1f %% | %.1f %% |", seed, name, f.items,
                f.mase / f.items, f.naiveMase / f.items, f.ratio(), f.rmsseRatio(), 100 * f.cover80(), 100 * f.cover95());
    }

    @Test
    void p50BeatsSeasonalNaiveBy10PercentOnTheHoldOutWeeks_perModelFamily_threeSeeds() {
        StringBuilder report = new StringBuilder("| seed | family | items | MASE of P50 | seasonal naive | ratio | RMSSE ratio (mean) | 80 % covered | 95 % covered |\n");
        for (long seed : SEEDS) {
            Map<String, Family> fams = backtest(seed);
            fams.forEach((name, f) -> report.append(row(seed, name, f)).append('\n'));
            for (String name : new String[] {"ETS", "TSB"}) {
                Family f = fams.get(name);
                assertTrue(f != null && f.items >= 20, "seed " + seed + ": " + name + " has items\n" + report);
                assertTrue(f.ratio() < 0.9, "seed " + seed + ": " + name + " MASE below 0.9 of seasonal naive's\n" + report);
                assertTrue(f.rmsseRatio() < 1.0, "seed " + seed + ": " + name + " RMSSE below seasonal naive's\n" + report);
                assertTrue(f.cover80() > 0.70 && f.cover95() > 0.88, "seed " + seed + ": " + name + " intervals hold what they say\n" + report);
            }
        }
        System.out.println("[forecast backtest]\n" + report);
    }

    /**
     * The well-known alternatives to TSB's mean forecast on the same TSB items, per seed (not a test: run with the
     * samplestore test classpath, {@code java -cp ... com.zhidian.samplestore.ForecastBacktestTest 42 7 99}). Printed
     * as the ratio of each method's mean MASE to seasonal naive's: TSB as fitted, Croston with the SBA correction
     * (α 0.1, 0.2), moving averages of 7 and 28 days, and the choice among those per item by rolling-origin MAE on
     * the last eight weeks of the training part (four origins two weeks apart, 14 days ahead); then the generator's
     * true mean and the zero forecast. The figures are in docs/decisions.md.
     */
    public static void main(String[] args) {
        if (args.length > 0 && args[0].equals("table")) {
            for (long seed : SEEDS) backtest(seed).forEach((name, f) -> System.out.println(row(seed, name, f)));
            return;
        }
        for (String seed : args.length == 0 ? new String[] {"42"} : args) alternatives(Long.parseLong(seed));
    }

    static double[] flat(double v, int h) {
        double[] f = new double[h];
        Arrays.fill(f, v);
        return f;
    }

    static double[] sba(double[] y, double a, int h) {
        double z = -1, x = -1;
        int q = 1;
        for (double v : y) {
            if (v > 0) {
                if (z < 0) { z = v; x = q; } else { z += a * (v - z); x += a * (q - x); }
                q = 1;
            } else q++;
        }
        return z < 0 ? flat(0, h) : flat((1 - a / 2) * z / x, h);
    }

    static double[] sma(double[] y, int k, int h) {
        k = Math.min(k, y.length);
        double s = 0;
        for (int i = y.length - k; i < y.length; i++) s += y[i];
        return flat(s / k, h);
    }

    static double mae(double[] actual, int from, double[] f) {
        double s = 0;
        for (int i = 0; i < f.length; i++) s += Math.abs(actual[from + i] - f[i]);
        return s / f.length;
    }

    static void alternatives(long seed) {
        SampleYear y = new SampleYear(SampleYear.Config.full(seed, LocalDate.of(2025, 1, 6)));
        int train = y.holdOutFrom();
        int h = y.days() - train;
        LinkedHashMap<String, BiFunction<double[], Integer, double[]>> methods = new LinkedHashMap<>();
        methods.put("tsb(grid α,β)", (t, k) -> com.zhidian.purchasing.domain.forecast.Tsb.fit(t).forecast(k));
        methods.put("sba α0.1", (t, k) -> sba(t, 0.1, k));
        methods.put("sba α0.2", (t, k) -> sba(t, 0.2, k));
        methods.put("sma7", (t, k) -> sma(t, 7, k));
        methods.put("sma28", (t, k) -> sma(t, 28, k));
        String[] names = methods.keySet().toArray(new String[0]);
        double[] sum = new double[names.length];
        double naive = 0, forecaster = 0, chosen = 0, truth = 0, zero = 0;
        int n = 0;
        for (YearProduct p : y.products()) {
            double[] all = Arrays.stream(y.dailyDemand(0, p.gtin())).asDoubleStream().toArray();
            double[] t = Arrays.copyOf(all, train);
            String[] ev = new String[train];
            for (int d = 0; d < train; d++) ev[d] = tag(y, p.gtin(), d);
            String[] future = new String[h];
            for (int i = 0; i < h; i++) future[i] = tag(y, p.gtin(), train + i);
            double scale = SeasonalNaive.scale(t);
            if (!(scale > 0)) continue;
            Forecast f = Forecaster.forecast(new DemandSeries(y.date(0), t, ev), h, future);
            if (!f.model().equals("tsb")) continue;
            n++;
            naive += mae(all, train, new SeasonalNaive(t).forecast(h)) / scale;
            forecaster += mae(all, train, f.points().stream().mapToDouble(Forecast.Point::p50).toArray()) / scale;
            double[] tm = new double[h];
            for (int i = 0; i < h; i++) tm[i] = trueMean(y, p, train + i);
            truth += mae(all, train, tm) / scale;
            zero += mae(all, train, flat(0, h)) / scale;
            String pick = null;
            double best = Double.POSITIVE_INFINITY;
            for (int i = 0; i < names.length; i++) {
                sum[i] += mae(all, train, methods.get(names[i]).apply(t, h)) / scale;
                double ro = 0;
                for (int o = train - 56; o < train; o += 14) ro += mae(all, o, methods.get(names[i]).apply(Arrays.copyOf(all, o), 14));
                if (ro < best - 1e-12) { best = ro; pick = names[i]; }
            }
            chosen += mae(all, train, methods.get(pick).apply(t, h)) / scale;
        }
        StringBuilder b = new StringBuilder(String.format("seed %d, %d TSB items, MASE ratio to seasonal naive: forecaster (uplifts, tsb) %.3f",
                seed, n, forecaster / naive));
        for (int i = 0; i < names.length; i++) b.append(String.format("; %s %.3f", names[i], sum[i] / naive));
        b.append(String.format("; chosen per item by rolling origin %.3f; generator's true mean %.3f; zero %.3f", chosen / naive, truth / naive, zero / naive));
        System.out.println(b);
    }
}
