package com.zhidian.stores.domain;

import com.zhidian.core.paging.Page;
import java.util.Optional;

/** Where a tenant's stores and staff records live. */
public interface StoreRepository {

    /** Records a new store (its id is fresh: a second put of the same id is refused). */
    void add(String tenantId, Store store);

    Optional<Store> get(String tenantId, String storeId);

    /** Oldest id first, a page at a time. */
    Page<Store> list(String tenantId, int limit, String cursor);

    /** Records the staff record of a login that was just created. */
    void addUser(String tenantId, StaffUser user);

    Page<StaffUser> users(String tenantId, int limit, String cursor);

    /** Sets the given attributes of an existing store (name, format, address, timeZone, status); empty when none. */
    Optional<Store> updateStore(String tenantId, String storeId, java.util.Map<String, String> changes);

    Optional<StaffUser> user(String tenantId, String userId);

    /** Sets the given attributes of an existing staff record (status, storeIds as a comma list); empty when none. */
    Optional<StaffUser> updateUser(String tenantId, String userId, java.util.Map<String, String> changes);
}
