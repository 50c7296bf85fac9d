package com.zhidian.devices.store;

import com.zhidian.core.tenancy.TenantDirectory;

/** The devices context's keys: one partition of device items per tenant, sort key the device id. */
public final class Keys {
    private Keys() {}

    public static String devices(String tenantId) { return "T#" + tenantId + "#DEVICE"; }

    /**
     * gsi1 of a bound shelf label: every bound label of the tenant in one partition sorted by product, then store
     * ({@link #labelSk}), so the labels of a slice of neighbouring GTINs come in one range read.
     */
    public static String labels(String tenantId) { return "T#" + tenantId + "#ESLGTIN"; }

    /** gsi1sk of a bound shelf label: {@code <gtin14>#<storeId>#<deviceId>}. */
    public static String labelSk(String gtin14, String storeId, String deviceId) { return gtin14 + "#" + storeId + "#" + deviceId; }

    /** gsi1 of a label bound before 2026-12-05 (one partition per product): moved to {@link #labels} once per tenant. */
    public static String oldLabelsOf(String tenantId, String gtin14) { return "T#" + tenantId + "#ESL#" + gtin14; }

    /** The item that says a tenant's labels are all in {@link #labels} (pk; sk {@link #LABELS_MOVED}). */
    public static String labelIndex(String tenantId) { return "T#" + tenantId + "#ESLINDEX"; }
    public static final String LABELS_MOVED = "MOVED";

    /**
     * gsi2 of a shelf label that the sweep looks at next (a scheduled change, a check after a push): one partition for
     * every tenant, as the points context's due list; sk {@link #dueSk}.
     */
    public static final String LABELS_DUE = "ESLDUE";

    public static String dueSk(java.time.Instant at, String tenantId, String deviceId) {
        return String.format("%015d", at.toEpochMilli()) + "#" + tenantId + "#" + deviceId;
    }

    /** Check items of bulk pushes (the sweep looks at their labels): one partition per tenant, sk the check's id. */
    public static String checks(String tenantId) { return "T#" + tenantId + "#ESLCHECK"; }

    /** The catalog's product partition (read only, to check a shelf label's GTIN). */
    public static String products(String tenantId) { return "T#" + tenantId + "#PRODUCT"; }

    public static String stores(String tenantId) { return TenantDirectory.storesPk(tenantId); }
}
