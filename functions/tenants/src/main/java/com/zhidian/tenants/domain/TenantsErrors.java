package com.zhidian.tenants.domain;

import com.zhidian.core.errors.DomainException;
import java.util.Map;

/** The business refusals of the tenants context; {@code api.TenantsProblems} maps them to problem+json. */
public final class TenantsErrors {
    private TenantsErrors() {}

    public static final class TenantNotFound extends DomainException {
        public TenantNotFound(String tenantId) {
            super("tenant.not_found", Map.of("tenantId", tenantId));
        }
        public String tenantId() { return (String) facts().get("tenantId"); }
    }
}
