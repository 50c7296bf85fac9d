package com.zhidian.purchasing.domain.forecast;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.LocalDate;
import java.util.Random;
import org.junit.jupiter.api.Test;

class ForecasterTest {
    static final LocalDate JAN1 = LocalDate.of(2026, 1, 1);
    static final double[] WEEK = {10, 12, 11, 13, 20, 30, 25};

    static double[] constant(int n, double v) {
        double[] y = new double[n];
        java.util.Arrays.fill(y, v);
        return y;
    }

    @Test
    void constantSeries_forecastsTheConstantWithZeroWidthIntervals() {
        Forecast f = Forecaster.forecast(DemandSeries.of(JAN1, constant(84, 5)), 14, null);
        assertEquals(DemandClass.SMOOTH, f.demandClass());
        assertTrue(f.model().startsWith("ets"), f.model());
        for (Forecast.Point p : f.points()) {
            assertEquals(5, p.expected(), 1e-9);
            assertEquals(5, p.lo95(), 1e-9);
            assertEquals(5, p.hi95(), 1e-9);
        }
        assertEquals(JAN1.plusDays(84), f.points().get(0).date());
        // seasonal naive has no error to scale by on a constant: no MASE rather than a division by zero
        assertNull(f.mase());
    }

    @Test
    void linearTrend_isContinued() {
        double[] y = new double[70];
        for (int t = 0; t < y.length; t++) y[t] = 20 + 0.5 * t;
        Forecast f = Forecaster.forecast(DemandSeries.of(JAN1, y), 7, null);
        for (int i = 0; i < 7; i++) {
            double expected = 20 + 0.5 * (70 + i);
            assertEquals(expected, f.points().get(i).expected(), 1.0, "day " + i);
        }
        assertEquals("ets", f.model());
    }

    @Test
    void weeklySeason_isRepeated() {
        double[] y = new double[16 * 7];
        Random r = new Random(7);
        for (int t = 0; t < y.length; t++) y[t] = WEEK[t % 7] + r.nextGaussian();
        Forecast f = Forecaster.forecast(DemandSeries.of(JAN1, y), 14, null);
        for (int i = 0; i < 14; i++) {
            assertEquals(WEEK[(y.length + i) % 7], f.points().get(i).expected(), 1.5, "day " + i);
        }
        assertNotNull(f.mase());
        assertEquals(28, f.holdoutDays());
    }

    @Test
    void weeklySeasonWithNoise_backtestsBelow0_9OfSeasonalNaiveOnAverage() {
        // one noisy hold-out is a coin toss; over twenty the smoothing must win clearly
        double model = 0, naive = 0;
        for (int seed = 1; seed <= 20; seed++) {
            double[] y = new double[20 * 7];
            Random r = new Random(seed);
            for (int t = 0; t < y.length; t++) y[t] = Math.max(0, WEEK[t % 7] + 2 * r.nextGaussian());
            Forecast f = Forecaster.forecast(DemandSeries.of(JAN1, y), 7, null);
            model += f.mase();
            naive += f.naiveMase();
        }
        assertTrue(model < 0.9 * naive, model / 20 + " vs naive " + naive / 20);
    }

    @Test
    void intermittentSeries_isForecastWithTsbAtAboutTheMeanRate() {
        double[] y = new double[120];
        Random r = new Random(3);
        double sum = 0;
        for (int t = 0; t < y.length; t++) {
            y[t] = r.nextDouble() < 0.2 ? 3 + r.nextInt(2) : 0;
            sum += y[t];
        }
        Forecast f = Forecaster.forecast(DemandSeries.of(JAN1, y), 10, null);
        assertTrue(f.demandClass().intermittent(), f.demandClass().toString());
        assertEquals("tsb", f.model());
        double mean = sum / y.length;
        double week = 0;
        for (int i = 0; i < 7; i++) week += f.points().get(i).expected() / 7;
        assertEquals(mean, week, mean * 0.6);
        // the weekly profile repeats
        assertEquals(f.points().get(0).expected(), f.points().get(7).expected(), 1e-12);
    }

    @Test
    void tsb_decaysAfterAnItemStopsSelling() {
        double[] y = new double[100];
        for (int t = 0; t < 60; t++) y[t] = t % 3 == 0 ? 6 : 0;
        Tsb before = Tsb.with(java.util.Arrays.copyOf(y, 60), 0.1, 0.1);
        Tsb after = Tsb.with(y, 0.1, 0.1);
        assertTrue(after.forecast(1)[0] < before.forecast(1)[0] * 0.1,
                after.forecast(1)[0] + " should have decayed from " + before.forecast(1)[0]);
    }

