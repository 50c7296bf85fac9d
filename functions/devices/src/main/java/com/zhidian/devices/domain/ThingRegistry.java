package com.zhidian.devices.domain;

import java.time.Instant;
import java.util.List;

/**
 * The IoT side of devices: a tenant's and its stores' thing groups and its fleet provisioning template and claim
 * (onboarding, a new store), a device's thing (in its tenant's and store's groups), its credential, its removal.
 */
public interface ThingRegistry {
    /** How a device reaches the broker: host and port, its client id (the thing name) and its secret. */
    record Credential(String host, int port, String clientId, String password) {}

    /**
     * A provisioning claim (fleet provisioning by claim): a certificate and key that may only ask the template for a
     * device's own certificate and thing, until {@code expiresAt}.
     */
    record Claim(String templateName, String certificateId, String certificatePem, String privateKey, Instant expiresAt) {}

    /** What onboarding made: the tenant's group, each store's group under it, and the claim. */
    record Provisioning(String tenantGroup, List<String> storeGroups, Claim claim) {}

    /** The thing group of a tenant: {@code zd-<tenantId>}; of a store, {@code zd-<tenantId>-<storeId>} under it. */
    static String tenantGroup(String tenantId) {
        return "zd-" + tenantId;
    }

    static String storeGroup(String tenantId, String storeId) {
        return tenantGroup(tenantId) + "-" + storeId;
    }

    /** The tenant's fleet provisioning template: {@code zd-<tenantId>} (at most 36 of [0-9A-Za-z_-]). */
    static String templateName(String tenantId) {
        return "zd-" + tenantId;
    }

    /** Onboarding: the groups (existing ones kept), the tenant's provisioning template, and a fresh claim. */
    Provisioning onboard(String tenantId, List<String> storeIds);

    /** A new store: its group under the tenant's (made too when missing). */
    void storeAdded(String tenantId, String storeId);

    Credential provision(String tenantId, String storeId, String deviceId, String thingName, String kind);

    /**
     * How a device provisions itself by claim (no thing is made now): the tenant's template, the parameters it passes
     * (its serial number = the device id, so its thing is {@code zd-<tenantId>-<deviceId>}; its store; its kind), and the
     * broker; the store's group is made when missing, as the template puts the thing in it.
     */
    record ClaimPath(String templateName, java.util.Map<String, String> parameters, String host, int port) {}

    ClaimPath claimPath(String tenantId, String storeId, String deviceId, String kind);

    void decommission(String thingName);
}
