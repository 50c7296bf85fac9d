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

    /**
     * Tenants whose name, owner e-mail or id contains {@code query} (case-insensitive; null: all), and when
     * {@code paymentFailed} is true only those flagged for a failed payment; newest first. A page may hold fewer
     * than {@code limit} tenants and still have a next cursor (the filter runs after the index read).
     */
    Page<Tenant> search(String query, boolean paymentFailed, int limit, String cursor);

    /**
     * Changes the tenant's billing with {@code change} (given the billing as stored, a pending one when none was),
     * retried on a concurrent change; empty when there is no such tenant.
     */
    Optional<Tenant> updateBilling(String tenantId, java.util.function.UnaryOperator<Billing> change);

    /** The tenant whose Stripe customer this is. */
    Optional<String> tenantOfCustomer(String customerId);

    /** Sets the given attributes (status, plan, name) of an existing tenant; empty when there is no such tenant. */
    Optional<Tenant> update(String tenantId, Map<String, String> changes);
}
