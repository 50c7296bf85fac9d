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

    /** The billing provider did not answer or refused: nothing was changed (a plan change is not half made). */
    public static final class BillingUnavailable extends DomainException {
        public BillingUnavailable(String reason) {
            super("billing.unavailable", Map.of("reason", reason == null ? "unknown" : reason));
        }
        public String reason() { return (String) facts().get("reason"); }
    }
}
