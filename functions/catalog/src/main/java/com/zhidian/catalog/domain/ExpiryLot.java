package com.zhidian.catalog.domain;

/** Goods received with an expiry date (临期 list): which product, how many came in, when they expire. */
public record ExpiryLot(String storeId, String gtin, String expiresOn, long quantity, String reference, String receivedAt) {}
