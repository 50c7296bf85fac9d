package com.zhidian.lockers.domain;

/** The device registry, read through the devices context: a locker is a registered device of kind locker. */
public interface LockerDevices {
    record Registered(String deviceId, String storeId, String kind, String name, String thingName) {}

    /** The device of that store, or null. */
    Registered find(String tenantId, String storeId, String deviceId);
}
