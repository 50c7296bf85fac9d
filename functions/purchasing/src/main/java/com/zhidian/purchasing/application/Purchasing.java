package com.zhidian.purchasing.application;

import com.zhidian.catalog.application.CatalogServices;
import com.zhidian.purchasing.domain.DemandHistory;
import com.zhidian.purchasing.domain.ForecastRepository;
import com.zhidian.purchasing.domain.Outbox;
import com.zhidian.purchasing.domain.PurchaseOrderRepository;
import com.zhidian.purchasing.domain.StockView;
import com.zhidian.purchasing.domain.SupplierRepository;
import com.zhidian.purchasing.store.DynamoForecastRepository;
import com.zhidian.purchasing.store.DynamoOutbox;
import com.zhidian.purchasing.store.DynamoPurchaseOrderRepository;
import com.zhidian.purchasing.store.DynamoSupplierRepository;
import java.time.Clock;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

/** The purchasing context's one composition: its services over the real adapters, or any others for tests. */
public record Purchasing(ForecastService forecasts, SupplierService suppliers, ReplenishmentService replenishment,
                         PurchaseOrderService purchaseOrders, AssortmentService assortment, Clock clock) {

    public static Purchasing wire(DynamoDbClient db, Clock clock) {
        CatalogServices catalog = CatalogServices.dynamo(db, clock);
        return of(new ReportsSalesHistory(com.zhidian.reports.application.Reports.history(db, clock)), new DynamoForecastRepository(db), new DynamoSupplierRepository(db),
                new DynamoPurchaseOrderRepository(db), new CatalogStockView(catalog, clock), new DynamoOutbox(db, clock), clock);
    }

    public static Purchasing of(DemandHistory history, ForecastRepository forecastRepo, SupplierRepository suppliers,
                                PurchaseOrderRepository orders, StockView stock, Outbox outbox, Clock clock) {
        ForecastService f = new ForecastService(history, forecastRepo, stock, clock);
        return new Purchasing(f, new SupplierService(suppliers, stock, clock), new ReplenishmentService(f, suppliers, orders, stock),
                new PurchaseOrderService(orders, suppliers, stock, outbox, clock), new AssortmentService(history, suppliers, stock, f),
                clock);
    }
}
