package com.zhidian.stores.domain;

/** A shop of a tenant: the unit that prices, stock, devices and staff belong to. */
public record Store(String storeId, String name, String format, String address, String timeZone, String createdAt) {}
