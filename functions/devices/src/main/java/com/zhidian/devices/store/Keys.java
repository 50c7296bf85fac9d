package com.zhidian.devices.store;

import com.zhidian.core.tenancy.TenantDirectory;

/** The devices context's keys: one partition of device items per tenant, sort key the device id. */
public final class Keys {
    private Keys() {}

    public static String devices(String tenantId) { return "T#" + tenantId + "#DEVICE"; }

    /** gsi1 of a shelf label: the labels of one product (gsi1sk {@code <storeId>#<deviceId>}). */
    public static String labelsOf(String tenantId, String gtin14) { return "T#" + tenantId + "#ESL#" + gtin14; }

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
