package com.zhidian.telemetry.domain;

import java.time.Instant;
import java.util.List;

/** What the stock-out-risk job reads of another context (the catalog's stock, the stores of each tenant), never its tables. */
public interface StockSource {
    /** A product with stock in a store: available now, and units sold (net of returns) since the window's start. */
    record Item(String gtin, String name, long available, long sold) {}

    /** Every store of every active tenant: {tenantId, storeId}. */
    List<String[]> stores();

    /** The store's products with stock, with their sales since {@code since}. */
    List<Item> items(String tenantId, String storeId, Instant since);
}
