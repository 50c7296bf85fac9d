package com.zhidian.tenants.domain;

import java.time.Instant;
import java.util.List;

/**
 * A new tenant's place in AWS IoT (the devices context makes it): its thing group, each store's group under it, and a
 * provisioning claim, the certificate a device shows once to get its own (fleet provisioning by claim).
 */
public interface DeviceFleet {
    record Claim(String templateName, String certificateId, String certificatePem, String privateKey, Instant expiresAt) {}

    record Setup(String tenantGroup, List<String> storeGroups, Claim claim) {}

    DeviceFleet NONE = (tenantId, storeIds) -> null;

    /** The groups and a claim; throws when IoT cannot be reached. */
    Setup onboard(String tenantId, List<String> storeIds);
}
