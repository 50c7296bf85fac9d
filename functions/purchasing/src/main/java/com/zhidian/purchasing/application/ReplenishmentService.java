package com.zhidian.purchasing.application;

import com.zhidian.purchasing.domain.PurchaseOrder;
import com.zhidian.purchasing.domain.PurchaseOrderRepository;
import com.zhidian.purchasing.domain.PurchasingErrors;
import com.zhidian.purchasing.domain.Replenishment;
import com.zhidian.purchasing.domain.StockView;
import com.zhidian.purchasing.domain.Supplier;
import com.zhidian.purchasing.domain.SupplierRepository;
import com.zhidian.purchasing.domain.forecast.Forecast;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Suggested orders for a store: every product a supplier supplies (the cheapest supplier, then the quickest), with
 * its forecast over the lead time, safety stock, available stock and what open purchase orders still bring.
 */
public final class ReplenishmentService {
    private final ForecastService forecasts;
    private final SupplierRepository suppliers;
    private final PurchaseOrderRepository orders;
    private final StockView stock;

    public ReplenishmentService(ForecastService forecasts, SupplierRepository suppliers, PurchaseOrderRepository orders,
                                StockView stock) {
        this.forecasts = forecasts;
        this.suppliers = suppliers;
        this.orders = orders;
        this.stock = stock;
    }

    public record Row(String gtin, String name, Supplier supplier, Supplier.Item terms, String model,
                      Replenishment.Suggestion suggestion) {}

    public List<Row> suggest(String tenantId, String storeId, double serviceLevel) {
        if (!stock.storeExists(tenantId, storeId)) throw new PurchasingErrors.StoreNotFound(storeId);
        Map<String, Supplier> bestSupplier = new HashMap<>();
        Map<String, Supplier.Item> bestTerms = new HashMap<>();
        Comparator<Supplier.Item> better = Comparator.comparingLong(Supplier.Item::cost).thenComparingInt(Supplier.Item::leadTimeDays);
        for (Supplier s : suppliers.all(tenantId)) {
            for (Supplier.Item i : s.items()) {
                Supplier.Item cur = bestTerms.get(i.gtin());
                if (cur == null || better.compare(i, cur) < 0) {
                    bestTerms.put(i.gtin(), i);
                    bestSupplier.put(i.gtin(), s);
                }
            }
        }
        Map<String, StockView.Level> levels = new HashMap<>();
        for (StockView.Level l : stock.levels(tenantId, storeId)) levels.put(l.gtin(), l);
        Map<String, Long> onOrder = new HashMap<>();
        for (PurchaseOrder po : orders.open(tenantId, storeId)) {
            for (PurchaseOrder.Line l : po.lines()) onOrder.merge(l.gtin(), po.outstanding(l.gtin()) > 0 ? l.outstanding() : 0, Long::sum);
        }
        Map<String, StockView.Product> products = stock.products(tenantId, new ArrayList<>(bestTerms.keySet()));
        List<Row> rows = new ArrayList<>();
        for (Map.Entry<String, Supplier.Item> e : bestTerms.entrySet()) {
            String gtin = e.getKey();
            StockView.Product p = products.get(gtin);
            if (p == null || "delisted".equals(p.status())) continue;
            Supplier.Item t = e.getValue();
            Forecast f = forecasts.forecastKnown(tenantId, storeId, gtin, t.leadTimeDays()).forecast();
            StockView.Level lv = levels.get(gtin);
            long available = lv == null ? 0 : lv.available();
            Replenishment.Suggestion s = Replenishment.suggest(new Replenishment.Input(gtin, t.leadTimeDays(), t.casePack(), t.minOrder(),
                    f.total(t.leadTimeDays()), f.totalSigma(t.leadTimeDays()), serviceLevel, available, onOrder.getOrDefault(gtin, 0L),
                    f.totalQuantile(t.leadTimeDays(), serviceLevel)));
            rows.add(new Row(gtin, p.name(), bestSupplier.get(gtin), t, f.model(), s));
        }
        rows.sort(Comparator.comparing((Row r) -> !r.suggestion().atRisk()).thenComparing(r -> r.suggestion().quantity() == 0)
                .thenComparing(Row::gtin));
        return rows;
    }
}