    @Test
    void neverSold_forecastsZero() {
        Forecast f = Forecaster.forecast(DemandSeries.of(JAN1, new double[30]), 5, null);
        assertEquals("none", f.model());
        assertEquals(0, f.total(5), 0);
    }

    @Test
    void shortHistory_fallsBackToSeasonalNaive() {
        double[] y = {1, 2, 3, 4, 5, 6, 7, 1, 2, 3};
        Forecast f = Forecaster.forecast(DemandSeries.of(JAN1, y), 3, null);
        assertEquals("seasonal_naive", f.model());
        assertEquals(4, f.points().get(0).expected(), 0);
        assertNull(f.mase());
    }

    @Test
    void intervalsWidenWithTheHorizon() {
        double[] y = new double[90];
        Random r = new Random(11);
        for (int t = 0; t < y.length; t++) y[t] = 50 + WEEK[t % 7] + 4 * r.nextGaussian();
        Forecast f = Forecaster.forecast(DemandSeries.of(JAN1, y), 28, null);
        double w1 = f.points().get(0).hi95() - f.points().get(0).expected();
        double w28 = f.points().get(27).hi95() - f.points().get(27).expected();
        assertTrue(w28 > w1, w28 + " > " + w1);
        Forecast.Point p = f.points().get(0);
        assertEquals(Forecaster.Z80 / Forecaster.Z95, (p.hi80() - p.expected()) / (p.hi95() - p.expected()), 1e-9);
    }

    @Test
    void promotionUplift_isEstimatedAndAppliedToFutureTaggedDays() {
        int n = 12 * 7;
        double[] y = new double[n];
        String[] ev = new String[n];
        for (int t = 0; t < n; t++) {
            y[t] = 10;
            if (t % 14 == 3) { ev[t] = "promotion"; y[t] = 25; }
        }
        DemandSeries s = new DemandSeries(JAN1, y, ev);
        Forecast f = Forecaster.forecast(s, 3, new String[] {null, "promotion", null});
        assertEquals(2.5, f.uplifts().get("promotion"), 1e-9);
        assertEquals(10, f.points().get(0).expected(), 1e-6);
        assertEquals(25, f.points().get(1).expected(), 1e-6);
        assertEquals(10, f.points().get(2).expected(), 1e-6);
    }

    @Test
    void classification_followsAdiAndCv2() {
        assertEquals(DemandClass.SMOOTH, DemandClass.of(new double[] {5, 5, 6, 5, 4}));
        assertEquals(DemandClass.ERRATIC, DemandClass.of(new double[] {1, 20, 1, 30, 1}));
        assertEquals(DemandClass.INTERMITTENT, DemandClass.of(new double[] {0, 5, 0, 0, 5, 0, 4}));
        assertEquals(DemandClass.LUMPY, DemandClass.of(new double[] {0, 1, 0, 0, 40, 0, 0}));
        assertEquals(DemandClass.NO_DEMAND, DemandClass.of(new double[] {0, 0}));
    }

    @Test
    void mase_isModelErrorOverTheInSampleSeasonalNaiveError() {
        // 10 a day, one week of 12 in the middle of the training part, 10 again in the hold-out
        double[] y = new double[35];
        for (int t = 0; t < 35; t++) y[t] = t >= 7 && t < 14 ? 12 : 10;
        Forecaster.Backtest bt = Forecaster.backtest(DemandSeries.of(JAN1, y));
        assertNotNull(bt);
        // 35 days: two weeks held out, three left to fit on
        assertEquals(14, bt.holdout());
        // training days 0..20: seasonal naive errs by 2 on days 7..20 (12 vs 10, then 10 vs 12): scale 2
        assertEquals(2, SeasonalNaive.scale(java.util.Arrays.copyOf(y, 21)), 1e-12);
        // seasonal naive repeats days 14..20 (10) over a hold-out of 10: no error
        assertEquals(0, bt.naiveMase(), 1e-12);
        double[] f = Forecaster.fit(java.util.Arrays.copyOf(y, 21), DemandClass.SMOOTH).forecast(14);
        double mae = 0;
        for (double v : f) mae += Math.abs(10 - v) / 14;
        assertEquals(mae / 2, bt.mase(), 1e-12);
    }
}
