package com.zhidian.purchasing.domain;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;

/** What purchasing reads of the catalog: products, stock, prices and near-expiry lots of a store. */
public interface StockView {
    record Product(String gtin, String name, String status, Long lastReceiptCost) {}

    record Level(String gtin, long onHand, long available, Long lastCost) {}

    record Lot(String gtin, String expiresOn, long onShelf) {}

    boolean storeExists(String tenantId, String storeId);

    /** The product, or null when the tenant has none with this GTIN. */
    Product product(String tenantId, String gtin);

    /** Every stock level of the store (products ever received there). */
    List<Level> levels(String tenantId, String storeId);

    Map<String, Product> products(String tenantId, List<String> gtins);

    /** Shelf price in force in the store now, in fen; null without one. */
    Long price(String tenantId, String storeId, String gtin);

    /** A promotion price's window, as the price history recorded it (tenant-wide or this store's). */
    record Promotion(java.time.Instant from, java.time.Instant to) {}

    /** Every promotion window of the product's price history that applies in the store, past and planned. */
    default List<Promotion> promotions(String tenantId, String storeId, String gtin) { return List.of(); }

    /** Lots still on the shelf expiring up to {@code until}. */
    List<Lot> expiring(String tenantId, String storeId, LocalDate until);

    /** Books goods received against a purchase order into stock (a catalog receipt). */
    void receive(String tenantId, String storeId, String gtin, long quantity, long cost, String reference, String expiresOn,
                 String actor);
}
