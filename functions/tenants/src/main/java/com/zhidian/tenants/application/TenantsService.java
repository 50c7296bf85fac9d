package com.zhidian.tenants.application;

import com.zhidian.core.Ids;
import com.zhidian.core.paging.Page;
import com.zhidian.stores.application.StoresService;
import com.zhidian.stores.domain.Logins;
import com.zhidian.stores.domain.StaffUser;
import com.zhidian.stores.domain.Store;
import com.zhidian.tenants.domain.Billing;
import com.zhidian.tenants.domain.DeviceFleet;
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
    private final BillingService billing;
    private final DeviceFleet fleet;

    public TenantsService(TenantRepository tenants, StoresService stores, Logins logins, UsageReport usage, Clock clock,
                          BillingService billing) {
        this(tenants, stores, logins, usage, clock, billing, DeviceFleet.NONE);
    }

    public TenantsService(TenantRepository tenants, StoresService stores, Logins logins, UsageReport usage, Clock clock,
                          BillingService billing, DeviceFleet fleet) {
        this.fleet = fleet;
        this.tenants = tenants;
        this.billing = billing;
        this.stores = stores;
        this.logins = logins;
        this.usage = usage;
        this.clock = clock;
    }

    public record Onboarding(String name, String plan, String timeZone, Tenant.Owner owner,
                             List<StoresService.NewStore> stores) {}

    /** {@code iot} null: IoT could not be reached (device registration makes the groups; a claim is not issued). */
    public record Onboarded(Tenant tenant, List<Store> stores, String temporaryPassword, DeviceFleet.Setup iot) {}

    /**
     * One call: the owner's login first (Cognito cannot join a DynamoDB transaction), then the tenant, its
     * stores and the owner's staff record in one transaction; if that fails the login is removed again. The tenant
     * is written with its billing pending; the Stripe customer and subscription follow, and if Stripe cannot be
     * reached the tenant stays onboarded with billing pending (the provider retries it).
     */
    public Onboarded onboard(Onboarding o) {
        String tenantId = Ids.next("tn");
        String password = Ids.temporaryPassword();
        String email = o.owner().email().toLowerCase();
        String sub = logins.create(new Logins.NewLogin(email, o.owner().name(), "owner", tenantId, List.of(),
                o.owner().phone(), password));
        String now = Instant.now(clock).toString();
        Tenant tenant = new Tenant(tenantId, o.name(), o.plan(), o.timeZone(), "active", now,
                new Tenant.Owner(sub, email, o.owner().name(), o.owner().phone()), Billing.pending("setting_up"));
        List<Store> created = o.stores().stream().map(stores::newStore).toList();
        try {
            tenants.onboard(tenant, created, new StaffUser(sub, email, o.owner().name(), "owner", List.of(), now));
        } catch (RuntimeException e) {
            logins.delete(email);
            throw e;
        }
        return new Onboarded(billing.setUp(tenant), created, password, iot(tenantId, created));
    }

    /**
     * The tenant's and its stores' thing groups and a provisioning claim. IoT unreachable does not undo onboarding
     * (as Stripe does not): the answer says {@code iot.state: pending}, and registering a device makes its groups.
     */
    private DeviceFleet.Setup iot(String tenantId, List<Store> created) {
        try {
            return fleet.onboard(tenantId, created.stream().map(Store::storeId).toList());
        } catch (RuntimeException unreachable) {
            System.err.println("tenant " + tenantId + ": IoT thing groups and claim not made now: " + unreachable);
            return null;
        }
    }

    public Page<Tenant> list(int limit, String cursor) {
        return tenants.list(limit, cursor);
    }

    /** The provider's search: by name, owner e-mail or id (part of it), and/or only tenants whose payment failed. */
    public Page<Tenant> search(String query, boolean paymentFailed, int limit, String cursor) {
        if ((query == null || query.isBlank()) && !paymentFailed) return tenants.list(limit, cursor);
        return tenants.search(query, paymentFailed, limit, cursor);
    }

    /** Sets up a tenant's pending billing now. */
    public Tenant retryBilling(String tenantId) {
        return billing.retry(tenantId);
    }

    public Tenant get(String tenantId) {
        return tenants.get(tenantId).orElseThrow(() -> new TenantsErrors.TenantNotFound(tenantId));
    }

    public List<Store> stores(String tenantId) {
        return stores.allStores(tenantId);
    }

    /**
     * A plan change moves the Stripe subscription first (Stripe unreachable: nothing changes, 503); a tenant whose
     * billing is still pending gets its set-up tried again with the new plan.
     */
    public Tenant change(String tenantId, Map<String, String> changes) {
        Tenant before = get(tenantId);
        if (changes.isEmpty()) return before;
        if (changes.containsKey("plan")) billing.movePlan(before, changes.get("plan"));
        Tenant after = tenants.update(tenantId, changes).orElseThrow(() -> new TenantsErrors.TenantNotFound(tenantId));
        if (changes.containsKey("plan") && (after.billing() == null || after.billing().isPending())) after = billing.setUp(after);
        return after;
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
