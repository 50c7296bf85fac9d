package com.zhidian.devices.domain;

/** The IoT side of a device: its thing (in its tenant's and store's groups), its credential, its removal. */
public interface ThingRegistry {
    /** How a device reaches the broker: host and port, its client id (the thing name) and its secret. */
    record Credential(String host, int port, String clientId, String password) {}

    Credential provision(String tenantId, String storeId, String deviceId, String thingName, String kind);

    void decommission(String thingName);
}
