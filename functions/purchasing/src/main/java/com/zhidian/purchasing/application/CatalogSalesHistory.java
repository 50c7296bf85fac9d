package com.zhidian.purchasing.application;

import com.zhidian.catalog.application.CatalogServices;
import com.zhidian.catalog.domain.Listing;
import com.zhidian.catalog.domain.Movement;
import com.zhidian.purchasing.domain.DemandHistory;
import com.zhidian.purchasing.domain.forecast.DemandSeries;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;

/**
 * Demand history read from the catalog's stock movements: sales less returns, per day in the tenant's zone. This
 * is the adapter until the reports context's sales rollups are merged; it reads a product's movements newest first
 * and stops at the window's start.
 */
public final class CatalogSalesHistory implements DemandHistory {
    private final CatalogServices catalog;

    public CatalogSalesHistory(CatalogServices catalog) {
        this.catalog = catalog;
    }

    @Override
    public DemandSeries daily(String tenantId, String storeId, String gtin, LocalDate from, LocalDate to) {
        int n = (int) ChronoUnit.DAYS.between(from, to);
        double[] units = new double[Math.max(0, n)];
        String cursor = null;
        outer:
        do {
            Listing<Movement> page = catalog.stock().movements(CatalogStockView.system(tenantId, null), storeId, gtin, 200, cursor);
            for (Movement m : page.items()) {
                LocalDate day = LocalDate.ofInstant(Instant.parse(m.at()), ForecastService.ZONE);
                if (day.isBefore(from)) break outer;
                if (!day.isBefore(to)) continue;
                int i = (int) ChronoUnit.DAYS.between(from, day);
                if (Movement.SALE.equals(m.kind())) units[i] += -m.delta();
                else if (Movement.RETURN.equals(m.kind())) units[i] -= m.delta();
            }
            cursor = page.nextCursor();
        } while (cursor != null);
        for (int i = 0; i < units.length; i++) units[i] = Math.max(0, units[i]);
        return new DemandSeries(from, units, null);
    }
}
