package com.zhidian.office.domain;

/** The patrol cameras of the device registry (devices context, read only) and how the cloud asks one for a snapshot. */
public interface Cameras {
    /** {@code online}: connected to the broker now, as the device registry last heard. */
    record Camera(String deviceId, String storeId, String name, String thingName, boolean online) {}

    /** The store's device of kind {@code patrol_camera}, or null (unknown, another store's, another kind). */
    Camera find(String tenantId, String storeId, String deviceId);

    /** Sets the camera's desired {@code snapshot} (its named shadow {@code patrol}); the camera acts on the change. */
    void ask(String thingName, VideoPatrol.Ask ask);
}
