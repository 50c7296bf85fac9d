package com.zhidian.stores.domain;

/**
 * What else a new store needs outside the table: its IoT thing group under the tenant's (the devices context). Best
 * effort: a store is created even when IoT cannot be reached; device registration makes a missing group then.
 */
@FunctionalInterface
public interface StoreGroups {
    StoreGroups NONE = (tenantId, storeId) -> {};

    void storeAdded(String tenantId, String storeId);
}
