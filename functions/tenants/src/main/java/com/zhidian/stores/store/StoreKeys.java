package com.zhidian.stores.store;

/** Keys of the stores context. */
public final class StoreKeys {
    private StoreKeys() {}

    public static String stores(String tenantId) { return "T#" + tenantId + "#STORE"; }
    public static String users(String tenantId) { return "T#" + tenantId + "#USER"; }
}
