package com.zhidian.purchasing.application;

import com.zhidian.purchasing.domain.Assortment;
import com.zhidian.purchasing.domain.DemandHistory;
import com.zhidian.purchasing.domain.PurchasingErrors;
import com.zhidian.purchasing.domain.StockView;
import com.zhidian.purchasing.domain.Supplier;
import com.zhidian.purchasing.domain.SupplierRepository;
import com.zhidian.purchasing.domain.forecast.DemandSeries;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** Assortment and pricing hints for a store, over every product with stock there. */
public final class AssortmentService {
    /** Lots expiring within this many days are considered for a markdown. */
    public static final int EXPIRY_DAYS = 14;

    private final DemandHistory history;
    private final SupplierRepository suppliers;
    private final StockView stock;
    private final ForecastService days;

    public AssortmentService(DemandHistory history, SupplierRepository suppliers, StockView stock, ForecastService days) {
        this.history = history;
        this.suppliers = suppliers;
        this.stock = stock;
        this.days = days;
    }

    public record Answer(String storeId, LocalDate from, LocalDate to, Assortment.Hints hints) {}

    public Answer hints(String tenantId, String storeId) {
        if (!stock.storeExists(tenantId, storeId)) throw new PurchasingErrors.StoreNotFound(storeId);
        LocalDate today = days.today();
        LocalDate from = today.minusDays(Assortment.WINDOW_DAYS);
        Map<String, Long> supplierCost = new HashMap<>();
        for (Supplier s : suppliers.all(tenantId)) {
            for (Supplier.Item i : s.items()) supplierCost.merge(i.gtin(), i.cost(), Math::min);
        }
        Map<String, List<Assortment.Lot>> lots = new HashMap<>();
        for (StockView.Lot l : stock.expiring(tenantId, storeId, today.plusDays(EXPIRY_DAYS))) {
            int d = (int) ChronoUnit.DAYS.between(today, LocalDate.parse(l.expiresOn()));
            lots.computeIfAbsent(l.gtin(), g -> new ArrayList<>()).add(new Assortment.Lot(l.expiresOn(), d, l.onShelf()));
        }
        List<StockView.Level> levels = stock.levels(tenantId, storeId);
        Map<String, StockView.Product> products = stock.products(tenantId, levels.stream().map(StockView.Level::gtin).toList());
        List<Assortment.Item> items = new ArrayList<>();
        for (StockView.Level lv : levels) {
            StockView.Product p = products.get(lv.gtin());
            if (p == null) continue;
            DemandSeries s = history.daily(tenantId, storeId, lv.gtin(), from, today);
            double units = 0;
            Integer last = null;
            double[] u = s.units();
            for (int i = 0; i < u.length; i++) {
                units += u[i];
                if (u[i] > 0) last = u.length - i;
            }
            Long price = stock.price(tenantId, storeId, lv.gtin());
            long cost = supplierCost.getOrDefault(lv.gtin(),
                    lv.lastCost() != null ? lv.lastCost() : p.lastReceiptCost() != null ? p.lastReceiptCost() : 0L);
            items.add(new Assortment.Item(lv.gtin(), p.name(), units, price == null ? 0 : price, cost, lv.onHand(), last,
                    lots.getOrDefault(lv.gtin(), List.of())));
        }
        return new Answer(storeId, from, today, Assortment.hints(items));
    }
}
