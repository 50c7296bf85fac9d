package com.zhidian.local.iot.broker;

import com.zhidian.local.iot.registry.ThingRegistry;
import io.moquette.broker.Server;
import io.moquette.broker.config.MemoryConfig;
import io.moquette.broker.security.IAuthenticator;
import io.moquette.interception.AbstractInterceptHandler;
import io.moquette.interception.messages.InterceptConnectMessage;
import io.moquette.interception.messages.InterceptConnectionLostMessage;
import io.moquette.interception.messages.InterceptDisconnectMessage;
import io.moquette.interception.messages.InterceptPublishMessage;
import io.moquette.interception.messages.InterceptSubscribeMessage;
import io.moquette.interception.messages.InterceptUnsubscribeMessage;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import io.netty.handler.codec.mqtt.MqttMessageBuilders;
import io.netty.handler.codec.mqtt.MqttQoS;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Clock;
import java.util.List;
import java.util.Properties;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * Moquette 0.17 in-process (MQTT 3.1.1), with the thing authenticator and policy, the lifecycle events, and
 * one place where every published message (from a client or from the stand-in itself) is handed to the
 * listeners: the shadow service and the rules engine.
 */
public final class Broker implements AutoCloseable {
    /** A message published on the broker; {@code clientId} is null for the stand-in's own messages. */
    @FunctionalInterface
    public interface Listener {
        void published(String topic, byte[] payload, String clientId);
    }

    private static final String INTERNAL = "zhidian-local-iot";
    /** disconnectReason values of life-cycle-events.html for the drops the stand-in makes. */
    public static final String AUTH_ERROR = "AUTH_ERROR";
    public static final String SERVER_INITIATED_DISCONNECT = "SERVER_INITIATED_DISCONNECT";
    public static final String DUPLICATE_CLIENTID = "DUPLICATE_CLIENTID";
    private final Server server = new Server();
    private final List<Listener> listeners = new CopyOnWriteArrayList<>();
    private final Lifecycle lifecycle;

    private Broker(Clock clock) {
        this.lifecycle = new Lifecycle(clock, this::publish);
    }

