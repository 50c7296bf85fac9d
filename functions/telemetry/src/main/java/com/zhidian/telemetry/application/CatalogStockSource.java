package com.zhidian.telemetry.application;

import com.zhidian.catalog.application.CatalogServices;
import com.zhidian.catalog.application.StockService;
import com.zhidian.catalog.domain.Listing;
import com.zhidian.catalog.domain.Movement;
import com.zhidian.core.auth.Caller;
import com.zhidian.core.auth.Role;
import com.zhidian.core.paging.Page;
import com.zhidian.telemetry.domain.StockSource;
import com.zhidian.tenants.application.TenantsService;
import com.zhidian.tenants.domain.Tenant;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.function.BiFunction;

/**
 * The stock-out-risk job's view of the catalog and the tenants, through their application services: the stock levels
 * of a store (one page of 200 at a time) and, for products whose available stock could run out within the window at any
 * plausible pace ({@link #LOOK_BELOW} units or fewer), their sale and return movements of the window, newest first.
 */
public final class CatalogStockSource implements StockSource {
    /** Above this many available units a product is not read further (its movements would cost a query each). */
    public static final long LOOK_BELOW = 200;

    private final CatalogServices catalog;
    private final TenantsService tenants;
    private final BiFunction<String, Integer, List<String>> storesOf;

    /** {@code storesOf}: a tenant's store ids (at most the count given). */
    public CatalogStockSource(CatalogServices catalog, TenantsService tenants, BiFunction<String, Integer, List<String>> storesOf) {
        this.catalog = catalog;
        this.tenants = tenants;
        this.storesOf = storesOf;
    }

    static Caller system(String tenantId) {
        return new Caller("stock-risk", "stock-risk", Role.OWNER, tenantId, Set.of(), null);
    }

    @Override
    public List<String[]> stores() {
        List<String[]> out = new ArrayList<>();
        String cursor = null;
        do {
            Page<Tenant> page = tenants.list(100, cursor);
            for (Tenant t : page.items()) {
                if (!"active".equals(t.status())) continue;
                for (String s : storesOf.apply(t.tenantId(), 500)) out.add(new String[] {t.tenantId(), s});
            }
            cursor = page.nextCursor();
        } while (cursor != null);
        return out;
    }

    @Override
    public List<Item> items(String tenantId, String storeId, Instant since) {
        Caller c = system(tenantId);
        List<Item> out = new ArrayList<>();
        String cursor = null;
        do {
            Listing<StockService.Row> page = catalog.stock().levels(c, storeId, 200, cursor);
            for (StockService.Row r : page.items()) {
                if (r.product() == null || r.level().available() > LOOK_BELOW) continue;
                out.add(new Item(r.level().gtin(), r.product().name(), r.level().available(), sold(c, storeId, r.level().gtin(), since)));
            }
            cursor = page.nextCursor();
        } while (cursor != null);
        return out;
    }

    /** Units sold less units returned since {@code since} (movements newest first: stops at the first older one). */
    private long sold(Caller c, String storeId, String gtin, Instant since) {
        long sold = 0;
        String cursor = null;
        do {
            Listing<Movement> page = catalog.stock().movements(c, storeId, gtin, 100, cursor);
            for (Movement m : page.items()) {
                if (m.at() == null || Instant.parse(m.at()).isBefore(since)) return Math.max(0, sold);
                if (Movement.SALE.equals(m.kind())) sold -= m.delta();
                else if (Movement.RETURN.equals(m.kind())) sold -= m.delta();
            }
            cursor = page.nextCursor();
        } while (cursor != null);
        return Math.max(0, sold);
    }
}
