package com.zhidian.purchasing.domain.forecast;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The point is the predictive distribution's median, the mean is kept as expected, intervals are its quantiles. */
class PredictiveDistributionTest {

    @Test
    void compoundQuantiles_byHand() {
        double[] sizes = {1, 1, 2, 4}; // mean 2
        // expected 0.5: a demand on a quarter of the days, sizes as they are
        assertEquals(0, Forecast.compoundQuantile(sizes, 0.5, 0.5), 0, "P50 of a day that sells on 1 day in 4 is zero");
        assertEquals(0, Forecast.compoundQuantile(sizes, 0.5, 0.75), 0);
        assertEquals(1, Forecast.compoundQuantile(sizes, 0.5, 0.80), 0, "(0.80 − 0.75) ÷ 0.25 = 0.2 → the first size");
        assertEquals(2, Forecast.compoundQuantile(sizes, 0.5, 0.90), 0, "(0.90 − 0.75) ÷ 0.25 = 0.6 → the third size");
        assertEquals(4, Forecast.compoundQuantile(sizes, 0.5, 0.975), 0);
        // expected 1.2: q = 0.6
        assertEquals(1, Forecast.compoundQuantile(sizes, 1.2, 0.5), 0, "(0.5 − 0.4) ÷ 0.6 = 0.17 → 1");
        // expected 6: q = 1 and the sizes scaled by 3
        assertEquals(3, Forecast.compoundQuantile(sizes, 6, 0.10), 0);
        assertEquals(6, Forecast.compoundQuantile(sizes, 6, 0.60), 0);
        assertEquals(12, Forecast.compoundQuantile(sizes, 6, 0.975), 0);
        assertEquals(0, Forecast.compoundQuantile(sizes, 0, 0.975), 0);
    }

    @Test
    void anIntermittentItem_hasAMedianOfZeroAndAPositiveMean() {
        double[] y = new double[120];
        for (int t = 0; t < y.length; t++) y[t] = t % 5 == 2 ? (t % 3 == 0 ? 3 : 1) : 0;
        Forecast f = Forecaster.forecast(DemandSeries.of(LocalDate.of(2026, 1, 5), y), 14, null);
        assertEquals("tsb", f.model());
        assertNotNull(f.sizes());
        for (Forecast.Point p : f.points()) {
            assertEquals(0, p.p50(), 0, "sells on one day in five: " + p);
            assertTrue(p.expected() > 0.2 && p.expected() < 0.7, p.toString());
            assertTrue(p.hi95() >= 1, p.toString());
        }
        double mean = 0;
        for (double s : f.sizes()) mean += s / f.sizes().length;
        assertTrue(mean > 1 && mean < 3, "sizes scaled to TSB's smoothed size: " + mean);
    }

    @Test
    void leadTimeQuantile_ofACompoundSum_byHand() {
        // every day: a demand of 1 with probability 0.5 → over 4 days Binomial(4, 0.5): P(≤3) = 15/16 = 0.9375
        List<Forecast.Point> pts = new java.util.ArrayList<>();
        for (int i = 0; i < 4; i++) pts.add(new Forecast.Point(LocalDate.of(2026, 1, 5).plusDays(i), 0, 0.5, 0, 1, 0, 1));
        Forecast f = new Forecast("tsb", DemandClass.INTERMITTENT, null, null, 0, Map.of(), pts, new double[] {1});
        assertEquals(2, f.total(4), 1e-12);
        assertEquals(2, f.totalQuantile(4, 0.5), 0);
        assertEquals(3, f.totalQuantile(4, 0.90), 0);
        assertEquals(4, f.totalQuantile(4, 0.97), 0, "above 15/16 only all four days selling");
        assertEquals(f.totalQuantile(4, 0.9), f.totalQuantile(4, 0.9), "same seed, same answer");
        Forecast gaussian = new Forecast("ets", DemandClass.SMOOTH, null, null, 0, Map.of(), pts);
        assertNull(gaussian.totalQuantile(4, 0.9));
    }
}
