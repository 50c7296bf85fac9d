package com.zhidian.stores;

import com.zhidian.core.Ids;
import com.zhidian.core.auth.Caller;
import com.zhidian.core.errors.ApiException;
import com.zhidian.core.identity.UserDirectory;
import com.zhidian.core.paging.Page;
import com.zhidian.stores.store.StoreTable;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import software.amazon.awssdk.services.dynamodb.model.TransactWriteItem;

/** Stores and staff of one tenant. */
public final class StoresService {
    private final StoreTable table;
    private final UserDirectory users;
    private final Clock clock;

    public StoresService(StoreTable table, UserDirectory users, Clock clock) {
        this.table = table;
        this.users = users;
        this.clock = clock;
    }

    public record NewStore(String name, String format, String address, String timeZone) {}

    public record NewUser(String email, String name, String role, List<String> storeIds) {}

    public record CreatedUser(StaffUser user, String temporaryPassword) {}

    /** A store with a fresh id, and the write that records it (onboarding batches it with the tenant). */
    public Map.Entry<Store, TransactWriteItem> prepare(String tenantId, NewStore s) {
        Store store = new Store(Ids.next("st"), s.name(), s.format(), s.address(), s.timeZone(), now());
        return Map.entry(store, table.putStore(tenantId, store));
    }

    public Store create(Caller caller, NewStore s) {
        Map.Entry<Store, TransactWriteItem> p = prepare(caller.tenantId(), s);
        table.write(List.of(p.getValue()));
        return p.getKey();
    }

    public Store get(Caller caller, String storeId) {
        caller.requireStore(storeId);
        Store s = table.store(caller.tenantId(), storeId);
        if (s == null) throw ApiException.notFound("store " + storeId);
        return s;
    }

    /** Owners list all stores; staff only theirs. */
    public Page<Store> list(Caller caller, int limit, String cursor) {
        Page<Store> page = table.stores(caller.tenantId(), limit, cursor);
        if (caller.role() == com.zhidian.core.auth.Role.OWNER) return page;
        return new Page<>(page.items().stream().filter(s -> caller.canSeeStore(s.storeId())).toList(), page.nextCursor());
    }

    /** A login for an owner or staff member; its stores must be the tenant's own. */
    public CreatedUser createUser(Caller caller, NewUser u) {
        Set<String> unknown = new java.util.TreeSet<>();
        for (String id : u.storeIds()) if (table.store(caller.tenantId(), id) == null) unknown.add(id);
        if (!unknown.isEmpty()) throw ApiException.badRequest("storeIds", "unknown stores: " + String.join(", ", unknown));
        if ("staff".equals(u.role()) && u.storeIds().isEmpty()) {
            throw ApiException.badRequest("storeIds", "staff must belong to at least one store");
        }
        if ("owner".equals(u.role()) && !u.storeIds().isEmpty()) {
            throw ApiException.badRequest("storeIds", "an owner sees every store of the tenant; leave storeIds out");
        }
        String password = Ids.temporaryPassword();
        String email = u.email().toLowerCase();
        String sub = users.create(new UserDirectory.NewLogin(email, u.role(), caller.tenantId(),
                String.join(",", u.storeIds()), null, email, u.name(), null, password));
        StaffUser user = new StaffUser(sub, email, u.name(), u.role(), u.storeIds(), now());
        try {
            table.write(List.of(table.putUser(caller.tenantId(), user)));
        } catch (RuntimeException e) {
            users.delete(email);
            throw e;
        }
        return new CreatedUser(user, password);
    }

    public TransactWriteItem ownerRecord(String tenantId, StaffUser owner) {
        return table.putUser(tenantId, owner);
    }

    public Page<StaffUser> users(Caller caller, int limit, String cursor) {
        return table.users(caller.tenantId(), limit, cursor);
    }

    public List<Store> allStores(String tenantId) {
        List<Store> out = new ArrayList<>();
        String cursor = null;
        do {
            Page<Store> p = table.stores(tenantId, 200, cursor);
            out.addAll(p.items());
            cursor = p.nextCursor();
        } while (cursor != null);
        return out;
    }

    private String now() {
        return Instant.now(clock).toString();
    }
}
