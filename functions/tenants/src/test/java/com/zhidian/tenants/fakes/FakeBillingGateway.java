package com.zhidian.tenants.fakes;

import com.zhidian.tenants.domain.BillingGateway;
import com.zhidian.tenants.domain.TenantsErrors;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/** Stripe in a map: subscription id to plan; {@code down} makes every call unreachable. */
public final class FakeBillingGateway implements BillingGateway {
    public final Map<String, String> plans = new ConcurrentHashMap<>();
    public final Map<String, String> customers = new ConcurrentHashMap<>();
    public volatile boolean down;

    @Override
    public Subscription subscribe(String tenantId, String customerId, String name, String email, String plan) {
        if (down) throw new TenantsErrors.BillingUnavailable("unreachable");
        String customer = customerId != null ? customerId : customers.computeIfAbsent(tenantId, t -> "cus_" + t);
        String sub = "sub_" + tenantId;
        plans.put(sub, plan);
        return new Subscription(customer, sub, "si_" + tenantId, "active", "2026-06-01T02:00:00Z");
    }

    @Override
    public Subscription changePlan(String tenantId, String subscriptionId, String itemId, String plan) {
        if (down) throw new TenantsErrors.BillingUnavailable("unreachable");
        plans.put(subscriptionId, plan);
        return new Subscription("cus_" + tenantId, subscriptionId, itemId, "active", "2026-06-01T02:00:00Z");
    }
}
