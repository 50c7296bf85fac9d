package com.zhidian.tenants.domain;

/**
 * A provider's customer: one retailer with its stores, owner, plan and standing, and its billing with the provider
 * ({@code billing} is null only for a tenant onboarded before tenant billing existed).
 */
public record Tenant(String tenantId, String name, String plan, String timeZone, String status, String createdAt,
                     Owner owner, Billing billing) {
    public record Owner(String userId, String email, String name, String phone) {}

    public Tenant withBilling(Billing b) {
        return new Tenant(tenantId, name, plan, timeZone, status, createdAt, owner, b);
    }
}
