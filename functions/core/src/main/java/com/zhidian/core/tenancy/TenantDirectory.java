package com.zhidian.core.tenancy;

import com.zhidian.core.aws.ReadAhead;

/**
 * The one fact every request needs about its tenant: whether it may act (active or suspended) and on which plan;
 * and whether a store is the tenant's. The tenants and stores contexts write these records; every function reads
 * them. The adapter is {@code dynamo.DynamoTenantDirectory}.
 */
public interface TenantDirectory {
    record Standing(String status, String plan, String timeZone) {
        public boolean active() { return "active".equals(status); }
    }

    /** The sort key of a tenant's record. */
    String SK = "META";

    static String pk(String tenantId) { return "T#" + tenantId + "#TENANT"; }

    /** The partition of a tenant's stores (written by the stores context, checked by every function). */
    static String storesPk(String tenantId) { return "T#" + tenantId + "#STORE"; }

    /** The store's item, for a use case that reads it ahead with others ({@link ReadAhead#readAll}) before {@link #hasStore}. */
    static ReadAhead.Key storeKey(String tenantId, String storeId) { return new ReadAhead.Key(storesPk(tenantId), storeId); }

    /** The tenant's standing, or null when there is no such tenant. */
    Standing standing(String tenantId);

    /**
     * The standing, and the route's first item read with it, left for the route in {@link ReadAhead}; an item that
     * could not be read ahead is simply read by the route.
     */
    Standing standing(String tenantId, ReadAhead.Key ahead);

    /**
     * Whether the tenant has this store. Every context that takes a storeId in a body must ask, so a store of
     * another tenant (or none) is never recorded against the caller's data.
     */
    boolean hasStore(String tenantId, String storeId);

    /**
     * The store's code for order numbers ({@link StoreCodes}), or null when the tenant has no such store; like
     * {@link #hasStore}, it takes the store's item read ahead.
     */
    default String storeCode(String tenantId, String storeId) {
        return hasStore(tenantId, storeId) ? StoreCodes.defaultFor(storeId) : null;
    }
}
