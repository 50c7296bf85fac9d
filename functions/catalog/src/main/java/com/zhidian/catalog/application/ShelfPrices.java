package com.zhidian.catalog.application;

import com.zhidian.catalog.domain.PriceInForce;
import com.zhidian.catalog.domain.PriceRepository;
import com.zhidian.catalog.domain.PriceRules;
import com.zhidian.catalog.domain.PriceVersion;
import com.zhidian.catalog.domain.Product;
import com.zhidian.catalog.domain.ProductRepository;
import com.zhidian.catalog.store.DynamoPriceRepository;
import com.zhidian.catalog.store.DynamoProductRepository;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

/**
 * The catalog's read for shelf labels (the devices context calls it, never the catalog's keys): what a label of a
 * product in a store should show at an instant, through the same {@link PriceRules#inForce} as every other channel,
 * and when that answer next changes (a scheduled version, a promotion's start or end).
 */
public final class ShelfPrices {
    /** A product's label content: its price in force (null when none yet) and the next instant it may change. */
    public record ShelfPrice(Product product, PriceInForce price, Instant nextChange) {}

    private final ProductRepository products;
    private final PriceRepository prices;

    public ShelfPrices(ProductRepository products, PriceRepository prices) {
        this.products = products;
        this.prices = prices;
    }

    public static ShelfPrices dynamo(DynamoDbClient db) {
        return new ShelfPrices(new DynamoProductRepository(db), new DynamoPriceRepository(db));
    }

    /**
     * The same for many products of one store at once (a slice of a bulk price change, sorted by GTIN): one BatchGetItem
     * per 100 products and their versions in the store through {@link PriceRepository#inStore}, one capped range read
     * (a slice of neighbours: one Query, not one a product; bench/journal/esl.md). A GTIN the tenant has no product for
     * is absent from the answer.
     */
    public java.util.Map<String, ShelfPrice> atAll(String tenantId, String storeId, java.util.Collection<String> gtins, Instant at) {
        java.util.Map<String, ShelfPrice> out = new java.util.HashMap<>();
        if (gtins.isEmpty()) return out;
        java.util.Map<String, Product> found = products.findAll(tenantId, gtins);
        if (found.isEmpty()) return out;
        java.util.Map<String, List<PriceVersion>> versions = prices.inStore(tenantId, storeId, found.keySet());
        found.forEach((gtin, p) -> {
            List<PriceVersion> own = versions.getOrDefault(gtin, List.of());
            out.put(gtin, new ShelfPrice(p, PriceRules.inForce(own, storeId, at).orElse(null), PriceRules.nextChange(own, storeId, at)));
        });
        return out;
    }

    /** Empty when the tenant has no such product. */
    public Optional<ShelfPrice> at(String tenantId, String storeId, String gtin, Instant at) {
        Optional<Product> p = products.find(tenantId, gtin);
        if (p.isEmpty()) return Optional.empty();
        List<PriceVersion> versions = prices.versions(tenantId, gtin);
        return Optional.of(new ShelfPrice(p.get(), PriceRules.inForce(versions, storeId, at).orElse(null),
                PriceRules.nextChange(versions, storeId, at)));
    }
}
