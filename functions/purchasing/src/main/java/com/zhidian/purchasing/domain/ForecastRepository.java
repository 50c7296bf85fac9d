package com.zhidian.purchasing.domain;

import com.zhidian.purchasing.domain.forecast.Forecast;
import java.time.Instant;
import java.util.Optional;

/** The nightly forecasts, one per store × product, with when they were made. */
public interface ForecastRepository {
    record Stored(Forecast forecast, Instant computedAt) {}

    void save(String tenantId, String storeId, String gtin, Forecast f, Instant computedAt);

    Optional<Stored> get(String tenantId, String storeId, String gtin);
}
