package com.zhidian.catalog.domain;

/**
 * One product's stock in one store: on hand, held by unpaid orders, and what may still be sold. {@code version}
 * counts the writes, so a count (which sets on hand from what it read) refuses to overwrite a change it did not see.
 */
public record StockLevel(String storeId, String gtin, long onHand, long reserved, Long lastCost, String updatedAt, long version) {
    public long available() { return onHand - reserved; }

    public static StockLevel none(String storeId, String gtin) {
        return new StockLevel(storeId, gtin, 0, 0, null, null, 0);
    }
}
