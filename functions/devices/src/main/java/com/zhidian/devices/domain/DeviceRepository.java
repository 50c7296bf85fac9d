package com.zhidian.devices.domain;

import java.util.List;

/** The device items of a tenant. */
public interface DeviceRepository {
    void add(String tenantId, Device device);

    List<Device> inStore(String tenantId, String storeId);

    Device find(String tenantId, String deviceId);

    void remove(String tenantId, String deviceId);

    /** Applies a lifecycle event to the device, if it exists; the later event wins ({@link Presence#after}). */
    void seen(String tenantId, String deviceId, boolean connected, long timestampMillis);
}
