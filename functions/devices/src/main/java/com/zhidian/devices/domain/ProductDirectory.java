package com.zhidian.devices.domain;

/** Read-only view of the catalog context: is this GTIN-14 one of the tenant's products? */
public interface ProductDirectory {
    boolean exists(String tenantId, String gtin14);
}
