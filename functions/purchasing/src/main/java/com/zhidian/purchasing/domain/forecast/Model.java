package com.zhidian.purchasing.domain.forecast;

/**
 * A forecasting model fitted to a history: its point forecasts for the next days, the standard error of
 * the one-step forecast and how that error grows with the horizon.
 */
public interface Model {
    /** The stable name the answer shows: seasonal_naive, ets_damped, ets, tsb, none. */
    String name();

    /** Point forecasts for the {@code h} days after the history (never negative). */
    double[] forecast(int h);

    /** One-step in-sample residuals (actual − forecast) after the start-up week. */
    double[] residuals();

    /** Ratio of the h-step forecast's standard deviation to the one-step one (1 for h = 1, never shrinking). */
    double spread(int h);
}
