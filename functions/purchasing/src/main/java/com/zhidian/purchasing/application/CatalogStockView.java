package com.zhidian.purchasing.application;

import com.zhidian.catalog.application.CatalogServices;
import com.zhidian.catalog.application.StockService;
import com.zhidian.catalog.domain.CatalogErrors;
import com.zhidian.catalog.domain.ExpiryLot;
import com.zhidian.catalog.domain.Listing;
import com.zhidian.core.auth.Caller;
import com.zhidian.core.auth.Role;
import com.zhidian.purchasing.domain.StockView;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Purchasing's view of the catalog, through the catalog's application services (never its table). The routes have
 * already checked the caller's store; the catalog is called as the tenant's purchasing process.
 */
public final class CatalogStockView implements StockView {
    private final CatalogServices catalog;
    private final Clock clock;

    public CatalogStockView(CatalogServices catalog, Clock clock) {
        this.catalog = catalog;
        this.clock = clock;
    }

    static Caller system(String tenantId, String actor) {
        return new Caller(actor == null ? "purchasing" : actor, "purchasing", Role.OWNER, tenantId, Set.of(), null);
    }

    @Override
    public boolean storeExists(String tenantId, String storeId) {
        try {
            catalog.stock().levels(system(tenantId, null), storeId, 1, null);
            return true;
        } catch (CatalogErrors.StoreNotFound e) {
            return false;
        }
    }

    @Override
    public Product product(String tenantId, String gtin) {
        try {
            var p = catalog.products().get(system(tenantId, null), gtin);
            return new Product(p.gtin(), p.name(), p.status(), p.lastReceiptCost());
        } catch (CatalogErrors.ProductNotFound e) {
            return null;
        }
    }

    @Override
    public Map<String, Product> products(String tenantId, List<String> gtins) {
        Map<String, Product> out = new HashMap<>();
        for (String g : gtins) {
            Product p = product(tenantId, g);
            if (p != null) out.put(g, p);
        }
        return out;
    }

    @Override
    public List<Level> levels(String tenantId, String storeId) {
        List<Level> out = new ArrayList<>();
        String cursor = null;
        do {
            Listing<StockService.Row> page = catalog.stock().levels(system(tenantId, null), storeId, 200, cursor);
            for (StockService.Row r : page.items()) {
                if (r.product() == null) continue;
                out.add(new Level(r.level().gtin(), r.level().onHand(), r.level().available(), r.level().lastCost()));
            }
            cursor = page.nextCursor();
        } while (cursor != null);
        return out;
    }

    @Override
    public Long price(String tenantId, String storeId, String gtin) {
        try {
            return catalog.prices().inForce(system(tenantId, null), storeId, gtin, clock.instant()).price();
        } catch (CatalogErrors.NoPrice | CatalogErrors.ProductNotFound e) {
            return null;
        }
    }

    @Override
    public List<Promotion> promotions(String tenantId, String storeId, String gtin) {
        List<Promotion> out = new ArrayList<>();
        String cursor = null;
        try {
            do {
                Listing<com.zhidian.catalog.domain.PriceChange> page = catalog.prices().history(system(tenantId, null), gtin, 200, cursor);
                for (com.zhidian.catalog.domain.PriceChange c : page.items()) {
                    if (c.promoPrice() == null || c.promoFrom() == null || c.promoTo() == null) continue;
                    if (c.storeId() != null && !c.storeId().equals(storeId)) continue;
                    out.add(new Promotion(java.time.Instant.parse(c.promoFrom()), java.time.Instant.parse(c.promoTo())));
                }
                cursor = page.nextCursor();
            } while (cursor != null);
        } catch (CatalogErrors.ProductNotFound e) {
            return List.of();
        }
        return out;
    }

    @Override
    public List<Lot> expiring(String tenantId, String storeId, LocalDate until) {
        int days = (int) Math.max(0, java.time.temporal.ChronoUnit.DAYS.between(LocalDate.now(clock.withZone(ForecastService.ZONE)), until));
        List<Lot> out = new ArrayList<>();
        String cursor = null;
        do {
            Listing<ExpiryLot> page = catalog.stock().expiring(system(tenantId, null), storeId, days, ForecastService.ZONE, 200, cursor);
            for (ExpiryLot l : page.items()) out.add(new Lot(l.gtin(), l.expiresOn(), l.onShelf()));
            cursor = page.nextCursor();
        } while (cursor != null);
        return out;
    }

    @Override
    public void receive(String tenantId, String storeId, String gtin, long quantity, long cost, String reference, String expiresOn,
                        String actor) {
        catalog.stock().receive(system(tenantId, actor), storeId, gtin, quantity, cost, reference, expiresOn);
    }
}
