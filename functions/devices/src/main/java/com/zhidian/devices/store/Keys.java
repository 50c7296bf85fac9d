package com.zhidian.devices.store;

import com.zhidian.core.tenancy.TenantDirectory;

/** The devices context's keys: one partition of device items per tenant, sort key the device id. */
public final class Keys {
    private Keys() {}

    public static String devices(String tenantId) { return "T#" + tenantId + "#DEVICE"; }

    /** The catalog's product partition (read only, to check a shelf label's GTIN). */
    public static String products(String tenantId) { return "T#" + tenantId + "#PRODUCT"; }

    public static String stores(String tenantId) { return TenantDirectory.storesPk(tenantId); }
}
