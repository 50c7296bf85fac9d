package com.zhidian.guide.domain;

import java.util.List;
import java.util.Map;

/**
 * The guide's view of the tenant's catalog (implemented over the catalog's application services, never its tables):
 * products and categories, and what a product costs in a store now by the catalog's one price function.
 */
public interface GuideCatalog {
    /** A product of the tenant's catalog, whatever its status; null when there is none. */
    Item product(String tenantId, String gtin);

    /** Every category of the tenant → its parent id (null for a top-level one). */
    Map<String, String> parents(String tenantId);

    /** Category id → name, for the placements list. */
    Map<String, String> categoryNames(String tenantId);

    /** Products on sale in the store (active, priced here) whose name contains {@code q}, at most {@code max}. */
    List<Offer> search(String tenantId, String storeId, String q, int max);

    /** One product on sale in the store now; null when it is delisted, unknown or has no price here. */
    Offer offer(String tenantId, String storeId, String gtin);

    /** Products on sale in the store with a promotion price in force now, biggest saving first, at most {@code max}. */
    List<Offer> promotions(String tenantId, String storeId, int max);

    record Item(String gtin, String name, String categoryId, boolean active) {}

    /** A product as the customer may see it: price in force now (the promotion's while one runs), and in stock or not. */
    record Offer(String gtin, String displayGtin, String name, String brand, String spec, String categoryId, long price, long regularPrice,
                 boolean promo, java.time.Instant promoTo, boolean inStock) {
        public long saving() {
            return promo ? Math.max(0, regularPrice - price) : 0;
        }
    }
}
