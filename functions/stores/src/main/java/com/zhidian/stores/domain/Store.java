package com.zhidian.stores.domain;

import com.zhidian.core.tenancy.StoreCodes;

/**
 * A shop of a tenant: the unit that prices, stock, devices and staff belong to. {@code orderPrefix} (its code) starts its order
 * numbers: the owner's choice, or the default drawn from its id ({@link StoreCodes}).
 */
public record Store(String storeId, String name, String orderPrefix, String format, String address, String timeZone, String createdAt,
                    String status) {
    public static final String OPEN = "open";
    public static final String CLOSED = "closed";

    public Store {
        orderPrefix = StoreCodes.of(storeId, orderPrefix);
    }

    /** A store as it is opened: {@code open}, with its default code. */
    public Store(String storeId, String name, String format, String address, String timeZone, String createdAt) {
        this(storeId, name, null, format, address, timeZone, createdAt, OPEN);
    }

    /** Whether the owner chose the code (a chosen code is claimed in the tenant; the default needs no claim). */
    public boolean codeChosen() {
        return !orderPrefix.equals(StoreCodes.defaultFor(storeId));
    }
}
