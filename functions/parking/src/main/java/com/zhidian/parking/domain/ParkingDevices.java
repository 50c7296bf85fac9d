package com.zhidian.parking.domain;

/** The device registry, read through the devices context: cameras and sensors are registered devices of the store. */
public interface ParkingDevices {
    record Registered(String deviceId, String storeId, String kind, String thingName) {}

    /** The device of that store, or null. */
    Registered find(String tenantId, String storeId, String deviceId);
}
