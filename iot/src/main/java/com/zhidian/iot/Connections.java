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
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

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

    /** What a device does on a fresh connection before it is ready: subscribe, ask for its shadow. */
    @FunctionalInterface
    public interface Setup {
        void on(MqttClientConnection connection) throws Exception;
    }

    /**
     * Connects the device and runs its setup. Moquette 0.17 can drop a connection right after its CONNACK; the SDK
     * then reconnects with a clean session and fails what was pending ("Old requests from the previous session are
     * cancelled"). As a device in the field does, the whole of it is tried again on a fresh connection, up to five
     * times; nothing the setup asks changes state, so nothing is asked twice.
     */
    public MqttClientConnection connected(DeviceConfig device, MqttClientConnectionEvents events, Setup setup) throws Exception {
        for (int attempt = 1; ; attempt++) {
            MqttClientConnection connection = open(device, events);
            try {
                connection.connect().get(15, TimeUnit.SECONDS);
                setup.on(connection);
                return connection;
            } catch (ExecutionException | TimeoutException e) {
                connection.close();
                if (attempt == 5) throw e;
                Thread.sleep(100L * attempt);
            }
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
