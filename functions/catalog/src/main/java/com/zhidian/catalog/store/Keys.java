package com.zhidian.catalog.store;

import com.zhidian.core.tenancy.TenantDirectory;

/** Every key of the catalog context; each starts with the tenant's {@code T#<tenantId>#}. */
public final class Keys {
    private Keys() {}

    private static String t(String tenantId) { return "T#" + tenantId + "#"; }

    /** sk: the GTIN-14. */
    public static String products(String tenantId) { return t(tenantId) + "PRODUCT"; }
    /** sk: the item number; the item holds the GTIN. */
    public static String plus(String tenantId) { return t(tenantId) + "PLU"; }
    /** sk: the category id. */
    public static String categories(String tenantId) { return t(tenantId) + "CATEGORY"; }
    public static String settings(String tenantId) { return t(tenantId) + "CATALOG"; }
    public static final String SETTINGS_SK = "SETTINGS";

    /** All price versions of a tenant, one partition, sorted by product: sk {@link #priceSk}. */
    public static String prices(String tenantId) { return t(tenantId) + "PRICE"; }
    /** {@code <gtin14>#T#<effectiveAt>} tenant-wide, {@code <gtin14>#S#<storeId>#<effectiveAt>} for one store. */
    public static String priceSk(String gtin, String storeId, String effectiveAt) {
        return storeId == null ? gtin + "#T#" + effectiveAt : gtin + "#S#" + storeId + "#" + effectiveAt;
    }
    /** The price outbox (one item per price write, for the table's stream; ESL push): sk {@code <at>#<changeId>}. */
    public static String priceOutbox(String tenantId) { return t(tenantId) + "PRICECHG"; }
    /** sk: {@code <at>#<changeId>}. */
    public static String priceHistory(String tenantId, String gtin) { return t(tenantId) + "PRICEHIST#" + gtin; }

    /** sk: the GTIN-14. */
    public static String stock(String tenantId, String storeId) { return t(tenantId) + "STOCK#" + storeId; }
    /** sk: {@code <orderId>#<gtin14>}. */
    public static String reservations(String tenantId, String storeId) { return t(tenantId) + "RESV#" + storeId; }
    /** sk: {@code <at>#<movementId>}. */
    public static String movements(String tenantId, String storeId, String gtin) { return t(tenantId) + "STOCKMV#" + storeId + "#" + gtin; }
    /** sk: {@code <expiresOn>#<gtin14>#<movementId>}: oldest first. */
    public static String expiry(String tenantId, String storeId) { return t(tenantId) + "EXPIRY#" + storeId; }
    /** sk: the transfer id. */
    public static String transfers(String tenantId) { return t(tenantId) + "TRANSFER"; }

    /** Stock counts of a store, sk the count id (time-ordered: newest last). */
    public static String stockCounts(String tenantId, String storeId) { return t(tenantId) + "STOCKCOUNT#" + storeId; }
    /** A count's lines, sk the GTIN-14. */
    public static String stockCountLines(String tenantId, String storeId, String countId) {
        return t(tenantId) + "STOCKCOUNTLINE#" + storeId + "#" + countId;
    }
    /** The stores context's logins (functions/stores StoreKeys.users), read only: sk the user id. */
    public static String users(String tenantId) { return t(tenantId) + "USER"; }

    /** sk: the import id. */
    public static String imports(String tenantId) { return t(tenantId) + "IMPORT"; }
    /** sk: the row number, zero-padded so rows sort as numbers. */
    public static String importRows(String tenantId, String importId) { return t(tenantId) + "IMPORTROW#" + importId; }
    public static String importRowSk(int row) { return String.format("%08d", row); }

    /** The stores context's item of a store (functions/tenants StoreKeys), read only. */
    public static String stores(String tenantId) { return TenantDirectory.storesPk(tenantId); }
}
