package com.zhidian.lockers.domain;

/**
 * Where the overdue sweep tells the store's staff (the store's alerts, through the sensors context's application
 * interface): a pickup left past its deadline raises one alert; collected or removed, the alert is over.
 */
public interface OverdueAlerts {
    /** Raised once per order, whatever the number of sweeps. */
    void overdue(String tenantId, Locker locker, Compartment compartment, String orderNumber);

    /** The order's pickup is no longer overdue in a locker (collected, or taken out by staff). */
    void over(String tenantId, String orderId);

    OverdueAlerts NONE = new OverdueAlerts() {
        @Override
        public void overdue(String tenantId, Locker locker, Compartment compartment, String orderNumber) {}

        @Override
        public void over(String tenantId, String orderId) {}
    };
}
