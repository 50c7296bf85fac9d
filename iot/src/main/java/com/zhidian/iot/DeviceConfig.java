package com.zhidian.iot;

/**
 * How one device reaches IoT Core: its thing name (the MQTT client id), the tenant, store and device ids
 * that make up its own topics {@code zhidian/{tenantId}/{storeId}/{deviceId}/...}, the endpoint, and its
 * credential. Locally ({@code certificatePath} null) the broker is plain TCP and the credential's private
 * key is the MQTT password; against AWS IoT Core ({@code certificatePath} set) the connection is mutual TLS
 * on port 8883 with the certificate and private key files.
 */
public record DeviceConfig(String kind, String thingName, String tenantId, String storeId, String deviceId,
                           String host, int port, String secret, String certificatePath, String privateKeyPath) {

    public static DeviceConfig local(String kind, String thingName, String tenantId, String storeId,
                                     String deviceId, String host, int port, String secret) {
        return new DeviceConfig(kind, thingName, tenantId, storeId, deviceId, host, port, secret, null, null);
    }

    /** The prefix of the device's own topics. */
    public String topicPrefix() {
        return "zhidian/" + tenantId + "/" + storeId + "/" + deviceId;
    }

    public boolean mutualTls() {
        return certificatePath != null;
    }
}
