package com.zhidian.lockers.domain;

import java.util.List;

/** Lockers of a tenant; every save is conditioned on the version read (a concurrent change is retried by the caller). */
public interface LockerRepository {
    void add(String tenantId, Locker locker);

    Locker find(String tenantId, String lockerId);

    List<Locker> inStore(String tenantId, String storeId);

    /** Saves {@code after} if the stored version is still {@code before.version()}; false when it moved. */
    boolean save(String tenantId, Locker before, Locker after);

    /** Where an order's pickup is: the locker id, or null. */
    String lockerOf(String tenantId, String orderId);

    /** Every tenant's lockers, for the overdue sweep: tenant id and locker. */
    List<String[]> all();
}
