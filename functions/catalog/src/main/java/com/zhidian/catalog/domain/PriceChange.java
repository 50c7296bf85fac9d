package com.zhidian.catalog.domain;

/** A price change as history keeps it: who, when, which scope, old and new, and whether it was below cost. */
public record PriceChange(String changeId, String gtin, String storeId, String effectiveAt, Long oldPrice, long newPrice,
                          Long oldPromoPrice, Long promoPrice, String promoFrom, String promoTo, boolean belowCost,
                          String by, String at) {}
