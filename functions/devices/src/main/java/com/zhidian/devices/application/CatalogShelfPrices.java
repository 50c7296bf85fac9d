package com.zhidian.devices.application;

import com.zhidian.catalog.application.ShelfPrices;
import com.zhidian.catalog.domain.PriceInForce;
import com.zhidian.catalog.domain.PriceVersion;
import com.zhidian.devices.domain.LabelPrice;
import com.zhidian.devices.domain.ShelfPriceSource;
import java.time.Instant;
import java.util.Collection;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/** Label content through the catalog's application interface ({@link ShelfPrices}), not its keys. */
final class CatalogShelfPrices implements ShelfPriceSource {
    private final ShelfPrices catalog;

    CatalogShelfPrices(ShelfPrices catalog) {
        this.catalog = catalog;
    }

    @Override
    public Optional<LabelPrice> at(String tenantId, String storeId, String gtin14, Instant at) {
        return catalog.at(tenantId, storeId, gtin14, at).map(s -> label(gtin14, s));
    }

    /** A bulk change: the catalog's batched read (BatchGetItem of the products, one range Query of their versions). */
    @Override
    public Map<String, LabelPrice> atAll(String tenantId, String storeId, Collection<String> gtin14s, Instant at) {
        Map<String, LabelPrice> out = new HashMap<>();
        catalog.atAll(tenantId, storeId, gtin14s, at).forEach((g, s) -> out.put(g, label(g, s)));
        return out;
    }

    private static LabelPrice label(String gtin14, ShelfPrices.ShelfPrice s) {
        PriceInForce p = s.price();
        PriceVersion next = p == null ? null : p.next();
        boolean nextPromo = next != null && next.promoAt(next.effectiveAt());
        return new LabelPrice(gtin14, s.product().name(), s.product().spec(), p == null ? null : p.regularPrice(),
                p != null && p.promo() ? p.price() : null, p != null && p.promo() ? p.promoTo() : null,
                next == null ? null : next.price(), next == null ? null : next.effectiveAt(), s.nextChange(),
                nextPromo ? next.promoPrice() : null, nextPromo ? next.promoTo() : null);
    }
}
