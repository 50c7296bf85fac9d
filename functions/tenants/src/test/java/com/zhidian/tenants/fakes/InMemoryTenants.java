package com.zhidian.tenants.fakes;

import com.zhidian.core.paging.Page;
import com.zhidian.stores.domain.StaffUser;
import com.zhidian.stores.domain.Store;
import com.zhidian.tenants.domain.Billing;
import com.zhidian.tenants.domain.Tenant;
import com.zhidian.tenants.domain.TenantRepository;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.UnaryOperator;

/** Tenants in a map; onboarding keeps what it wrote so a test can look (or fails, writing nothing). */
public final class InMemoryTenants implements TenantRepository {
    public final Map<String, Tenant> tenants = new ConcurrentHashMap<>();
    public final Map<String, List<Store>> stores = new ConcurrentHashMap<>();
    public final Map<String, StaffUser> owners = new ConcurrentHashMap<>();
    public final Map<String, String> customers = new ConcurrentHashMap<>();
    public volatile boolean failNext;

    @Override
    public void onboard(Tenant tenant, List<Store> newStores, StaffUser owner) {
        if (failNext) {
            failNext = false;
            throw new IllegalStateException("the transaction was cancelled");
        }
        tenants.put(tenant.tenantId(), tenant);
        stores.put(tenant.tenantId(), List.copyOf(newStores));
        owners.put(tenant.tenantId(), owner);
    }

    @Override
    public Optional<Tenant> get(String tenantId) {
        return Optional.ofNullable(tenants.get(tenantId));
    }

    @Override
    public Page<Tenant> list(int limit, String cursor) {
        List<Tenant> all = new ArrayList<>(tenants.values());
        all.sort(Comparator.comparing(Tenant::createdAt).thenComparing(Tenant::tenantId).reversed());
        return new Page<>(all.subList(0, Math.min(limit, all.size())), null);
    }

    @Override
    public Page<Tenant> search(String query, boolean paymentFailed, int limit, String cursor) {
        List<Tenant> all = new ArrayList<>(tenants.values().stream()
                .filter(t -> query == null || (t.name() + t.owner().email() + t.tenantId()).toLowerCase().contains(query.toLowerCase()))
                .filter(t -> !paymentFailed || (t.billing() != null && t.billing().paymentFailed())).toList());
        all.sort(Comparator.comparing(Tenant::createdAt).thenComparing(Tenant::tenantId).reversed());
        return new Page<>(all.subList(0, Math.min(limit, all.size())), null);
    }

    @Override
    public synchronized Optional<Tenant> updateBilling(String tenantId, UnaryOperator<Billing> change) {
        Tenant t = tenants.get(tenantId);
        if (t == null) return Optional.empty();
        Billing next = change.apply(t.billing() == null ? Billing.pending("not_set_up") : t.billing());
        if (next.customerId() != null) customers.put(next.customerId(), tenantId);
        Tenant changed = t.withBilling(next);
        tenants.put(tenantId, changed);
        return Optional.of(changed);
    }

    @Override
    public Optional<String> tenantOfCustomer(String customerId) {
        return Optional.ofNullable(customers.get(customerId));
    }

    @Override
    public Optional<Tenant> update(String tenantId, Map<String, String> changes) {
        Tenant t = tenants.get(tenantId);
        if (t == null) return Optional.empty();
        Tenant changed = new Tenant(t.tenantId(), changes.getOrDefault("name", t.name()), changes.getOrDefault("plan", t.plan()),
                t.timeZone(), changes.getOrDefault("status", t.status()), t.createdAt(), t.owner(), t.billing());
        tenants.put(tenantId, changed);
        return Optional.of(changed);
    }
}
