package com.zhidian.catalog.domain;

import java.util.Set;

/** The pure rules of stock: what a count records, which adjustments exist, what a decrease needs. */
public final class StockRules {
    public static final Set<String> ADJUSTMENT_REASONS = Set.of("damage", "loss", "expiry", "sample", "found");
    public static final long MAX_QUANTITY = 1_000_000L;

    private StockRules() {}

    /** The variance a count records: counted minus what the system expected. */
    public static long variance(StockLevel before, long counted) {
        return counted - before.onHand();
    }

    /** A count may not go below what unpaid orders hold (on hand would then not cover them). */
    public static void checkCount(StockLevel before, long counted) {
        if (counted < before.reserved()) throw new CatalogErrors.CountBelowReserved(before.reserved(), counted);
    }

    /** A decrease (adjustment, transfer out, reservation) must leave available stock at zero or more. */
    public static void checkDecrease(StockLevel before, long quantity) {
        if (before.available() < quantity) throw new CatalogErrors.InsufficientStock(before.gtin(), before.available(), quantity);
    }
}
