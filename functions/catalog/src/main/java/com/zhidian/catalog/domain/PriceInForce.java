package com.zhidian.catalog.domain;

import java.time.Instant;

/**
 * What a product costs in a store at an instant, as every channel (POS, mini-program, shelf label) must show it.
 * {@code price} is what the customer pays (the promotion's when one runs); {@code source} says whose price it is.
 */
public record PriceInForce(String gtin, long price, long regularPrice, boolean promo, Instant promoTo, String source,
                           Instant effectiveAt, PriceVersion next) {
    public static final String STORE = "store";
    public static final String TENANT = "tenant";
}
