package com.zhidian.catalog.domain;

/**
 * Goods received with an expiry date (临期 list): which product, how many came in, when they expire, and how many of
 * them are still on the shelf ({@code onShelf}, see {@link ExpiryRules#onShelf}). {@code lotId} orders lots of one
 * expiry date and names one in a cursor.
 */
public record ExpiryLot(String storeId, String gtin, String expiresOn, long quantity, String reference, String receivedAt,
                        String lotId, long onShelf) {
    public ExpiryLot withOnShelf(long n) {
        return new ExpiryLot(storeId, gtin, expiresOn, quantity, reference, receivedAt, lotId, n);
    }
}
