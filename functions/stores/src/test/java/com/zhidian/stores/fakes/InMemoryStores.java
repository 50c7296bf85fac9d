package com.zhidian.stores.fakes;

import com.zhidian.core.paging.Page;
import com.zhidian.stores.domain.StaffUser;
import com.zhidian.stores.domain.Store;
import com.zhidian.stores.domain.StoreRepository;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;

/** Stores and staff in maps, ordered by id as the table orders them; the cursor is the last id of a page. */
public final class InMemoryStores implements StoreRepository {
    private final Map<String, TreeMap<String, Store>> stores = new ConcurrentHashMap<>();
    private final Map<String, TreeMap<String, StaffUser>> users = new ConcurrentHashMap<>();
    public volatile boolean failUserWrites;

    @Override
    public void add(String tenantId, Store store) {
        if (stores.computeIfAbsent(tenantId, t -> new TreeMap<>()).putIfAbsent(store.storeId(), store) != null) {
            throw new IllegalStateException("store id taken");
        }
    }

    @Override
    public Optional<Store> get(String tenantId, String storeId) {
        return Optional.ofNullable(stores.getOrDefault(tenantId, new TreeMap<>()).get(storeId));
    }

    @Override
    public Page<Store> list(String tenantId, int limit, String cursor) {
        return page(stores.getOrDefault(tenantId, new TreeMap<>()), limit, cursor);
    }

    @Override
    public void addUser(String tenantId, StaffUser user) {
        if (failUserWrites) throw new IllegalStateException("the table is down");
        users.computeIfAbsent(tenantId, t -> new TreeMap<>()).put(user.userId(), user);
    }

    @Override
    public Page<StaffUser> users(String tenantId, int limit, String cursor) {
        return page(users.getOrDefault(tenantId, new TreeMap<>()), limit, cursor);
    }

    @Override
    public Optional<Store> updateStore(String tenantId, String storeId, Map<String, String> c) {
        Store s = stores.getOrDefault(tenantId, new TreeMap<>()).get(storeId);
        if (s == null) return Optional.empty();
        Store after = new Store(s.storeId(), c.getOrDefault("name", s.name()), c.getOrDefault("orderPrefix", s.orderPrefix()), c.getOrDefault("format", s.format()),
                c.getOrDefault("address", s.address()), c.getOrDefault("timeZone", s.timeZone()), s.createdAt(),
                c.getOrDefault("status", s.status()));
        stores.get(tenantId).put(storeId, after);
        return Optional.of(after);
    }

    @Override
    public Optional<StaffUser> user(String tenantId, String userId) {
        return Optional.ofNullable(users.getOrDefault(tenantId, new TreeMap<>()).get(userId));
    }

    @Override
    public Optional<StaffUser> updateUser(String tenantId, String userId, Map<String, String> c) {
        if (failUserWrites) throw new IllegalStateException("the table is down");
        StaffUser u = users.getOrDefault(tenantId, new TreeMap<>()).get(userId);
        if (u == null) return Optional.empty();
        List<String> ids = c.containsKey("storeIds") ? (c.get("storeIds").isEmpty() ? List.of() : List.of(c.get("storeIds").split(","))) : u.storeIds();
        StaffUser after = new StaffUser(u.userId(), u.email(), u.name(), u.role(), ids, u.createdAt(), c.getOrDefault("status", u.status()));
        users.get(tenantId).put(userId, after);
        return Optional.of(after);
    }

    private static <T> Page<T> page(TreeMap<String, T> all, int limit, String cursor) {
        var rest = cursor == null ? all : all.tailMap(cursor, false);
        List<String> ids = new ArrayList<>(rest.keySet());
        List<String> page = ids.subList(0, Math.min(limit, ids.size()));
        return new Page<>(page.stream().map(all::get).toList(), ids.size() > limit ? page.get(page.size() - 1) : null);
    }
}
