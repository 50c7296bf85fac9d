package com.zhidian.lockers.domain;

/** The orders the lockers hold, through the orders context's application interface (never its table). */
public interface PickupOrders {
    /** What a locker needs of an order; null when the tenant has no such order. */
    record PickupOrder(String orderId, String storeId, String fulfilment, String status, String memberId, String number) {}

    PickupOrder find(String tenantId, String orderId);

    /** The order is in a compartment: ready_for_pickup (through picking when it was paid). */
    void ready(String tenantId, String orderId);

    /** The customer took it: completed. */
    void collected(String tenantId, String orderId);
}
