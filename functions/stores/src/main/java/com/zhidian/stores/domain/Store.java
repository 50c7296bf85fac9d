package com.zhidian.stores.domain;

/** A shop of a tenant: the unit that prices, stock, devices and staff belong to. */
public record Store(String storeId, String name, String format, String address, String timeZone, String createdAt,
                    String status) {
    public static final String OPEN = "open";
    public static final String CLOSED = "closed";

    /** A store as it is opened: {@code open}. */
    public Store(String storeId, String name, String format, String address, String timeZone, String createdAt) {
        this(storeId, name, format, address, timeZone, createdAt, OPEN);
    }
}
