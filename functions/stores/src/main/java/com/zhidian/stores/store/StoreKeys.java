package com.zhidian.stores.store;

import com.zhidian.core.tenancy.TenantDirectory;

/** Keys of the stores context. */
public final class StoreKeys {
    private StoreKeys() {}

    public static String stores(String tenantId) { return TenantDirectory.storesPk(tenantId); }
    public static String users(String tenantId) { return "T#" + tenantId + "#USER"; }
    /** The claims of chosen store codes: sk the code, one store each. */
    public static String codes(String tenantId) { return "T#" + tenantId + "#STORECODE"; }
}
