package com.zhidian.guide.domain;

/** A store's public facts for the guide: its name and time zone (null when the tenant has no such store). */
public interface StoreFacts {
    Facts find(String tenantId, String storeId);

    record Facts(String name, String timeZone, boolean open) {}
}
