package com.zhidian.catalog.domain;

/**
 * One change of a product's stock in a store, kept with who, why and when. {@code delta} changes on hand (the sum
 * of a product's deltas is its on hand); {@code reservedDelta} changes what unpaid orders hold.
 */
public record Movement(String movementId, String storeId, String gtin, String kind, long delta, long reservedDelta,
                       String reason, String reference, Long cost, String expiresOn, String counterpartStoreId,
                       String orderId, Long counted, String by, String at) {
    public static final String RECEIPT = "receipt";
    public static final String COUNT = "count";
    public static final String ADJUSTMENT = "adjustment";
    public static final String TRANSFER_OUT = "transfer_out";
    public static final String TRANSFER_IN = "transfer_in";
    public static final String RESERVE = "reserve";
    public static final String RELEASE = "release";
    public static final String SALE = "sale";
    public static final String RETURN = "return";
}
