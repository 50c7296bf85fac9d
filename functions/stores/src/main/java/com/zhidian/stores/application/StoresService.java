package com.zhidian.stores.application;

import com.zhidian.core.Ids;
import com.zhidian.core.auth.Caller;
import com.zhidian.core.auth.Role;
import com.zhidian.core.paging.Page;
import com.zhidian.stores.domain.Logins;
import com.zhidian.stores.domain.StaffUser;
import com.zhidian.stores.domain.StoreGroups;
import com.zhidian.stores.domain.Store;
import com.zhidian.stores.domain.StoreRepository;
import com.zhidian.stores.domain.StoresErrors;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Stores and staff of one tenant. */
public final class StoresService {
    private final StoreRepository stores;
    private final Logins logins;
    private final Clock clock;
    private final StoreGroups groups;

    public StoresService(StoreRepository stores, Logins logins, Clock clock) {
        this(stores, logins, clock, StoreGroups.NONE);
    }

    public StoresService(StoreRepository stores, Logins logins, Clock clock, StoreGroups groups) {
        this.groups = groups;
        this.stores = stores;
        this.logins = logins;
        this.clock = clock;
    }

    /** {@code orderPrefix}: the owner's choice (normalized), or null for the store's default. */
    public record NewStore(String name, String format, String address, String timeZone, String orderPrefix) {
        public NewStore(String name, String format, String address, String timeZone) {
            this(name, format, address, timeZone, null);
        }
    }

    /** Owners name no stores (they see all); staff name at least one (the routes check both). */
    public record NewUser(String email, String name, String role, List<String> storeIds) {}

    public record CreatedUser(StaffUser user, String temporaryPassword) {}

    /** A store with a fresh id, not yet recorded (onboarding records it with its tenant). */
    public Store newStore(NewStore s) {
        return new Store(Ids.next("st"), s.name(), s.orderPrefix(), s.format(), s.address(), s.timeZone(), now(), Store.OPEN);
    }

    /** A new store; a prefix the owner chose must be no other store's. */
    public Store create(Caller caller, NewStore s) {
        Store store = newStore(s);
        if (store.codeChosen()) requireFree(caller.tenantId(), store.storeId(), store.orderPrefix());
        stores.add(caller.tenantId(), store);
        try {
            groups.storeAdded(caller.tenantId(), store.storeId());
        } catch (RuntimeException iotUnreachable) {
            // the store stands; registering its first device makes the group (docs/decisions.md, "Thing groups")
            System.err.println("store " + store.storeId() + ": its IoT thing group was not made now: " + iotUnreachable);
        }
        return store;
    }

    /** A tenant's store, for another context's in-process read (the orders' public e-receipt shows its name). */
    public java.util.Optional<Store> find(String tenantId, String storeId) {
        return stores.get(tenantId, storeId);
    }

    public Store get(Caller caller, String storeId) {
        caller.requireStore(storeId);
        return stores.get(caller.tenantId(), storeId).orElseThrow(() -> new StoresErrors.StoreNotFound(storeId));
    }

    /** Owners list all stores; staff only theirs. */
    public Page<Store> list(Caller caller, int limit, String cursor) {
        Page<Store> page = stores.list(caller.tenantId(), limit, cursor);
        if (caller.role() == Role.OWNER) return page;
        return new Page<>(page.items().stream().filter(s -> caller.canSeeStore(s.storeId())).toList(), page.nextCursor());
    }

    /**
     * A login for an owner or staff member; its stores must be the tenant's own. The login comes first (Cognito
     * cannot join a DynamoDB write); if the staff record cannot be written the login is removed again.
     */
    public CreatedUser createUser(Caller caller, NewUser u) {
        List<String> unknown = u.storeIds().stream().filter(id -> stores.get(caller.tenantId(), id).isEmpty()).sorted().toList();
        if (!unknown.isEmpty()) throw new StoresErrors.UnknownStores(unknown);
        String password = Ids.temporaryPassword();
        String email = u.email().toLowerCase();
        String sub = logins.create(new Logins.NewLogin(email, u.name(), u.role(), caller.tenantId(), u.storeIds(), null, password));
        StaffUser user = new StaffUser(sub, email, u.name(), u.role(), u.storeIds(), now());
        try {
            stores.addUser(caller.tenantId(), user);
        } catch (RuntimeException e) {
            logins.delete(email);
            throw e;
        }
        return new CreatedUser(user, password);
    }