    /** Starts on the host and port (0 for an ephemeral one). */
    public static Broker start(String host, int port, ThingRegistry registry, String serviceUser,
                               String serviceSecret, Clock clock) {
        requireSurvivingSessionLoops();
        Broker broker = new Broker(clock);
        Properties p = new Properties();
        p.setProperty("host", host);
        p.setProperty("port", Integer.toString(port));
        p.setProperty("websocket_port", "disabled");
        p.setProperty("allow_anonymous", "false");
        p.setProperty("allow_zero_byte_client_id", "false");
        p.setProperty("persistence_enabled", "false");
        p.setProperty("telemetry_enabled", "false");
        p.setProperty("netty.epoll", "false");
        p.setProperty("immediate_buffer_flush", "true");
        // one interceptor thread: a client's shadow requests are answered in the order they were sent
        p.setProperty("intercept.thread_pool.size", "1");
        // Moquette's per-loop command queue (1024 by default) fills up when thousands of labels get a price
        // change at once; a full queue drops commands
        p.setProperty("session_queue_size", "65536");
        // AWS IoT Core's message size limit is 128 KB
        p.setProperty("netty.mqtt.message_size", Integer.toString(128 * 1024 + 1024));
        try {
            broker.server.startServer(new MemoryConfig(p), List.of(broker.new Interceptor()), null,
                    broker.announcing(new ThingAuthenticator(registry, serviceUser, serviceSecret, clock), registry),
                    new ThingPolicy(registry, serviceUser, broker::disconnectLater));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return broker;
    }

    /**
     * local-iot ships Moquette 0.17's session loop with upstream's fix (io.moquette.broker.SessionEventLoop): with the
     * jar's own copy first on the class path, one failing command would leave a share of the devices unable to connect.
     */
    private static void requireSurvivingSessionLoops() {
        try {
            Class.forName("io.moquette.broker.SessionEventLoop").getDeclaredField("SURVIVES_FAILING_COMMANDS");
        } catch (ClassNotFoundException | NoSuchFieldException e) {
            throw new IllegalStateException("moquette-broker's SessionEventLoop is ahead of local-iot's fixed copy on the "
                    + "class path: put local-iot before moquette-broker");
        }
    }

    public int port() {
        return server.getPort();
    }

    /**
     * True once Moquette has fully accepted the client's connection (its connected event is out). Moquette
     * 0.17 sends CONNACK before it marks the connection connected, and drops a connection whose SUBSCRIBE
     * arrives in between ("SUBSCRIBE received on already closed connection"): clients retry (the device
     * programs do), tests wait for this.
     */
    public boolean isConnected(String clientId) {
        return lifecycle.connected(clientId);
    }

    public void addListener(Listener listener) {
        listeners.add(listener);
    }

    /** Publishes as the stand-in itself (no policy applies), then hands the message to the listeners. */
    public void publish(String topic, byte[] payload) {
        publish(topic, payload, false);
    }

    /**
     * As {@link #publish(String, byte[])}; {@code retain} keeps the message for later subscribers of the topic
     * (the data plane's Publish {@code retain=true}; an empty retained payload clears it, as in MQTT).
     */
    public void publish(String topic, byte[] payload, boolean retain) {
        server.internalPublish(MqttMessageBuilders.publish().topicName(topic).retained(retain)
                .qos(MqttQoS.AT_LEAST_ONCE).payload(Unpooled.wrappedBuffer(payload)).build(), INTERNAL);
        deliver(topic, payload, null);
    }

    /**
     * What the lifecycle events need from an accepted CONNECT: the principal (a device's certificate id, as
     * AWS IoT Core gives for TLS client certificates), and whether it takes over a connected client id's
     * session (Moquette then drops the first connection: announced as DUPLICATE_CLIENTID); a refused CONNECT
     * is announced as connect_failed.
     */
    private IAuthenticator announcing(IAuthenticator authenticator, ThingRegistry registry) {
        return (clientId, username, password) -> {
            boolean valid = authenticator.checkValid(clientId, username, password);
            if (valid) {
                if (lifecycle.connected(clientId)) {
                    lifecycle.dropping(clientId, DUPLICATE_CLIENTID);
                }
                lifecycle.principal(clientId, registry.authenticating(clientId, password)
                        .map(ThingRegistry.Certificate::id).orElse(username));
            } else {
                // bad credentials, or a certificate whose policy does not allow this client id (iot:Connect);
                // published off Moquette's thread, which is still handling the CONNECT
                String principal = registry.certificateWithKey(password).map(ThingRegistry.Certificate::id).orElse(null);
                CompletableFuture.runAsync(() -> lifecycle.connectFailed(clientId, principal));
            }
            return valid;
        };
    }

    /** Off the broker's own thread: Moquette asks the policy while it handles the client's packet. */
    private void disconnectLater(String clientId) {
        lifecycle.dropping(clientId, AUTH_ERROR);
        CompletableFuture.runAsync(() -> server.disconnectClient(clientId));
    }

    /** Drops a client's connection, as AWS IoT Core does when a thing is deleted. */
    public void disconnect(String clientId) {
        disconnect(clientId, SERVER_INITIATED_DISCONNECT);
    }

    /** Drops a client's connection; {@code reason} is the lifecycle event's disconnectReason. */
    public void disconnect(String clientId, String reason) {
        if (lifecycle.connected(clientId)) {
            lifecycle.dropping(clientId, reason);
        }
        server.disconnectClient(clientId);
    }

    private void deliver(String topic, byte[] payload, String clientId) {
        for (Listener listener : listeners) {
            listener.published(topic, payload, clientId);
        }
    }

    /**
     * Stops the broker in the background and returns at once: Moquette shuts its Netty groups down
     * gracefully, which takes about 2 s, and Zhidian Local's tests start and stop often. The port stays bound
     * until then (an ephemeral one does not matter; a fixed one is free again after those seconds).
     */
    @Override
    public void close() {
        Thread stopper = new Thread(server::stopServer, "local-iot-broker-stop");
        stopper.setDaemon(true);
        stopper.start();
    }

    private final class Interceptor extends AbstractInterceptHandler {
        @Override
        public String getID() {
            return INTERNAL;
        }

        @Override
        public void onPublish(InterceptPublishMessage msg) {
            ByteBuf buf = msg.getPayload();
            byte[] payload;
            try {
                payload = new byte[buf.readableBytes()];
                buf.getBytes(buf.readerIndex(), payload);
            } finally {
                buf.release(); // Moquette hands each handler a retained duplicate
            }
            deliver(msg.getTopicName(), payload, msg.getClientID());
        }

        @Override
        public void onConnect(InterceptConnectMessage msg) {
            lifecycle.connectedEvent(msg.getClientID());
        }

        @Override
        public void onDisconnect(InterceptDisconnectMessage msg) {
            lifecycle.disconnected(msg.getClientID(), true);
        }

        @Override
        public void onConnectionLost(InterceptConnectionLostMessage msg) {
            lifecycle.disconnected(msg.getClientID(), false);
        }

        @Override
        public void onSubscribe(InterceptSubscribeMessage msg) {
            lifecycle.subscription(msg.getClientID(), msg.getTopicFilter(), true);
        }

        @Override
        public void onUnsubscribe(InterceptUnsubscribeMessage msg) {
            lifecycle.subscription(msg.getClientID(), msg.getTopicFilter(), false);
        }

        @Override
        public void onSessionLoopError(Throwable error) {
            // Moquette reports errors of its own session loop here; the broker keeps running
        }
    }
}
