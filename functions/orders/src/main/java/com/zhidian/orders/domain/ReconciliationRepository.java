package com.zhidian.orders.domain;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * What reconciliation reads and keeps: the per-day index of the provider payments and refunds Zhidian recorded
 * (written by {@link OrderRepository#moneyPart} in the same transactions as the payments and refunds), the tenants
 * with money on a day, and each day's result.
 */
public interface ReconciliationRepository {
    /** The provider payments and refunds a tenant recorded on a day (yyyy-MM-dd, the tenant's zone). */
    List<Reconciliation.Entry> recorded(String tenantId, String date);

    /** Tenants that recorded provider money on a day. */
    List<String> tenantsWithMoney(String date);

    record Run(Reconciliation result, Instant ranAt, String by) {}

    void save(String tenantId, Run run);

    Optional<Run> find(String tenantId, String date);
}