    /**
     * The owner edits a store (name, format, address, timeZone) or closes / reopens it (status). A closed store
     * keeps its history, members, prices and staff; it is shown as closed.
     */
    public Store change(Caller caller, String storeId, Map<String, String> changes) {
        Store before = get(caller, storeId);
        if (changes.isEmpty()) return before;
        String code = changes.get("orderPrefix");
        if (code != null && !code.equals(before.orderPrefix())) requireFree(caller.tenantId(), storeId, code);
        return stores.updateStore(caller.tenantId(), storeId, changes).orElseThrow(() -> new StoresErrors.StoreNotFound(storeId));
    }

    /**
     * No other store of the tenant has this code, chosen or default (a chosen code is also claimed when it is written,
     * so two owners' screens choosing one code at once cannot both keep it).
     */
    private void requireFree(String tenantId, String storeId, String code) {
        if (allStores(tenantId).stream().anyMatch(s -> !s.storeId().equals(storeId) && s.orderPrefix().equals(code))) {
            throw new StoresErrors.CodeTaken(code);
        }
    }

    /**
     * The owner disables or re-enables a login, or changes a staff member's stores: the login first (Cognito cannot
     * join a DynamoDB write), then the staff record; if the record cannot be written the login is put back.
     */
    public StaffUser changeUser(Caller caller, String userId, String status, List<String> storeIds) {
        StaffUser u = user(caller, userId);
        if (StaffUser.DISABLED.equals(status) && u.userId().equals(caller.sub())) throw new StoresErrors.CannotDisableSelf();
        if (storeIds != null) {
            if ("owner".equals(u.role())) throw new StoresErrors.OwnerHasAllStores();
            List<String> unknown = storeIds.stream().filter(id -> stores.get(caller.tenantId(), id).isEmpty()).sorted().toList();
            if (!unknown.isEmpty()) throw new StoresErrors.UnknownStores(unknown);
        }
        Map<String, String> changes = new LinkedHashMap<>();
        boolean enabling = status != null && !status.equals(u.status());
        if (enabling) {
            logins.setEnabled(u.email(), StaffUser.ENABLED.equals(status));
            changes.put("status", status);
        }
        if (storeIds != null) {
            logins.setStores(u.email(), storeIds);
            changes.put("storeIds", String.join(",", storeIds));
        }
        if (changes.isEmpty()) return u;
        try {
            return stores.updateUser(caller.tenantId(), userId, changes).orElseThrow(() -> new StoresErrors.StaffNotFound(userId));
        } catch (RuntimeException e) {
            if (enabling) logins.setEnabled(u.email(), StaffUser.ENABLED.equals(u.status()));
            if (storeIds != null) logins.setStores(u.email(), u.storeIds());
            throw e;
        }
    }

    /** A new temporary password for a login of the tenant, shown once; the login must choose its own at the next sign-in. */
    public CreatedUser resetPassword(Caller caller, String userId) {
        StaffUser u = user(caller, userId);
        String password = Ids.temporaryPassword();
        logins.resetPassword(u.email(), password);
        return new CreatedUser(u, password);
    }

    public StaffUser user(Caller caller, String userId) {
        return stores.user(caller.tenantId(), userId).orElseThrow(() -> new StoresErrors.StaffNotFound(userId));
    }

    public Page<StaffUser> users(Caller caller, int limit, String cursor) {
        return stores.users(caller.tenantId(), limit, cursor);
    }

    public List<Store> allStores(String tenantId) {
        List<Store> out = new ArrayList<>();
        String cursor = null;
        do {
            Page<Store> p = stores.list(tenantId, 200, cursor);
            out.addAll(p.items());
            cursor = p.nextCursor();
        } while (cursor != null);
        return out;
    }

    private String now() {
        return Instant.now(clock).toString();
    }
}
