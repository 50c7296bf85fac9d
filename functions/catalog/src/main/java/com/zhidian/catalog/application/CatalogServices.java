package com.zhidian.catalog.application;

import com.zhidian.catalog.domain.ImportFiles;
import com.zhidian.catalog.domain.ImportRepository;
import com.zhidian.catalog.domain.PriceRepository;
import com.zhidian.catalog.domain.ProductRepository;
import com.zhidian.catalog.domain.StockRepository;
import com.zhidian.catalog.domain.StoreDirectory;
import com.zhidian.catalog.store.DynamoImportRepository;
import com.zhidian.catalog.store.DynamoPriceRepository;
import com.zhidian.catalog.store.DynamoProductRepository;
import com.zhidian.catalog.store.DynamoStockCountRepository;
import com.zhidian.catalog.store.DynamoStockRepository;
import com.zhidian.catalog.store.DynamoStoreDirectory;
import com.zhidian.catalog.store.S3ImportFiles;
import java.time.Clock;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

/** The catalog context's one composition: its services over the real adapters (or any others, for tests). */
public record CatalogServices(ProductService products, PriceService prices, StockService stock, ScanService scan, ImportService imports,
                              StockCountService counts) {

    public static CatalogServices of(ProductRepository products, PriceRepository prices, StockRepository stock, StoreDirectory stores,
                                     Clock clock) {
        return of(products, prices, stock, stores, null, null, clock);
    }

    /** {@code imports} and {@code files} may be null where no import runs (then {@link #imports()} is null). */
    public static CatalogServices of(ProductRepository products, PriceRepository prices, StockRepository stock, StoreDirectory stores,
                                     ImportRepository imports, ImportFiles files, Clock clock) {
        StoreAccess access = new StoreAccess(stores);
        PriceService priceService = new PriceService(products, prices, stock, access, clock);
        return new CatalogServices(new ProductService(products, clock), priceService,
                new StockService(products, stock, access, clock), new ScanService(products, prices, stock, access, clock),
                imports == null ? null : new ImportService(imports, files, products, priceService, stores, stock, clock), null);
    }

    /** Stock counts alone, over the real adapters (the office context's task list reads open counts through it). */
    public static StockCountService counts(DynamoDbClient db, Clock clock) {
        DynamoStoreDirectory directory = new DynamoStoreDirectory(db);
        return new StockCountService(new DynamoStockCountRepository(db), new DynamoStockRepository(db), new DynamoProductRepository(db),
                new StoreAccess(directory), directory, clock);
    }

    public static CatalogServices dynamo(DynamoDbClient db, Clock clock) {
        CatalogServices s = of(new DynamoProductRepository(db), new DynamoPriceRepository(db), new DynamoStockRepository(db),
                new DynamoStoreDirectory(db), new DynamoImportRepository(db), S3ImportFiles.fromEnvironment(), clock);
        return new CatalogServices(s.products, s.prices, s.stock, s.scan, s.imports, counts(db, clock));
    }
}
