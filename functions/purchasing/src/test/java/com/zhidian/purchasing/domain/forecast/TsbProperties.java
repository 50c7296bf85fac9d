package com.zhidian.purchasing.domain.forecast;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.DoubleRange;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.Size;

/** TSB's invariants on intermittent histories: the path the intermittent and lumpy items take. */
class TsbProperties {

    /** Mostly zeros: a sale on a day only when its draw is below {@code share}. */
    static double[] sparse(List<Double> draws, List<Double> sizes, double share) {
        double[] y = new double[draws.size()];
        for (int i = 0; i < y.length; i++) y[i] = draws.get(i) < share ? Math.rint(sizes.get(i % sizes.size())) : 0;
        return y;
    }

    @Property(tries = 150)
    void intermittentForecastsAreNeverNegativeAndInsideTheirIntervals(
            @ForAll @Size(min = 14, max = 200) List<@DoubleRange(min = 0, max = 1) Double> draws,
            @ForAll @Size(min = 1, max = 20) List<@DoubleRange(min = 1, max = 40) Double> sizes,
            @ForAll @DoubleRange(min = 0.02, max = 0.6) double share,
            @ForAll @IntRange(min = 1, max = 60) int days) {
        double[] y = sparse(draws, sizes, share);
        Forecast f = Forecaster.forecast(DemandSeries.of(LocalDate.of(2026, 3, 2), y), days, null);
        if (DemandClass.of(y).intermittent()) assertEquals("tsb", f.model());
        for (Forecast.Point p : f.points()) {
            assertTrue(Double.isFinite(p.expected()) && p.expected() >= 0, p.toString());
            assertTrue(p.lo95() >= 0 && p.lo95() <= p.lo80() + 1e-9 && p.lo80() <= p.p50() + 1e-9, p.toString());
            assertTrue(p.p50() <= p.hi80() + 1e-9 && p.hi80() <= p.hi95() + 1e-9, p.toString());
            assertTrue(p.expected() <= p.hi95() + 1e-9 || f.model().equals("tsb"), p.toString());
        }
        for (double v : Tsb.fit(y).forecast(days)) assertTrue(Double.isFinite(v) && v >= 0);
    }

    @Property(tries = 100)
    void aConstantSeriesIsForecastAsItself(
            @ForAll @DoubleRange(min = 1, max = 500) double level,
            @ForAll @IntRange(min = 14, max = 200) int n,
            @ForAll @IntRange(min = 1, max = 60) int days) {
        double c = Math.rint(level);
        double[] y = new double[n];
        Arrays.fill(y, c);
        for (double v : Tsb.fit(y).forecast(days)) assertEquals(c, v, 1e-9 * c);
        Forecast f = Forecaster.forecast(DemandSeries.of(LocalDate.of(2026, 3, 2), y), days, null);
        for (Forecast.Point p : f.points()) {
            assertEquals(c, p.expected(), 1e-9 * c, f.model());
            assertEquals(c, p.lo95(), 1e-9 * c, "no error in the history, no width: " + p);
            assertEquals(c, p.hi95(), 1e-9 * c, "no error in the history, no width: " + p);
        }
    }
}
