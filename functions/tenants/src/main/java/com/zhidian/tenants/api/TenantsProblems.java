package com.zhidian.tenants.api;

import com.zhidian.core.http.ProblemTable;
import com.zhidian.stores.api.StoresProblems;
import com.zhidian.tenants.domain.TenantsErrors.TenantNotFound;

/** The tenants context's one mapping of its domain refusals to problem+json (status, English, Chinese). */
public final class TenantsProblems {
    private TenantsProblems() {}

    public static final ProblemTable TABLE = new ProblemTable()
            .on(TenantNotFound.class, 404, "Not found",
                    e -> "tenant " + e.tenantId() + " was not found",
                    e -> "未找到商户 " + e.tenantId())
            // the owner's login is a stores-context login: its refusals, in the same words
            .including(StoresProblems.TABLE);
}
