package com.zhidian.tenants.domain;

/** A provider's customer: one retailer with its stores, owner, plan and standing. */
public record Tenant(String tenantId, String name, String plan, String timeZone, String status, String createdAt,
                     Owner owner) {
    public record Owner(String userId, String email, String name, String phone) {}
}
