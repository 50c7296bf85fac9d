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
     * The same for many products of one store at once (a bulk price change): one BatchGetItem per 100 products and
     * one Query of each found product's own price versions. Not one range Query from the lowest to the highest GTIN:
     * that read every version of every product in between, which grows with the tenant's catalog and each import
     * (a stream batch of 100 scattered GTINs read them all and ran past the SDK's call timeout; bench/journal/esl.md).
     * A GTIN the tenant has no product for is absent from the answer.
     */
    public java.util.Map<String, ShelfPrice> atAll(String tenantId, String storeId, java.util.Collection<String> gtins, Instant at) {
        java.util.Map<String, ShelfPrice> out = new java.util.HashMap<>();
        if (gtins.isEmpty()) return out;
        products.findAll(tenantId, gtins).forEach((gtin, p) -> {
            List<PriceVersion> versions = prices.versions(tenantId, gtin);
            out.put(gtin, new ShelfPrice(p, PriceRules.inForce(versions, storeId, at).orElse(null), PriceRules.nextChange(versions, storeId, at)));
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
