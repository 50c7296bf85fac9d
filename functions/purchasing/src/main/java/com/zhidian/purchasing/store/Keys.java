package com.zhidian.purchasing.store;

/** Every key and index value of the purchasing context. A tenant's partitions start {@code T#<tenantId>#}. */
public final class Keys {
    private Keys() {}

    public static final String META = "META";

    public static String supplier(String tenantId, String supplierId) { return "T#" + tenantId + "#SUPPLIER#" + supplierId; }
    public static String supplierList(String tenantId) { return "T#" + tenantId + "#SUPPLIERS"; }

    public static String purchaseOrder(String tenantId, String id) { return "T#" + tenantId + "#PO#" + id; }
    public static String purchaseOrderList(String tenantId) { return "T#" + tenantId + "#POS"; }

    public static String listSk(long createdMillis, String id) { return String.format("%015d#%s", createdMillis, id); }

    public static String forecasts(String tenantId, String storeId) { return "T#" + tenantId + "#FORECAST#" + storeId; }

    public static String outbox(String tenantId) { return "T#" + tenantId + "#PO_OUTBOX"; }

    /** The stores whose forecasts the nightly job refreshes: one item per store in the tenant's partition... */
    public static String purchasing(String tenantId) { return "T#" + tenantId + "#PURCHASING"; }
    public static String storeSk(String storeId) { return "STORE#" + storeId; }
    /** ...listed for the job, across tenants, through gsi1. */
    public static final String FORECAST_STORES = "PURCHASING#FORECAST_STORES";
    public static String forecastStoreSk(String tenantId, String storeId) { return tenantId + "#" + storeId; }
}
