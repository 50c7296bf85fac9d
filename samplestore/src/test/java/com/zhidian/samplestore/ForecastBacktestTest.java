package com.zhidian.samplestore;

import static org.junit.jupiter.api.Assertions.assertTrue;

import com.zhidian.purchasing.domain.forecast.DemandSeries;
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
 * The purchasing context's forecasts backtested on the sample year's hold-out (the last 8 weeks): trained on the
 * weeks before, with the generator's promotions and holidays as event tags, every product of the first store; per
 * model family, the mean MASE against seasonal naive's on the same days. The goal of issue 23 is below 0.9 for every
 * family: ETS meets it (about 0.79). TSB does not (about 0.99 on this year), and no forecast of the mean can: the
 * generator's own expected demand (every effect known, no noise: a perfect mean forecast) scores about 0.97 of
 * seasonal naive on the same items, because on counts below one a day the absolute error is smallest at the median,
 * zero (the zero forecast scores about 0.72), which no replenishment can use. So TSB is held here to beating
 * seasonal naive and to staying within 0.05 of that perfect-mean bound; the squared-error figure (RMSSE, which the
 * mean minimises) is printed beside it; the 0.9 goal is recorded as missed (docs/decisions.md).
 */
class ForecastBacktestTest {

    static String tag(SampleYear y, String gtin, int day) {
        if (y.promotionOn(gtin, day) != null) return "promotion";
        String ev = y.calendar().event(day);
        return ev == null ? null : "holiday:" + ev.toLowerCase();
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

    @Test
    void maseAgainstSeasonalNaiveOnTheHoldOutWeeks_perModelFamily() {
        SampleYear y = new SampleYear(SampleYear.Config.full(42, LocalDate.of(2025, 1, 6)));
        int train = y.holdOutFrom();
        int h = y.days() - train;
        Map<String, double[]> byFamily = new TreeMap<>();
        Map<String, Integer> patternVsFamily = new TreeMap<>();
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
            double em = 0, en = 0, et = 0, sm = 0, sn = 0;
            for (int i = 0; i < h; i++) {
                em += Math.abs(all[train + i] - f.points().get(i).mean());
                en += Math.abs(all[train + i] - naive[i]);
                et += Math.abs(all[train + i] - trueMean(y, p, train + i));
                sm += Math.pow(all[train + i] - f.points().get(i).mean(), 2);
                sn += Math.pow(all[train + i] - naive[i], 2);
            }
            double sq = 0;
            for (int d = 7; d < train; d++) sq += Math.pow(t[d] - t[d - 7], 2);
            double sqScale = Math.sqrt(sq / (train - 7));
            String family = f.model().startsWith("ets") ? "ETS" : f.model().equals("tsb") ? "TSB" : f.model();
            double[] a = byFamily.computeIfAbsent(family, k -> new double[6]);
            a[0] += em / h / scale;
            a[1] += en / h / scale;
            a[2]++;
            a[3] += et / h / scale;
            a[4] += Math.sqrt(sm / h) / sqScale;
            a[5] += Math.sqrt(sn / h) / sqScale;
            patternVsFamily.merge(p.pattern() + "→" + family, 1, Integer::sum);
        }
        StringBuilder report = new StringBuilder();
        byFamily.forEach((fam, a) -> report.append(String.format(
                "%s: %d products, MASE %.3f vs seasonal naive %.3f (ratio %.3f; the generator's true mean %.3f); RMSSE ratio %.3f; ",
                fam, (long) a[2], a[0] / a[2], a[1] / a[2], a[0] / a[1], a[3] / a[1], a[4] / a[5])));
        System.out.println("[forecast backtest] " + report + patternVsFamily);
        double[] ets = byFamily.get("ETS");
        double[] tsb = byFamily.get("TSB");
        assertTrue(ets != null && ets[0] / ets[1] < 0.9, "ETS below 0.9 of seasonal naive: " + report);
        assertTrue(tsb != null && tsb[0] / tsb[1] < 1.0, "TSB better than seasonal naive: " + report);
        assertTrue(tsb[0] / tsb[1] < tsb[3] / tsb[1] + 0.05, "TSB within 0.05 of a perfect mean forecast: " + report);
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
            forecaster += mae(all, train, f.points().stream().mapToDouble(Forecast.Point::mean).toArray()) / scale;
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
