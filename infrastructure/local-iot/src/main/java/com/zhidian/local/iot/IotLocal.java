package com.zhidian.local.iot;

import com.zhidian.local.iot.broker.Broker;
import com.zhidian.local.iot.http.ControlPlaneHttp;
import com.zhidian.local.iot.http.DataPlaneHttp;
import com.zhidian.local.iot.registry.ThingRegistry;
import com.zhidian.local.iot.rules.Rules;
import com.zhidian.local.iot.shadow.ShadowMqtt;
import com.zhidian.local.iot.shadow.ShadowService;

import java.net.URI;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Clock;
import java.util.Base64;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * AWS IoT Core on one machine: the MQTT broker with the thing policy, the Device Shadow service, lifecycle
 * events, the rules-engine subset, and the HTTP APIs of the data plane ({@code iotdataplane}) and of the
 * control-plane subset ({@code iot}). {@code IotLocal.start(config)}, read {@link #endpoints()}, {@code close()}.
 */
public final class IotLocal implements AutoCloseable {
    /** Where and how to start; ports 0 pick free ones. */
    /** Where and how to start; ports 0 pick free ones; {@code dataDir} null keeps everything in memory. */
    public record Config(String host, int mqttPort, int dataPlanePort, int controlPlanePort, String region,
                         String serviceUser, String serviceSecret, Clock clock, Path dataDir) {
        public static Config defaults() {
            byte[] secret = new byte[24];
            new SecureRandom().nextBytes(secret);
            return new Config("127.0.0.1", 0, 0, 0, "us-east-1", "zhidian-service",
                    Base64.getUrlEncoder().withoutPadding().encodeToString(secret), Clock.systemUTC(), null);
        }

        public Config withPorts(int mqtt, int dataPlane, int controlPlane) {
            return new Config(host, mqtt, dataPlane, controlPlane, region, serviceUser, serviceSecret, clock, dataDir);
        }

        public Config withClock(Clock newClock) {
            return new Config(host, mqttPort, dataPlanePort, controlPlanePort, region, serviceUser, serviceSecret,
                    newClock, dataDir);
        }

        /** Keeps the registry and the shadows in {@code dir/iot.json} across restarts. */
        public Config withDataDir(Path dir) {
            return new Config(host, mqttPort, dataPlanePort, controlPlanePort, region, serviceUser, serviceSecret,
                    clock, dir);
        }

        public Config withRegion(String newRegion) {
            return new Config(host, mqttPort, dataPlanePort, controlPlanePort, newRegion, serviceUser, serviceSecret,
                    clock, dataDir);
        }
    }

    /**
     * Where clients go: MQTT {@code tcp://host:port}; the data-plane endpoint for {@code IotDataPlaneClient}
     * and the control-plane endpoint for {@code IotClient} ({@code endpointOverride} or the system properties
     * {@code aws.endpointUrlIotDataPlane} / {@code aws.endpointUrlIot}).
     */
    public record Endpoints(String mqttHost, int mqttPort, URI dataPlane, URI controlPlane) {
        public String mqttUri() {
            return "tcp://" + mqttHost + ":" + mqttPort;
        }
    }

    private final Config config;
    private final ThingRegistry registry;
    private final ShadowService shadows;
    private final Rules rules;
    private final Broker broker;
    private final DataPlaneHttp dataPlane;
    private final ControlPlaneHttp controlPlane;
    private final Snapshots snapshots;
    private ScheduledExecutorService saver;

    private IotLocal(Config config) {
        this.config = config;
        // the JDK HTTP server sends small answers late without TCP_NODELAY (read once, at the first server)
        System.getProperties().putIfAbsent("sun.net.httpserver.nodelay", "true");
        // Moquette logs every internal publish at INFO; with slf4j-simple that would be a line per shadow answer
        System.getProperties().putIfAbsent("org.slf4j.simpleLogger.log.io.moquette", "warn");
        this.registry = new ThingRegistry(config.region());
        this.rules = new Rules();
        this.broker = Broker.start(config.host(), config.mqttPort(), registry, config.serviceUser(),
                config.serviceSecret(), config.clock());
        this.shadows = new ShadowService(config.clock(), broker::publish);
        this.snapshots = config.dataDir() == null ? null : new Snapshots(config.dataDir());
        if (snapshots != null) {
            snapshots.load(registry, shadows);
            saver = Executors.newSingleThreadScheduledExecutor(r -> {
                Thread t = new Thread(r, "local-iot-snapshot");
                t.setDaemon(true);
                return t;
            });
            saver.scheduleWithFixedDelay(() -> snapshots.save(registry, shadows), 5, 5, TimeUnit.SECONDS);
        }
        ShadowMqtt shadowMqtt = new ShadowMqtt(shadows, broker::publish, config.clock());
        broker.addListener((topic, payload, clientId) -> shadowMqtt.published(topic, payload));
        broker.addListener(rules::published);
        com.zhidian.local.iot.provisioning.FleetProvisioningMqtt provisioning =
                new com.zhidian.local.iot.provisioning.FleetProvisioningMqtt(registry, broker::publish, config.clock());
        broker.addListener(provisioning::published);
        this.dataPlane = DataPlaneHttp.start(config.host(), config.dataPlanePort(), shadows, broker, config.clock());
        this.controlPlane = ControlPlaneHttp.start(config.host(), config.controlPlanePort(), registry, broker);
    }

    public static IotLocal start(Config config) {
        return new IotLocal(config);
    }

    public Endpoints endpoints() {
        return new Endpoints(config.host(), broker.port(), dataPlane.endpoint(), controlPlane.endpoint());
    }

    public Config config() {
        return config;
    }

    public ThingRegistry registry() {
        return registry;
    }

    public ShadowService shadows() {
        return shadows;
    }

    /** Routes a topic filter to an action: {@code rules().route("zhidian/+/+/+/telemetry", m -> ...)}. */
    public Rules rules() {
        return rules;
    }

    /** True while the client is connected (from its connected lifecycle event to its disconnected one). */
    public boolean isConnected(String clientId) {
        return broker.isConnected(clientId);
    }

    /** Publishes as the stand-in (what the data-plane Publish call does). */
    public void publish(String topic, byte[] payload) {
        broker.publish(topic, payload);
    }

    @Override
    public void close() {
        controlPlane.close();
        dataPlane.close();
        broker.close();
        rules.close();
        if (snapshots != null) {
            saver.shutdownNow();
            snapshots.save(registry, shadows);
        }
    }
}
