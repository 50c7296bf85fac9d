package com.zhidian.tenants.domain;

import com.zhidian.core.paging.Page;
import com.zhidian.stores.domain.StaffUser;
import com.zhidian.stores.domain.Store;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Where the provider's tenants live (the record every function reads for a tenant's standing). */
public interface TenantRepository {

    /** The new tenant, its first stores and its owner's staff record, all or nothing. */
    void onboard(Tenant tenant, List<Store> stores, StaffUser owner);

    Optional<Tenant> get(String tenantId);

    /** Newest first. */
    Page<Tenant> list(int limit, String cursor);

    /** Sets the given attributes (status, plan, name) of an existing tenant; empty when there is no such tenant. */
    Optional<Tenant> update(String tenantId, Map<String, String> changes);
}
