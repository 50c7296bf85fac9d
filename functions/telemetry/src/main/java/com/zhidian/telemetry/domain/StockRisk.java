package com.zhidian.telemetry.domain;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * Stock-out risk, pure: a product's sales velocity (units sold in the store over the last {@link #WINDOW_DAYS} days, per
 * day) against what is available now (on hand less what unpaid orders hold). At risk when it sells and what is left
 * lasts less than {@link #RISK_DAYS} days (or nothing is left); over again once it lasts {@link #CLEAR_DAYS} days or more,
 * or it no longer sells (the gap between the two: no alert flapping as the last units sell and a delivery arrives).
 */
public final class StockRisk {
    private StockRisk() {}

    public static final int WINDOW_DAYS = 7;
    public static final double RISK_DAYS = 2.0, CLEAR_DAYS = 4.0;

    /** A product at risk: what was seen. */
    public record Finding(String gtin, String name, long available, long sold, double perDay, double daysLeft) {
        public Map<String, Object> facts() {
            Map<String, Object> f = new LinkedHashMap<>();
            f.put("gtin", gtin);
            f.put("name", name);
            f.put("available", available);
            f.put("soldInWindow", sold);
            f.put("windowDays", WINDOW_DAYS);
            f.put("perDay", round(perDay));
            f.put("daysLeft", round(daysLeft));
            return f;
        }
    }

    /** {@code sold}: units sold in the last {@link #WINDOW_DAYS} days (net of returns, never below 0). */
    public static Optional<Finding> assess(String gtin, String name, long available, long sold) {
        if (sold <= 0) return Optional.empty();
        double perDay = sold / (double) WINDOW_DAYS;
        double daysLeft = Math.max(0, available) / perDay;
        return daysLeft < RISK_DAYS ? Optional.of(new Finding(gtin, name, available, sold, perDay, daysLeft)) : Optional.empty();
    }

    /** Whether a raised risk is over: the stock lasts {@link #CLEAR_DAYS} days at the current velocity, or nothing sells. */
    public static boolean over(long available, long sold) {
        if (sold <= 0) return true;
        return Math.max(0, available) / (sold / (double) WINDOW_DAYS) >= CLEAR_DAYS;
    }

    private static double round(double v) {
        return Math.round(v * 100) / 100.0;
    }
}
