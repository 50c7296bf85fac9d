package com.zhidian.samplestore;

import static org.junit.jupiter.api.Assertions.assertTrue;

import com.zhidian.purchasing.domain.forecast.DemandSeries;
import com.zhidian.purchasing.domain.forecast.Forecast;
import com.zhidian.purchasing.domain.forecast.Forecaster;
import com.zhidian.purchasing.domain.forecast.SeasonalNaive;
import com.zhidian.samplestore.year.SampleYear;
import com.zhidian.samplestore.year.YearProduct;
import java.time.LocalDate;
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
}
