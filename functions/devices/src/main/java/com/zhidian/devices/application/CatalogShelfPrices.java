package com.zhidian.devices.application;

import com.zhidian.catalog.application.ShelfPrices;
import com.zhidian.catalog.domain.PriceInForce;
import com.zhidian.catalog.domain.PriceVersion;
import com.zhidian.devices.domain.LabelPrice;
import com.zhidian.devices.domain.ShelfPriceSource;
import java.time.Instant;
import java.util.Optional;

/** Label content through the catalog's application interface ({@link ShelfPrices}), not its keys. */
final class CatalogShelfPrices implements ShelfPriceSource {
    private final ShelfPrices catalog;

    CatalogShelfPrices(ShelfPrices catalog) {
        this.catalog = catalog;
    }

    @Override
    public Optional<LabelPrice> at(String tenantId, String storeId, String gtin14, Instant at) {
        return catalog.at(tenantId, storeId, gtin14, at).map(s -> {
            PriceInForce p = s.price();
            PriceVersion next = p == null ? null : p.next();
            return new LabelPrice(gtin14, s.product().name(), s.product().spec(), p == null ? null : p.regularPrice(),
                    p != null && p.promo() ? p.price() : null, p != null && p.promo() ? p.promoTo() : null,
                    next == null ? null : next.price(), next == null ? null : next.effectiveAt(), s.nextChange());
        });
    }
}
