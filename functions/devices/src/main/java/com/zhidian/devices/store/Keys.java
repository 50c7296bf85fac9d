package com.zhidian.devices.store;

import com.zhidian.core.tenancy.TenantDirectory;

/** The devices context's keys: one partition of device items per tenant, sort key the device id. */
public final class Keys {
    private Keys() {}

    public static String devices(String tenantId) { return "T#" + tenantId + "#DEVICE"; }

    public static String stores(String tenantId) { return TenantDirectory.storesPk(tenantId); }
}
