package com.zhidian.core.tenancy;

/**
 * The verified caller's tenant for the request this thread is serving, so that {@code TenantScopedDynamo} can send
 * the call through that tenant's credentials without every repository passing it along. Set by
 * {@code ApiFunction.handleRequest} once the caller is known, cleared when the request ends.
 */
public final class CurrentTenant {
    private static final ThreadLocal<String> TENANT = new ThreadLocal<>();

    private CurrentTenant() {}

    /** Null for a caller with no tenant (a provider), which clears it. */
    public static void set(String tenantId) {
        if (tenantId == null) TENANT.remove();
        else TENANT.set(tenantId);
    }

    /** The tenant of the request in progress, or null (no caller, a provider, a scheduled job). */
    public static String get() { return TENANT.get(); }

    public static void clear() { TENANT.remove(); }
}
