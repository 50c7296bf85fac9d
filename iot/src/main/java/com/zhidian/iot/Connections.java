package com.zhidian.iot;

import software.amazon.awssdk.crt.io.ClientBootstrap;
import software.amazon.awssdk.crt.io.EventLoopGroup;
import software.amazon.awssdk.crt.io.HostResolver;
import software.amazon.awssdk.crt.io.SocketOptions;
import software.amazon.awssdk.crt.mqtt.MqttClient;
import software.amazon.awssdk.crt.mqtt.MqttClientConnection;
import software.amazon.awssdk.crt.mqtt.MqttClientConnectionEvents;
import software.amazon.awssdk.crt.mqtt.MqttConnectionConfig;
import software.amazon.awssdk.iot.AwsIotMqttConnectionBuilder;

/**
 * MQTT 3.1.1 connections of the AWS IoT Device SDK v2 (aws-crt), shared by a whole fleet: one event loop
 * group and one client bootstrap for every device of the process.
 */
public final class Connections implements AutoCloseable {
    private final EventLoopGroup loops;
    private final HostResolver resolver;
    private final ClientBootstrap bootstrap;
    private final MqttClient plainClient;

    public Connections(int threads) {
        this.loops = new EventLoopGroup(threads);
        this.resolver = new HostResolver(loops);
        this.bootstrap = new ClientBootstrap(loops, resolver);
        this.plainClient = new MqttClient(bootstrap);
    }

    /** A new, not yet connected connection for the device; clean session, 30 s keep-alive. */
    public MqttClientConnection open(DeviceConfig device) {
        return open(device, null);
    }

    /** The same, with callbacks for interruptions and resumptions (the SDK reconnects by itself). */
    public MqttClientConnection open(DeviceConfig device, MqttClientConnectionEvents events) {
        if (device.mutualTls()) {
            try (AwsIotMqttConnectionBuilder builder = AwsIotMqttConnectionBuilder
                    .newMtlsBuilderFromPath(device.certificatePath(), device.privateKeyPath())) {
                builder.withBootstrap(bootstrap).withEndpoint(device.host()).withPort(device.port())
                        .withClientId(device.thingName()).withCleanSession(true).withKeepAliveSecs(30);
                if (events != null) {
                    builder.withConnectionEventCallbacks(events);
                }
                return builder.build();
            }
        }
        try (MqttConnectionConfig config = new MqttConnectionConfig()) {
            config.setMqttClient(plainClient);
            config.setEndpoint(device.host());
            config.setPort(device.port());
            config.setClientId(device.thingName());
            config.setUsername(device.thingName());
            config.setPassword(device.secret());
            config.setCleanSession(true);
            config.setKeepAliveSecs(30);
            config.setSocketOptions(new SocketOptions());
            config.setProtocolOperationTimeoutMs(10_000);
            if (events != null) {
                config.setConnectionCallbacks(events);
            }
            return new MqttClientConnection(config);
        }
    }

    @Override
    public void close() {
        plainClient.close();
        bootstrap.close();
        resolver.close();
        loops.close();
    }
}
