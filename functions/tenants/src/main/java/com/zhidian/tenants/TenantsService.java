package com.zhidian.tenants;

import com.zhidian.core.Ids;
import com.zhidian.core.errors.ApiException;
import com.zhidian.core.idempotency.IdempotencyClaim;
import com.zhidian.core.identity.UserDirectory;
import com.zhidian.core.paging.Page;
import com.zhidian.core.tenancy.Usage;
import com.zhidian.stores.StaffUser;
import com.zhidian.stores.Store;
import com.zhidian.stores.StoresService;
import com.zhidian.tenants.store.TenantTable;
import java.time.Clock;
import java.time.Instant;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.TransactWriteItem;
import software.amazon.awssdk.services.dynamodb.model.TransactionCanceledException;

/** Provider onboarding and the provider's view of its tenants. */
public final class TenantsService {
    private final TenantTable tenants;
    private final StoresService stores;
    private final UserDirectory users;
    private final Usage usage;
    private final DynamoDbClient db;
    private final Clock clock;

    public TenantsService(TenantTable tenants, StoresService stores, UserDirectory users, Usage usage,
                          DynamoDbClient db, Clock clock) {
        this.tenants = tenants;
        this.stores = stores;
        this.users = users;
        this.usage = usage;
        this.db = db;
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
        String sub = users.create(new UserDirectory.NewLogin(email, "owner", tenantId, "", null, email,
                o.owner().name(), o.owner().phone(), password));
        String now = Instant.now(clock).toString();
        Tenant tenant = new Tenant(tenantId, o.name(), o.plan(), o.timeZone(), "active", now,
                new Tenant.Owner(sub, email, o.owner().name(), o.owner().phone()));
        List<TransactWriteItem> writes = new ArrayList<>();
        writes.add(tenants.put(tenant));
        List<Store> created = new ArrayList<>();
        for (StoresService.NewStore s : o.stores()) {
            Map.Entry<Store, TransactWriteItem> p = stores.prepare(tenantId, s);
            created.add(p.getKey());
            writes.add(p.getValue());
        }
        writes.add(stores.ownerRecord(tenantId, new StaffUser(sub, email, o.owner().name(), "owner", List.of(), now)));
        int claimIndex = IdempotencyClaim.appendTo(writes);
        try {
            db.transactWriteItems(b -> b.transactItems(writes));
        } catch (RuntimeException e) {
            users.delete(email);
            if (e instanceof TransactionCanceledException t && IdempotencyClaim.refused(t, claimIndex)) {
                throw IdempotencyClaim.taken();
            }
            throw e;
        }
        return new Onboarded(tenant, created, password);
    }

    public Page<Tenant> list(int limit, String cursor) {
        return tenants.list(limit, cursor);
    }

    public Tenant get(String tenantId) {
        Tenant t = tenants.get(tenantId);
        if (t == null) throw ApiException.notFound("tenant " + tenantId);
        return t;
    }

    public List<Store> stores(String tenantId) {
        return stores.allStores(tenantId);
    }

    public Tenant change(String tenantId, Map<String, String> changes) {
        if (changes.isEmpty()) return get(tenantId);
        Tenant t = tenants.update(tenantId, changes);
        if (t == null) throw ApiException.notFound("tenant " + tenantId);
        return t;
    }

    public Map<String, Object> usage(String tenantId, YearMonth month) {
        get(tenantId);
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("tenantId", tenantId);
        out.putAll(usage.month(tenantId, month == null ? usage.currentMonth() : month));
        out.put("stores", stores.allStores(tenantId).size());
        return out;
    }
}
