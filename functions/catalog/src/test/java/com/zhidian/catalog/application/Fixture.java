package com.zhidian.catalog.application;

import com.zhidian.catalog.domain.Category;
import com.zhidian.catalog.domain.Product;
import com.zhidian.catalog.store.DynamoPriceRepository;
import com.zhidian.catalog.store.DynamoProductRepository;
import com.zhidian.catalog.store.DynamoStockRepository;
import java.time.Clock;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

/** The catalog's services on the DynamoDB stand-in, with every store known (the stores context is not here). */
final class Fixture {
    final CatalogServices services;
    final DynamoProductRepository products;
    final String tenant;

    private Fixture(DynamoDbClient db, String tenant, Clock clock) {
        this.tenant = tenant;
        this.products = new DynamoProductRepository(db);
        this.services = CatalogServices.of(products, new DynamoPriceRepository(db), new DynamoStockRepository(db), (t, s) -> true, clock);
    }

    static Fixture on(DynamoDbClient db, String tenant, Clock clock) {
        return new Fixture(db, tenant, clock);
    }

    String product(String gtin) {
        products.createCategory(tenant, new Category("cat_1", "c", null, "2026-01-01"));
        products.create(tenant, new Product(gtin, "p", null, "cat_1", "瓶", null, null, Product.ACTIVE, "12345", null, "2026", "2026"));
        return gtin;
    }
}
