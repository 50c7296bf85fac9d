package com.zhidian.devices.domain;

/** Read-only view of the stores context: does the tenant have this store? */
public interface StoreDirectory {
    boolean exists(String tenantId, String storeId);
}
