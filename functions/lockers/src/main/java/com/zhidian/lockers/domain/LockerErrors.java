package com.zhidian.lockers.domain;

import com.zhidian.core.errors.DomainException;
import java.util.Map;

/** The lockers context's refusals (codes and facts; the api package's table gives them status and words). */
public final class LockerErrors {
    private LockerErrors() {}

    public static final class StoreNotFound extends DomainException {
        public StoreNotFound(String storeId) { super("store.not_found", Map.of("storeId", storeId)); }
    }

    public static final class LockerNotFound extends DomainException {
        public LockerNotFound(String lockerId) { super("locker.not_found", Map.of("lockerId", lockerId)); }
    }

    public static final class CompartmentNotFound extends DomainException {
        public CompartmentNotFound(String lockerId, String compartmentId) {
            super("locker.compartment_not_found", Map.of("lockerId", lockerId, "compartmentId", compartmentId));
        }
    }

    /** Set-up of a device that is not a registered locker of this store. */
    public static final class NotALocker extends DomainException {
        public NotALocker(String deviceId) { super("locker.not_a_locker", Map.of("deviceId", deviceId)); }
    }

    public static final class AlreadySetUp extends DomainException {
        public AlreadySetUp(String deviceId) { super("locker.already_set_up", Map.of("deviceId", deviceId)); }
    }

    public static final class NoFreeCompartment extends DomainException {
        public NoFreeCompartment(String size) { super("locker.no_free_compartment", Map.of("size", size)); }
    }

    public static final class OrderNotFound extends DomainException {
        public OrderNotFound(String orderId) { super("order.not_found", Map.of("orderId", orderId)); }
    }

    /** A deposit of an order that is not a pickup order of this store being picked (or paid). */
    public static final class OrderNotDepositable extends DomainException {
        public OrderNotDepositable(String orderId, String status) {
            super("locker.order_not_depositable", Map.of("orderId", orderId, "status", status));
        }
    }

    public static final class AlreadyDeposited extends DomainException {
        public AlreadyDeposited(String orderId) { super("locker.order_already_deposited", Map.of("orderId", orderId)); }
    }

    /** Clearing a jam of a compartment that is not jammed, or a removal of one that is not an overdue pickup. */
    public static final class WrongState extends DomainException {
        public WrongState(String compartmentId, String state, String wanted) {
            super("locker.compartment_wrong_state", Map.of("compartmentId", compartmentId, "state", state, "wanted", wanted));
        }
    }

    /** The H5 asks for the code of an order that is in no compartment (or already collected). */
    public static final class NoPickupCode extends DomainException {
        public NoPickupCode(String orderId) { super("locker.no_pickup_code", Map.of("orderId", orderId)); }
    }
}
