package com.zhidian.tenants.application;

import com.zhidian.core.Ids;
import com.zhidian.core.paging.Page;
import com.zhidian.stores.application.StoresService;
import com.zhidian.stores.domain.Logins;
import com.zhidian.stores.domain.StaffUser;
import com.zhidian.stores.domain.Store;
import com.zhidian.tenants.domain.Tenant;
import com.zhidian.tenants.domain.TenantRepository;
import com.zhidian.tenants.domain.TenantsErrors;
import com.zhidian.tenants.domain.UsageReport;
import java.time.Clock;
import java.time.Instant;
import java.time.YearMonth;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Provider onboarding and the provider's view of its tenants. */
public final class TenantsService {
    private final TenantRepository tenants;
    private final StoresService stores;
    private final Logins logins;
    private final UsageReport usage;
    private final Clock clock;

    public TenantsService(TenantRepository tenants, StoresService stores, Logins logins, UsageReport usage, Clock clock) {
        this.tenants = tenants;
        this.stores = stores;
        this.logins = logins;
        this.usage = usage;
        this.clock = clock;
    }

    public record Onboarding(String name, String plan, String timeZone, Tenant.Owner owner,
                             List<StoresService.NewStore> stores) {}

    public record Onboarded(Tenant tenant, List<Store> stores, String temporaryPassword) {}

    /**
     * One call: the owner's login first (Cognito cannot join a DynamoDB transaction), then the tenant, its
     * stores and the owner's staff record in one transaction; if that fails the login is removed again.
     */
    public Onboarded onboard(Onboarding o) {
        String tenantId = Ids.next("tn");
        String password = Ids.temporaryPassword();
        String email = o.owner().email().toLowerCase();
        String sub = logins.create(new Logins.NewLogin(email, o.owner().name(), "owner", tenantId, List.of(),
                o.owner().phone(), password));
        String now = Instant.now(clock).toString();
        Tenant tenant = new Tenant(tenantId, o.name(), o.plan(), o.timeZone(), "active", now,
                new Tenant.Owner(sub, email, o.owner().name(), o.owner().phone()));
        List<Store> created = o.stores().stream().map(stores::newStore).toList();
        try {
            tenants.onboard(tenant, created, new StaffUser(sub, email, o.owner().name(), "owner", List.of(), now));
        } catch (RuntimeException e) {
            logins.delete(email);
            throw e;
        }
        return new Onboarded(tenant, created, password);
    }

    public Page<Tenant> list(int limit, String cursor) {
        return tenants.list(limit, cursor);
    }

    public Tenant get(String tenantId) {
        return tenants.get(tenantId).orElseThrow(() -> new TenantsErrors.TenantNotFound(tenantId));
    }

    public List<Store> stores(String tenantId) {
        return stores.allStores(tenantId);
    }

    public Tenant change(String tenantId, Map<String, String> changes) {
        if (changes.isEmpty()) return get(tenantId);
        return tenants.update(tenantId, changes).orElseThrow(() -> new TenantsErrors.TenantNotFound(tenantId));
    }

    /** The month's counters (this month when {@code month} is null) and the number of stores. */
    public Map<String, Object> usage(String tenantId, YearMonth month) {
        get(tenantId);
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("tenantId", tenantId);
        out.putAll(usage.month(tenantId, month == null ? usage.currentMonth() : month));
        out.put("stores", stores.allStores(tenantId).size());
        return out;
    }
}
