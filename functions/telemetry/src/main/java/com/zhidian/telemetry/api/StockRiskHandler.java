package com.zhidian.telemetry.api;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.zhidian.core.Log;
import com.zhidian.core.aws.AwsClients;
import com.zhidian.telemetry.application.StockRiskService;
import com.zhidian.telemetry.application.Telemetry;
import java.time.Clock;
import java.util.Map;

/** StockRiskFunction, hourly: every store's products selling faster than their stock lasts raise a stock_out_risk alert. */
public final class StockRiskHandler implements RequestHandler<Map<String, Object>, Map<String, Object>> {
    private final StockRiskService risk;

    public StockRiskHandler() {
        this(Telemetry.stockRisk(AwsClients.dynamo(), Clock.systemUTC()));
    }

    public StockRiskHandler(StockRiskService risk) {
        this.risk = risk;
    }

    @Override
    public Map<String, Object> handleRequest(Map<String, Object> event, Context context) {
        StockRiskService.Run r = risk.run();
        Log.info("stock-out risk job", Map.of("stores", r.stores(), "products", r.products(), "raised", r.raised(), "cleared", r.cleared()));
        return Map.of("stores", r.stores(), "products", r.products(), "raised", r.raised(), "cleared", r.cleared());
    }
}
