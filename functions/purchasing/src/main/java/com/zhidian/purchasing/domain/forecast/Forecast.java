package com.zhidian.purchasing.domain.forecast;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;

/**
 * A daily forecast: the model that made it, the item's demand class, the backtest (MASE of the model and of
 * seasonal naive on the last {@code holdoutDays} days of history, null when the history is too short or
 * has no variation to scale by), the uplift factors used, and a point per day with 80 % and 95 % intervals.
 */
public record Forecast(String model, DemandClass demandClass, Double mase, Double naiveMase, int holdoutDays,
                       Map<String, Double> uplifts, List<Point> points) {

    public record Point(LocalDate date, double mean, double lo80, double hi80, double lo95, double hi95) {}

    /** Sum of the point forecasts of the first {@code days} days. */
    public double total(int days) {
        double s = 0;
        for (int i = 0; i < Math.min(days, points.size()); i++) s += points.get(i).mean();
        return s;
    }

    /** The standard deviation of the sum of the first {@code days} days, from the 95 % half-widths. */
    public double totalSigma(int days) {
        double v = 0;
        for (int i = 0; i < Math.min(days, points.size()); i++) {
            Point p = points.get(i);
            double sd = (p.hi95() - p.mean()) / Forecaster.Z95;
            v += sd * sd;
        }
        return Math.sqrt(v);
    }
}
