package com.zhidian.purchasing.api;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.events.ScheduledEvent;
import com.zhidian.core.Log;
import com.zhidian.core.http.Platform;
import com.zhidian.purchasing.application.Purchasing;
import com.zhidian.purchasing.store.DynamoForecastRepository;
import java.util.Map;

/**
 * The nightly forecast refresh (a Schedule event in template.yaml): every store that has forecasts gets a fresh
 * one for each product with stock there, made from the history up to yesterday.
 */
public final class ForecastJob implements RequestHandler<ScheduledEvent, Map<String, Object>> {
    private final Purchasing purchasing;
    private final DynamoForecastRepository stores;

    public ForecastJob() {
        Platform p = Platform.fromEnvironment();
        this.purchasing = Purchasing.wire(p.db(), p.clock());
        this.stores = new DynamoForecastRepository(p.db());
    }

    @Override
    public Map<String, Object> handleRequest(ScheduledEvent event, Context context) {
        int storesDone = 0;
        int products = 0;
        for (String[] ts : stores.forecastStores()) {
            try {
                products += purchasing.forecasts().refreshStore(ts[0], ts[1]);
                storesDone++;
            } catch (RuntimeException e) {
                Log.info("forecast refresh failed for a store", Map.of("tenantId", ts[0], "storeId", ts[1], "error", String.valueOf(e)));
            }
        }
        Log.info("forecast job", Map.of("stores", storesDone, "products", products));
        return Map.of("stores", storesDone, "products", products);
    }
}
