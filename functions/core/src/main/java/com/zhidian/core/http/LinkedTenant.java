package com.zhidian.core.http;

import com.zhidian.core.errors.ApiException;
import com.zhidian.core.scope.RequestScope;
import com.zhidian.core.tenancy.RateLimiter;
import com.zhidian.core.tenancy.TenantDirectory;
import java.util.Optional;
import java.util.function.BiFunction;
import java.util.function.Supplier;

/**
 * A public route has no caller: a signed link names its tenant (com.zhidian.core.links.SignedLinks). This runs the
 * route's work in that tenant as the rails would for a signed-in caller: a link that names no tenant, or a tenant
 * that is not active, is the object's 404 (the page leaks nothing of why); a tenant over its plan's rate is 429.
 */
public final class LinkedTenant {
    private LinkedTenant() {}

    public static Response run(Optional<String> tenantId, TenantDirectory tenants, RateLimiter limiter,
                               Supplier<? extends RuntimeException> notFound,
                               BiFunction<String, TenantDirectory.Standing, Response> work) {
        String id = tenantId.filter(t -> Formats.ID.matcher(t).matches()).orElseThrow(notFound);
        TenantDirectory.Standing standing = tenants.standing(id);
        if (standing == null || !standing.active()) throw notFound.get();
        if (!limiter.tryAcquire(id, standing.plan())) {
            throw ApiException.tooManyRequests("too many requests for this page; try again shortly").inChinese("请求过于频繁，请稍后再试");
        }
        RequestScope scope = RequestScope.enter(id);
        try {
            return work.apply(id, standing);
        } finally {
            scope.exit();
        }
    }
}
