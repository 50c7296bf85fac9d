package com.zhidian.telemetry.application;

import com.zhidian.core.Log;
import com.zhidian.telemetry.domain.Alert;
import com.zhidian.telemetry.domain.StockRisk;
import com.zhidian.telemetry.domain.StockSource;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;

/**
 * The scheduled stock-out-risk job: for each store, each product's velocity against its available stock
 * ({@link StockRisk}); a product at risk raises one {@code stock_out_risk} alert (key: store and product), which the
 * job resolves itself once the stock lasts again.
 */
public final class StockRiskService {
    /** What one run did. */
    public record Run(int stores, int products, int raised, int cleared) {}

    private final StockSource source;
    private final StoreAlerts alerts;
    private final Clock clock;

    public StockRiskService(StockSource source, StoreAlerts alerts, Clock clock) {
        this.source = source;
        this.alerts = alerts;
        this.clock = clock;
    }

    public Run run() {
        int stores = 0, products = 0, raised = 0, cleared = 0;
        for (String[] ts : source.stores()) {
            try {
                Run r = store(ts[0], ts[1]);
                products += r.products();
                raised += r.raised();
                cleared += r.cleared();
                stores++;
            } catch (RuntimeException e) {
                Log.warn("stock-out risk: a store failed", Map.of("tenantId", ts[0], "storeId", ts[1], "error", String.valueOf(e)));
            }
        }
        return new Run(stores, products, raised, cleared);
    }

    /** One store's products. */
    public Run store(String tenantId, String storeId) {
        Instant now = clock.instant();
        int products = 0, raised = 0, cleared = 0;
        for (StockSource.Item i : source.items(tenantId, storeId, now.minus(Duration.ofDays(StockRisk.WINDOW_DAYS)))) {
            products++;
            String key = storeId + "#" + i.gtin();
            Optional<StockRisk.Finding> f = StockRisk.assess(i.gtin(), i.name(), i.available(), i.sold());
            if (f.isPresent()) {
                if (alerts.raise(tenantId, storeId, Alert.STOCK_OUT_RISK, key, i.gtin(), now, f.get().facts()).isPresent()) raised++;
            } else if (StockRisk.over(i.available(), i.sold())) {
                if (alerts.clear(tenantId, Alert.STOCK_OUT_RISK, key).isPresent()) cleared++;
            }
        }
        return new Run(1, products, raised, cleared);
    }
}
