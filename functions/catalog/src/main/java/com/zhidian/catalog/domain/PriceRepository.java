package com.zhidian.catalog.domain;

import java.time.Instant;
import java.util.List;
import java.util.Map;

/** Price versions and their history. */
public interface PriceRepository {
    /** Saves a version (replacing one of the same scope and start) and its history entry, in one write. */
    void save(String tenantId, PriceVersion v, PriceChange change);

    /** A version to save with its history entry (a price import's row). */
    record Write(PriceVersion version, PriceChange change) {}

    /**
     * Saves many versions as {@link #save} does each: a version, its history entry and its notice always together (in
     * groups of rows written at once). A group that fails throws; the groups before it stay written, none after it is.
     */
    void saveAll(String tenantId, List<Write> writes);

    /** One product's price in one scope: a store's ({@code storeId}) or the tenant-wide one ({@code storeId} null). */
    record Scope(String gtin, String storeId) {}

    /**
     * For each scope, the latest of its versions that has started by the instant given (the one a version starting then
     * would follow); a scope with none is absent from the answer. Reads in a few calls what one {@link #versions} per
     * product would read in as many.
     */
    Map<Scope, PriceVersion> startedBy(String tenantId, Map<Scope, Instant> at);

    /**
     * The versions that apply in one store (its own and the tenant-wide ones) of each product asked, by GTIN; a product
     * with none is absent. Reads in a few calls what one {@link #versions} per product would read in as many.
     */
    Map<String, List<PriceVersion>> inStore(String tenantId, String storeId, java.util.Collection<String> gtins);

    /** Every version of one product (all stores and the tenant's). */
    List<PriceVersion> versions(String tenantId, String gtin);

    /** Every version of the products from {@code firstGtin} to {@code lastGtin}, in one range read. */
    List<PriceVersion> versionsBetween(String tenantId, String firstGtin, String lastGtin);

    Listing<PriceChange> history(String tenantId, String gtin, int limit, String cursor);
}
