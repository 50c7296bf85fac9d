package com.zhidian.local.iot.broker;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.BiConsumer;

/**
 * Lifecycle events (life-cycle-events.html): {@code $aws/events/presence/connected/{clientId}} and
 * {@code .../disconnected/{clientId}} with clientId, timestamp (epoch milliseconds), eventType,
 * sessionIdentifier, principalIdentifier, versionNumber and, on disconnect, clientInitiatedDisconnect and
 * disconnectReason. The broker does not tell the client's address, so ipAddress is left out.
 * When the stand-in itself drops a client it says why first ({@link #dropping}); Moquette reports such a drop
 * like any other, so without that the event would say the client left (or lost its connection).
 * A refused CONNECT is announced on {@code .../connect_failed/{clientId}} ({@link #connectFailed}).
 */
final class Lifecycle {
    private final Clock clock;
    private final BiConsumer<String, byte[]> publisher;
    private final Map<String, String> sessions = new ConcurrentHashMap<>();
    private final Map<String, AtomicLong> versions = new ConcurrentHashMap<>();
    /** clientId → the disconnectReason of a drop the stand-in has started and Moquette has not reported yet. */
    private final Map<String, String> drops = new ConcurrentHashMap<>();
    /** Client ids whose replaced session was announced as ended before Moquette reported the drop. */
    private final Set<String> late = ConcurrentHashMap.newKeySet();
    /** clientId → principalIdentifier of its last accepted CONNECT. */
    private final Map<String, String> principals = new ConcurrentHashMap<>();

    Lifecycle(Clock clock, BiConsumer<String, byte[]> publisher) {
        this.clock = clock;
        this.publisher = publisher;
    }

    /** The credential the client authenticated with, for its coming connected event's principalIdentifier. */
    void principal(String clientId, String principal) {
        if (principal != null) {
            principals.put(clientId, principal);
        }
    }

    void connectedEvent(String clientId) {
        String principal = principals.get(clientId);
        if (unannounced(clientId)) {
            return;
        }
        String session = UUID.randomUUID().toString();
        String replaced = sessions.put(clientId, session);
        if (replaced != null) {
            // a session takeover that Moquette reports new-connect-first: announce the old session's end now and
            // let its own late report pass unannounced, so it does not end the new session
            late.add(clientId);
            announceDisconnect(clientId, replaced, false);
        }
        drops.remove(clientId); // a reason left from a drop Moquette never reported must not label this session's end
        ObjectNode event = event(clientId, "connected", session);
        event.put("principalIdentifier", principal == null ? clientId : principal);
        publisher.accept("$aws/events/presence/connected/" + clientId, bytes(event));
    }

    /** True from the connected event on until the disconnected one. */
    boolean connected(String clientId) {
        return sessions.containsKey(clientId);
    }

    /**
     * The stand-in is about to drop the client, for one of the documented reasons: {@code AUTH_ERROR} ("the
     * client failed to authenticate or authorization failed": a publish the policy refuses, a certificate made
     * inactive) or {@code SERVER_INITIATED_DISCONNECT} (its thing was deleted).
     */
    void dropping(String clientId, String reason) {
        drops.put(clientId, reason);
    }

    void disconnected(String clientId, boolean clientInitiated) {
        if (late.remove(clientId)) {
            return;
        }
        announceDisconnect(clientId, sessions.remove(clientId), clientInitiated);
    }

    private void announceDisconnect(String clientId, String session, boolean clientInitiated) {
        String drop = drops.remove(clientId);
        if (unannounced(clientId)) {
            return;
        }
        ObjectNode event = event(clientId, "disconnected", session == null ? "" : session);
        event.put("clientInitiatedDisconnect", drop == null && clientInitiated);
        event.put("disconnectReason", drop != null ? drop
                : clientInitiated ? "CLIENT_INITIATED_DISCONNECT" : "CONNECTION_LOST");
        publisher.accept("$aws/events/presence/disconnected/" + clientId, bytes(event));
    }

    /**
     * life-cycle-events.html, "Connect failure events": {@code $aws/events/presence/connect_failed/{clientId}} with
     * clientId, timestamp, eventType {@code connect_failed}, failureReason and principalIdentifier. It leaves the
     * client id's session alone: a refused attempt with a connected device's client id does not end that session.
     * {@code principal} is null when the secret is no known certificate's key (AWS IoT Core would have refused the
     * TLS handshake): the field is then left out, as is ipAddress (Moquette does not expose the address).
     */
    void connectFailed(String clientId, String principal) {
        if (clientId == null || clientId.isEmpty() || unannounced(clientId)) {
            return;
        }
        ObjectNode event = JsonNodeFactory.instance.objectNode();
        event.put("clientId", clientId);
        event.put("timestamp", clock.millis());
        event.put("eventType", "connect_failed");
        event.put("failureReason", "AUTHORIZATION_ERROR");
        if (principal != null) {
            event.put("principalIdentifier", principal);
        }
        publisher.accept("$aws/events/presence/connect_failed/" + clientId, bytes(event));
    }

    /**
     * {@code $aws/events/subscriptions/subscribed|unsubscribed/{clientId}} with clientId, timestamp, eventType,
     * sessionIdentifier, principalIdentifier and topics. Moquette reports each topic filter of a SUBSCRIBE on
     * its own, so each event names one topic (AWS lists a packet's filters together).
     */
    void subscription(String clientId, String filter, boolean subscribed) {
        if (unannounced(clientId)) {
            return;
        }
        String type = subscribed ? "subscribed" : "unsubscribed";
        ObjectNode event = JsonNodeFactory.instance.objectNode();
        event.put("clientId", clientId);
        event.put("timestamp", clock.millis());
        event.put("eventType", type);
        event.put("sessionIdentifier", sessions.getOrDefault(clientId, ""));
        event.put("principalIdentifier", principals.getOrDefault(clientId, clientId));
        event.putArray("topics").add(filter);
        publisher.accept("$aws/events/subscriptions/" + type + "/" + clientId, bytes(event));
    }

    /** "Client IDs that contain # or + do not receive lifecycle events" (nor could they name a topic level). */
    private static boolean unannounced(String clientId) {
        return clientId.contains("#") || clientId.contains("+");
    }

    private ObjectNode event(String clientId, String type, String session) {
        ObjectNode event = JsonNodeFactory.instance.objectNode();
        event.put("clientId", clientId);
        event.put("timestamp", clock.millis());
        event.put("eventType", type);
        event.put("sessionIdentifier", session);
        event.put("versionNumber", versions.computeIfAbsent(clientId, c -> new AtomicLong()).incrementAndGet());
        return event;
    }

    private static byte[] bytes(ObjectNode node) {
        return node.toString().getBytes(StandardCharsets.UTF_8);
    }
}
