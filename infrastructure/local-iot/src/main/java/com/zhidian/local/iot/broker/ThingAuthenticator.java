package com.zhidian.local.iot.broker;

import com.zhidian.local.iot.registry.ThingRegistry;
import io.moquette.broker.security.IAuthenticator;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;

/**
 * A device connects with its thing name as client id and, as password, the private key of a certificate
 * attached to that thing (locally the broker speaks plain TCP, so the key stands in for the TLS client
 * certificate AWS IoT Core checks). A device may also connect with a provisioning claim's private key (any client
 * id), as a claim session that may only use the fleet provisioning MQTT API. The service identity (the cloud side, tests) connects with its own
 * user name and secret.
 */
final class ThingAuthenticator implements IAuthenticator {
    private final ThingRegistry registry;
    private final String serviceUser;
    private final byte[] serviceSecret;
    private final java.time.Clock clock;

    ThingAuthenticator(ThingRegistry registry, String serviceUser, String serviceSecret, java.time.Clock clock) {
        this.registry = registry;
        this.clock = clock;
        this.serviceUser = serviceUser;
        this.serviceSecret = serviceSecret.getBytes(StandardCharsets.UTF_8);
    }

    @Override
    public boolean checkValid(String clientId, String username, byte[] password) {
        if (serviceUser.equals(username)) {
            return password != null && MessageDigest.isEqual(serviceSecret, password);
        }
        if (registry.authenticates(clientId, password)) {
            registry.endSession(clientId);
            return true;
        }
        // a device holding the tenant's provisioning claim (fleet provisioning by claim): any client id
        return registry.authenticatesClaim(clientId, password, clock.instant().getEpochSecond());
    }
}
