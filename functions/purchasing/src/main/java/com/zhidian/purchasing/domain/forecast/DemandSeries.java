package com.zhidian.purchasing.domain.forecast;

import java.time.LocalDate;

/**
 * Units sold per day from {@code first}, one entry per day with no gaps (a day without sales is 0), and the
 * event tag of each day (null when none).
 */
public record DemandSeries(LocalDate first, double[] units, String[] events) {
    public DemandSeries {
        units = units.clone();
        events = events == null ? new String[units.length] : events.clone();
        if (events.length != units.length) throw new IllegalArgumentException("one event slot per day");
        for (double u : units) {
            if (!(u >= 0) || Double.isInfinite(u)) throw new IllegalArgumentException("units must be finite and ≥ 0");
        }
    }

    public static DemandSeries of(LocalDate first, double... units) { return new DemandSeries(first, units, null); }

    public int days() { return units.length; }

    public LocalDate end() { return first.plusDays(units.length); }

    public DemandSeries head(int n) {
        return new DemandSeries(first, java.util.Arrays.copyOf(units, n), java.util.Arrays.copyOf(events, n));
    }
}
