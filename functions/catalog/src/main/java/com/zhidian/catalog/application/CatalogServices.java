package com.zhidian.catalog.application;

import com.zhidian.catalog.domain.PriceRepository;
import com.zhidian.catalog.domain.ProductRepository;
import com.zhidian.catalog.domain.StockRepository;
import com.zhidian.catalog.domain.StoreDirectory;
import com.zhidian.catalog.store.DynamoPriceRepository;
import com.zhidian.catalog.store.DynamoProductRepository;
import com.zhidian.catalog.store.DynamoStockRepository;
import com.zhidian.catalog.store.DynamoStoreDirectory;
import java.time.Clock;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

/** The catalog context's one composition: its services over the real adapters (or any others, for tests). */
public record CatalogServices(ProductService products, PriceService prices, StockService stock, ScanService scan) {

    public static CatalogServices of(ProductRepository products, PriceRepository prices, StockRepository stock, StoreDirectory stores,
                                     Clock clock) {
        StoreAccess access = new StoreAccess(stores);
        return new CatalogServices(new ProductService(products, clock), new PriceService(products, prices, stock, access, clock),
                new StockService(products, stock, access, clock), new ScanService(products, prices, stock, access, clock));
    }

    public static CatalogServices dynamo(DynamoDbClient db, Clock clock) {
        return of(new DynamoProductRepository(db), new DynamoPriceRepository(db), new DynamoStockRepository(db),
                new DynamoStoreDirectory(db), clock);
    }
}
