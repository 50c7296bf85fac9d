package com.zhidian.local.iot.broker;

import com.zhidian.local.iot.registry.ThingRegistry;
import io.moquette.broker.security.IAuthenticator;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;

/**
 * A device connects with its thing name as client id and, as password, the private key of a certificate
 * attached to that thing (locally the broker speaks plain TCP, so the key stands in for the TLS client
 * certificate AWS IoT Core checks). The service identity (the cloud side, tests) connects with its own
 * user name and secret.
 */
final class ThingAuthenticator implements IAuthenticator {
    private final ThingRegistry registry;
    private final String serviceUser;
    private final byte[] serviceSecret;

    ThingAuthenticator(ThingRegistry registry, String serviceUser, String serviceSecret) {
        this.registry = registry;
        this.serviceUser = serviceUser;
        this.serviceSecret = serviceSecret.getBytes(StandardCharsets.UTF_8);
    }

    @Override
    public boolean checkValid(String clientId, String username, byte[] password) {
        if (serviceUser.equals(username)) {
            return password != null && MessageDigest.isEqual(serviceSecret, password);
        }
        return registry.authenticates(clientId, password);
    }
}
