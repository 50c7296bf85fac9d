package com.zhidian.tenants.api;

import com.zhidian.core.http.ProblemTable;
import com.zhidian.stores.api.StoresProblems;
import com.zhidian.tenants.domain.TenantsErrors.BillingUnavailable;
import com.zhidian.tenants.domain.TenantsErrors.TenantNotFound;

/** The tenants context's one mapping of its domain refusals to problem+json (status, English, Chinese). */
public final class TenantsProblems {
    private TenantsProblems() {}

    public static final ProblemTable TABLE = new ProblemTable()
            .on(TenantNotFound.class, 404, "Not found",
                    e -> "tenant " + e.tenantId() + " was not found",
                    e -> "未找到商户 " + e.tenantId())
            .on(BillingUnavailable.class, 503, "Billing unavailable",
                    e -> "the billing provider (Stripe) could not be reached or refused (" + e.reason() + "); nothing was changed, try again",
                    e -> "计费服务（Stripe）暂时无法连接或拒绝了请求（" + e.reason() + "），未做任何更改，请稍后重试")
            // the owner's login is a stores-context login: its refusals, in the same words
            .including(StoresProblems.TABLE);
}
