package com.zhidian.catalog.domain;

import java.time.Instant;

/**
 * One price set for a product, from {@code effectiveAt} on: for one store ({@code storeId}), or tenant-wide
 * ({@code storeId} null) for every store that has not set its own. A promotion runs over [promoFrom, promoTo).
 */
public record PriceVersion(String gtin, String storeId, Instant effectiveAt, long price, Long promoPrice,
                           Instant promoFrom, Instant promoTo, String setBy, Instant setAt) {
    public boolean tenantWide() { return storeId == null; }

    public boolean promoAt(Instant at) {
        return promoPrice != null && promoFrom != null && promoTo != null && !at.isBefore(promoFrom) && at.isBefore(promoTo);
    }
}
