package com.zhidian.iot;

import software.amazon.awssdk.crt.mqtt.MqttClientConnection;
import software.amazon.awssdk.crt.mqtt.QualityOfService;
import software.amazon.awssdk.iot.iotidentity.IotIdentityClient;
import software.amazon.awssdk.iot.iotidentity.model.CreateKeysAndCertificateRequest;
import software.amazon.awssdk.iot.iotidentity.model.CreateKeysAndCertificateResponse;
import software.amazon.awssdk.iot.iotidentity.model.CreateKeysAndCertificateSubscriptionRequest;
import software.amazon.awssdk.iot.iotidentity.model.ErrorResponse;
import software.amazon.awssdk.iot.iotidentity.model.RegisterThingRequest;
import software.amazon.awssdk.iot.iotidentity.model.RegisterThingResponse;
import software.amazon.awssdk.iot.iotidentity.model.RegisterThingSubscriptionRequest;

import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;

/**
 * Fleet provisioning by claim, the device's side (AWS IoT developer guide, "Provisioning devices that don't have device
 * certificates using fleet provisioning"), on the AWS IoT Device SDK v2's {@code IotIdentityClient}: a device holding the
 * tenant's provisioning claim connects with it, subscribes to the answers, asks for its own keys and certificate
 * ({@code $aws/certificates/create/json}), then registers itself with the tenant's template
 * ({@code $aws/provisioning-templates/{templateName}/provision/json}: the ownership token and its parameters), and
 * disconnects. It then connects again as its thing with the new credential (the caller does, e.g. as a
 * {@link ShelfLabel}).
 */
public final class ClaimProvisioning {
    /** What the device keeps: its thing name, its new certificate and key, and the template's device configuration. */
    public record Provisioned(String thingName, String certificateId, String certificatePem, String privateKey,
                              Map<String, String> deviceConfiguration) {
    }

    /** A refusal on a {@code /rejected} topic: the documented error response. */
    public static final class Rejected extends Exception {
        public final int statusCode;
        public final String errorCode;

        Rejected(ErrorResponse e) {
            super(e.errorCode + " (" + e.statusCode + "): " + e.errorMessage);
            this.statusCode = e.statusCode == null ? 0 : e.statusCode;
            this.errorCode = e.errorCode;
        }
    }

    private ClaimProvisioning() {
    }

    /**
     * Provisions one device: {@code claim} is how it reaches the broker with the claim (its thing name is the client id
     * it uses while provisioning, its secret the claim's private key); answers its new identity, or throws
     * {@link Rejected} with the service's error.
     */
    public static Provisioned provision(Connections connections, DeviceConfig claim, String templateName,
                                        Map<String, String> parameters) throws Exception {
        CompletableFuture<CreateKeysAndCertificateResponse> keys = new CompletableFuture<>();
        CompletableFuture<RegisterThingResponse> registered = new CompletableFuture<>();
        // a connection lost while subscribing is tried again on a fresh one (Connections.connected); nothing was asked of
        // the service yet, so nothing is asked twice
        IotIdentityClient[] subscribed = new IotIdentityClient[1];
        MqttClientConnection connection = connections.connected(claim, null,
                c -> subscribed[0] = subscribed(c, templateName, keys, registered));
        IotIdentityClient identity = subscribed[0];
        try {
            identity.PublishCreateKeysAndCertificate(new CreateKeysAndCertificateRequest(), QualityOfService.AT_LEAST_ONCE)
                    .get(15, TimeUnit.SECONDS);
            CreateKeysAndCertificateResponse k = answer(keys);
            RegisterThingRequest request = new RegisterThingRequest();
            request.templateName = templateName;
            request.certificateOwnershipToken = k.certificateOwnershipToken;
            request.parameters = new HashMap<>(parameters);
            identity.PublishRegisterThing(request, QualityOfService.AT_LEAST_ONCE).get(15, TimeUnit.SECONDS);
            RegisterThingResponse r = answer(registered);
            return new Provisioned(r.thingName, k.certificateId, k.certificatePem, k.privateKey,
                    r.deviceConfiguration == null ? Map.of() : Map.copyOf(r.deviceConfiguration));
        } finally {
            close(connection);
        }
    }

    /** Subscribed to both answers of both requests (before either is published). */
    private static IotIdentityClient subscribed(MqttClientConnection connection, String templateName,
                                                CompletableFuture<CreateKeysAndCertificateResponse> keys,
                                                CompletableFuture<RegisterThingResponse> registered) throws Exception {
        IotIdentityClient identity = new IotIdentityClient(connection);
        CreateKeysAndCertificateSubscriptionRequest create = new CreateKeysAndCertificateSubscriptionRequest();
        identity.SubscribeToCreateKeysAndCertificateAccepted(create, QualityOfService.AT_LEAST_ONCE, keys::complete)
                .get(15, TimeUnit.SECONDS);
        identity.SubscribeToCreateKeysAndCertificateRejected(create, QualityOfService.AT_LEAST_ONCE,
                e -> keys.completeExceptionally(new Rejected(e))).get(15, TimeUnit.SECONDS);
        RegisterThingSubscriptionRequest register = new RegisterThingSubscriptionRequest();
        register.templateName = templateName;
        identity.SubscribeToRegisterThingAccepted(register, QualityOfService.AT_LEAST_ONCE, registered::complete)
                .get(15, TimeUnit.SECONDS);
        identity.SubscribeToRegisterThingRejected(register, QualityOfService.AT_LEAST_ONCE,
                e -> registered.completeExceptionally(new Rejected(e))).get(15, TimeUnit.SECONDS);
        return identity;
    }

    private static void close(MqttClientConnection connection) {
        try {
            connection.disconnect().get(10, TimeUnit.SECONDS);
        } catch (Exception e) {
            // closing anyway
        }
        connection.close();
    }

    private static <T> T answer(CompletableFuture<T> future) throws Exception {
        try {
            return future.get(15, TimeUnit.SECONDS);
        } catch (ExecutionException e) {
            if (e.getCause() instanceof Rejected r) {
                throw r;
            }
            throw e;
        }
    }

    /** The device's configuration to connect as its thing from now on (locally the key is its MQTT password). */
    public static DeviceConfig asThing(DeviceConfig claim, Provisioned p, String kind, String tenantId, String storeId, String deviceId) {
        return DeviceConfig.local(kind, p.thingName(), tenantId, storeId, deviceId, claim.host(), claim.port(), p.privateKey());
    }
}
