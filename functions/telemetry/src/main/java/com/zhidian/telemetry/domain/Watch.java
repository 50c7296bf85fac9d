package com.zhidian.telemetry.domain;

import java.time.Instant;

/**
 * What one alert rule remembers about one device between readings: since when the condition has held
 * ({@code breachSince}, null: it does not) and the open alert it raised (null: none).
 */
public record Watch(Instant breachSince, String alertId) {
    public static final Watch CLEAR = new Watch(null, null);

    public boolean alerting() {
        return alertId != null;
    }
}
