package com.zhidian.purchasing.domain.forecast;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.LocalDate;
import java.util.List;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.DoubleRange;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.Size;

class ForecastProperties {

    static double[] arr(List<Double> xs) {
        double[] y = new double[xs.size()];
        for (int i = 0; i < y.length; i++) y[i] = Math.rint(xs.get(i));
        return y;
    }

    @Property(tries = 150)
    void intervalsAreNestedNonNegativeAndNeverNarrowWithTheHorizon(
            @ForAll @Size(min = 1, max = 120) List<@DoubleRange(min = 0, max = 200) Double> xs,
            @ForAll @IntRange(min = 1, max = 60) int days) {
        Forecast f = Forecaster.forecast(DemandSeries.of(LocalDate.of(2026, 3, 1), arr(xs)), days, null);
        assertEquals(days, f.points().size());
        double lastHalf = -1;
        for (Forecast.Point p : f.points()) {
            assertTrue(Double.isFinite(p.expected()) && p.expected() >= 0, p.toString());
            assertTrue(p.lo95() <= p.lo80() + 1e-9 && p.lo80() <= p.p50() + 1e-9, p.toString());
            assertTrue(p.p50() <= p.hi80() + 1e-9 && p.hi80() <= p.hi95() + 1e-9, p.toString());
            assertTrue(p.lo95() >= 0);
            if (f.sizes() != null) continue; // a compound (TSB) day's quantiles follow its own mean, not the horizon
            assertEquals(p.expected(), p.p50(), 1e-9, "a Gaussian day's median is its mean");
            double half = p.hi95() - p.expected();
            assertTrue(half >= lastHalf - 1e-9, "interval narrowed at " + p.date());
            lastHalf = half;
        }
        if (f.mase() != null) assertTrue(f.mase() >= 0 && f.naiveMase() >= 0);
    }

    @Property(tries = 60)
    void scalingTheHistoryScalesTheForecast(
            @ForAll @Size(min = 21, max = 90) List<@DoubleRange(min = 0, max = 50) Double> xs,
            @ForAll @IntRange(min = 2, max = 9) int k) {
        double[] y = arr(xs);
        double[] ky = y.clone();
        for (int i = 0; i < ky.length; i++) ky[i] *= k;
        LocalDate d = LocalDate.of(2026, 3, 1);
        Forecast a = Forecaster.forecast(DemandSeries.of(d, y), 14, null);
        Forecast b = Forecaster.forecast(DemandSeries.of(d, ky), 14, null);
        assertEquals(a.model(), b.model());
        for (int i = 0; i < 14; i++) {
            assertEquals(a.points().get(i).expected() * k, b.points().get(i).expected(), 1e-6 * (1 + b.points().get(i).expected()));
        }
    }

    @Property(tries = 100)
    void classificationIsIntermittentExactlyWhenDemandDaysAreRare(
            @ForAll @Size(min = 1, max = 100) List<@DoubleRange(min = 0, max = 9) Double> xs) {
        double[] y = arr(xs);
        DemandClass c = DemandClass.of(y);
        long nz = java.util.Arrays.stream(y).filter(v -> v > 0).count();
        if (nz == 0) assertEquals(DemandClass.NO_DEMAND, c);
        else assertEquals((double) y.length / nz >= DemandClass.ADI_CUT, c.intermittent());
    }
}
