package com.zhidian.catalog.domain;

import java.util.List;

/** Price versions and their history. */
public interface PriceRepository {
    /** Saves a version (replacing one of the same scope and start) and its history entry, in one write. */
    void save(String tenantId, PriceVersion v, PriceChange change);

    /** Every version of one product (all stores and the tenant's). */
    List<PriceVersion> versions(String tenantId, String gtin);

    /** Every version of the products from {@code firstGtin} to {@code lastGtin}, in one range read. */
    List<PriceVersion> versionsBetween(String tenantId, String firstGtin, String lastGtin);

    Listing<PriceChange> history(String tenantId, String gtin, int limit, String cursor);
}
