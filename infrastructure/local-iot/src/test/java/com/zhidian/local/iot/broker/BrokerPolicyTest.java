package com.zhidian.local.iot.broker;

import com.fasterxml.jackson.databind.JsonNode;
import com.zhidian.local.iot.IotLocal;
import com.zhidian.local.iot.MqttTestClient;
import com.zhidian.local.iot.registry.ThingRegistry;
import com.zhidian.local.iot.shadow.ShadowException;
import org.eclipse.paho.client.mqttv3.MqttException;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The broker with the thing policy, the shadow service over MQTT, lifecycle events and rules. */
class BrokerPolicyTest {
    static IotLocal iot;
    static String uri;
    static String secret1;
    static String secret2;
    static String certificate1;
    static String certificate2;
    static final BlockingQueue<String> telemetry = new LinkedBlockingQueue<>();

    @BeforeAll
    static void start() {
        iot = IotLocal.start(IotLocal.Config.defaults());
        uri = iot.endpoints().mqttUri();
        iot.registry().createThing("label-1", Map.of("tenantId", "t1", "storeId", "s1", "deviceId", "d1"));
        iot.registry().createThing("label-2", Map.of("tenantId", "t2", "storeId", "s9", "deviceId", "d2"));
        ThingRegistry.Certificate issued1 = iot.registry().issueCredential("label-1");
        secret1 = issued1.privateKey();
        certificate1 = issued1.id();
        ThingRegistry.Certificate issued = iot.registry().issueCredential("label-2");
        secret2 = issued.privateKey();
        certificate2 = issued.id();
        iot.rules().route("zhidian/+/+/+/telemetry", m -> telemetry.add(m.topic() + " " + m.clientId()));
    }

    @AfterAll
    static void stop() {
        iot.close();
    }

    MqttTestClient device(String thing, String secret) throws Exception {
        return MqttTestClient.connect(iot, thing, thing, secret);
    }

    MqttTestClient service(String clientId) throws Exception {
        return MqttTestClient.connect(iot, clientId, iot.config().serviceUser(), iot.config().serviceSecret());
    }

    @Test
    void aDeviceWithAWrongOrAnotherThingsSecretIsRefused() {
        assertThrows(MqttException.class, () -> device("label-1", "wrong"));
        assertThrows(MqttException.class, () -> device("label-1", secret2));
        assertThrows(MqttException.class, () -> device("nobody", secret1));
        assertThrows(MqttException.class, () -> MqttTestClient.connect(iot, "x", iot.config().serviceUser(), "no"));
    }

    @Test
    void aDeviceUsesItsOwnShadowOverMqttWithTheDocumentedAnswers() throws Exception {
        String p = "$aws/things/label-1/shadow/name/esl";
        try (MqttTestClient label = device("label-1", secret1)) {
            for (String t : new String[] {"/update/accepted", "/update/rejected", "/update/delta", "/update/documents",
                    "/get/accepted", "/get/rejected", "/delete/accepted"}) {
                assertTrue(label.subscribe(p + t), t);
            }
            label.publish(p + "/update", "{\"state\":{\"desired\":{\"price\":1299}},\"clientToken\":\"c1\"}");
            JsonNode accepted = label.next(p + "/update/accepted");
            assertEquals("c1", accepted.get("clientToken").asText());
            assertEquals(1299, accepted.at("/state/desired/price").asLong());
            JsonNode delta = label.next(p + "/update/delta");
            assertEquals(1299, delta.at("/state/price").asLong());
            assertNotNull(delta.at("/metadata/price/timestamp"));
            assertEquals(accepted.get("version"), delta.get("version"));
            assertNotNull(label.next(p + "/update/documents").get("current"));

            label.publish(p + "/update", "{\"state\":{\"reported\":{\"price\":1299}},\"version\":1}");
            assertEquals(2, label.next(p + "/update/accepted").get("version").asLong());
            label.publish(p + "/update", "{\"state\":{\"reported\":{\"price\":1}},\"version\":1,\"clientToken\":\"old\"}");
            JsonNode conflict = label.next(p + "/update/rejected");
            assertEquals(409, conflict.get("code").asInt());
            assertEquals(ShadowException.VERSION_CONFLICT, conflict.get("message").asText());
            assertEquals("old", conflict.get("clientToken").asText());
            label.publish(p + "/update", "{oops");
            assertEquals("Invalid JSON", label.next(p + "/update/rejected").get("message").asText());

            label.publish(p + "/get", "{\"clientToken\":\"g\"}");
            JsonNode got = label.next(p + "/get/accepted");
            assertEquals("g", got.get("clientToken").asText());
            assertEquals(1299, got.at("/state/reported/price").asLong());
            assertTrue(got.at("/state/delta").isMissingNode());

            label.publish(p + "/delete", "");
            assertEquals(2, label.next(p + "/delete/accepted").get("version").asLong());
            label.publish(p + "/get", "");
            JsonNode missing = label.next(p + "/get/rejected");
            assertEquals(404, missing.get("code").asInt());
            assertEquals("No shadow exists with name: 'esl'", missing.get("message").asText());
        }
    }

    @Test
    void anotherThingsShadowAndTopicsAreRefused() throws Exception {
        try (MqttTestClient intruder = device("label-1", secret1)) {
            assertFalse(intruder.subscribe("$aws/things/label-2/shadow/name/esl/update/delta"));
            assertFalse(intruder.subscribe("$aws/things/+/shadow/name/esl/update/delta"));
            assertFalse(intruder.subscribe("#"));
            assertFalse(intruder.subscribe("zhidian/t2/s9/d2/telemetry"));
            assertFalse(intruder.subscribe("zhidian/t1/s1/+/telemetry"));
            assertTrue(intruder.subscribe("zhidian/t1/s1/d1/#"));
        }
        for (String forbidden : new String[] {"$aws/things/label-2/shadow/name/esl/update",
                "zhidian/t2/s9/d2/telemetry", "zhidian/t1/s1/d9/telemetry"}) {
            MqttTestClient intruder = device("label-1", secret1);
            try {
                intruder.publish(forbidden, "{\"state\":{\"desired\":{\"price\":1}}}");
            } catch (MqttException expected) {
                // the broker closes the connection instead of acknowledging
            }
            for (int i = 0; i < 100 && intruder.isConnected(); i++) {
                Thread.sleep(50);
            }
            assertFalse(intruder.isConnected(), forbidden);
            intruder.close();
        }
        // a marker through the same single interceptor thread: once it is seen, the refused ones would have been
        try (MqttTestClient label = device("label-1", secret1)) {
            label.publish("zhidian/t1/s1/d1/telemetry", "{\"visitors\":1}");
            assertEquals("zhidian/t1/s1/d1/telemetry label-1", telemetry.poll(10, TimeUnit.SECONDS));
        }
        assertNull(telemetry.poll(200, TimeUnit.MILLISECONDS));
        assertEquals(404, assertThrows(ShadowException.class, () -> iot.shadows().get("label-2", "esl", null)).code());
    }

    @Test
    void lifecycleEventsAnnounceConnectAndDisconnect() throws Exception {
        try (MqttTestClient watcher = service("watcher")) {
            assertTrue(watcher.subscribe("$aws/events/presence/+/label-2"));
            device("label-2", secret2).close();
            JsonNode connected = watcher.next("$aws/events/presence/connected/label-2");
            assertEquals("connected", connected.get("eventType").asText());
            assertEquals("label-2", connected.get("clientId").asText());
            assertTrue(connected.get("timestamp").asLong() > 0);
            // life-cycle-events.html, principalIdentifier: "for TLS mutual authentication certificates, the certificate ID"
            assertEquals(certificate2, connected.get("principalIdentifier").asText());
            JsonNode disconnected = watcher.next("$aws/events/presence/disconnected/label-2");
            assertEquals("disconnected", disconnected.get("eventType").asText());
            assertTrue(disconnected.get("clientInitiatedDisconnect").asBoolean());
            assertEquals(connected.get("sessionIdentifier"), disconnected.get("sessionIdentifier"));
            assertTrue(disconnected.get("versionNumber").asLong() > connected.get("versionNumber").asLong());
        }
    }

    /** life-cycle-events.html, Connect/Disconnect events: disconnectReason AUTH_ERROR, clientInitiatedDisconnect. */
    @Test
    void aClientDroppedForARefusedPublishIsAnnouncedAsAnAuthError() throws Exception {
        iot.registry().createThing("label-3", Map.of("tenantId", "t3", "storeId", "s3", "deviceId", "d3"));
        String secret3 = iot.registry().issueCredential("label-3").privateKey();
        try (MqttTestClient watcher = service("watcher-3")) {
            assertTrue(watcher.subscribe("$aws/events/presence/+/label-3"));
            MqttTestClient label = device("label-3", secret3);
            JsonNode connected = watcher.next("$aws/events/presence/connected/label-3");
            try {
                label.publish("zhidian/t1/s1/d1/telemetry", "{}");
            } catch (MqttException expected) {
                // the broker closes the connection instead of acknowledging
            }
            JsonNode disconnected = watcher.next("$aws/events/presence/disconnected/label-3");
            assertEquals("AUTH_ERROR", disconnected.get("disconnectReason").asText());
            assertFalse(disconnected.get("clientInitiatedDisconnect").asBoolean());
            assertEquals(connected.get("sessionIdentifier"), disconnected.get("sessionIdentifier"));
            label.close();
        }
    }

    /** life-cycle-events.html: DUPLICATE_CLIENTID, "the connected client will be disconnected with this reason". */
    @Test
    void aSecondConnectionWithTheSameClientIdDropsTheFirstAsADuplicate() throws Exception {
        iot.registry().createThing("label-4", Map.of("tenantId", "t4", "storeId", "s4", "deviceId", "d4"));
        String secret4 = iot.registry().issueCredential("label-4").privateKey();
        try (MqttTestClient watcher = service("watcher-4")) {
            assertTrue(watcher.subscribe("$aws/events/presence/+/label-4"));
            MqttTestClient first = device("label-4", secret4);
            JsonNode one = watcher.next("$aws/events/presence/connected/label-4");
            MqttTestClient second = device("label-4", secret4);
            JsonNode dropped = watcher.next("$aws/events/presence/disconnected/label-4");
            JsonNode two = watcher.next("$aws/events/presence/connected/label-4");
            assertEquals("DUPLICATE_CLIENTID", dropped.get("disconnectReason").asText());
            assertFalse(dropped.get("clientInitiatedDisconnect").asBoolean());
            assertEquals(one.get("sessionIdentifier"), dropped.get("sessionIdentifier"));
            assertNotEquals(one.get("sessionIdentifier"), two.get("sessionIdentifier"));
            for (int i = 0; i < 100 && !iot.isConnected("label-4"); i++) {
                Thread.sleep(20);
            }
            assertTrue(iot.isConnected("label-4"), "the second connection stays connected");
            second.close();
            first.close();
        }
    }

    /**
     * life-cycle-events.html, "Connect failure events": a refused CONNECT is published on
     * $aws/events/presence/connect_failed/{clientId} (eventType connect_failed, failureReason), and it does not end
     * the session of the device already connected with that client id.
     */
    @Test
    void aRefusedConnectIsAnnouncedAsConnectFailedAndLeavesTheConnectedSessionAlone() throws Exception {
        iot.registry().createThing("label-6", Map.of("tenantId", "t6", "storeId", "s6", "deviceId", "d6"));
        String secret6 = iot.registry().issueCredential("label-6").privateKey();
        try (MqttTestClient watcher = service("watcher-6")) {
            assertTrue(watcher.subscribe("$aws/events/presence/connect_failed/+"));
            assertTrue(watcher.subscribe("$aws/events/presence/disconnected/label-6"));
            try (MqttTestClient label = device("label-6", secret6)) {
                assertTrue(iot.isConnected("label-6"));
                long before = System.currentTimeMillis();
                assertThrows(MqttException.class, () -> device("label-6", "wrong"));
                JsonNode wrong = watcher.next("$aws/events/presence/connect_failed/label-6");
                assertNotNull(wrong, "no connect_failed event for bad credentials");
                assertEquals("label-6", wrong.get("clientId").asText());
                assertEquals("connect_failed", wrong.get("eventType").asText());
                assertEquals("AUTHORIZATION_ERROR", wrong.get("failureReason").asText());
                assertTrue(wrong.get("timestamp").asLong() >= before - 1000);
                assertFalse(wrong.has("principalIdentifier"), "an unknown key names no certificate");
                assertFalse(wrong.has("ipAddress"), "Moquette does not tell the address");
                assertFalse(wrong.has("sessionIdentifier"), "a refused attempt has no session");

                // another thing's certificate: its policy allows iot:Connect only as client/label-1
                assertThrows(MqttException.class, () -> device("label-6", secret1));
                JsonNode other = watcher.next("$aws/events/presence/connect_failed/label-6");
                assertNotNull(other, "no connect_failed event for a client id the policy does not allow");
                assertEquals("AUTHORIZATION_ERROR", other.get("failureReason").asText());
                assertEquals(certificate1, other.get("principalIdentifier").asText());

                assertNull(watcher.poll("$aws/events/presence/disconnected/label-6", 300),
                        "a refused attempt must not announce the connected device's disconnect");
                assertTrue(iot.isConnected("label-6"));
                assertTrue(label.isConnected());
            }
            assertNull(watcher.poll("$aws/events/presence/connect_failed/label-6", 300), "one event per refused attempt");
        }
    }

    /** life-cycle-events.html: Subscribe/Unsubscribe events. */
    @Test
    void subscriptionsAreAnnounced() throws Exception {
        try (MqttTestClient watcher = service("watcher-5")) {
            assertTrue(watcher.subscribe("$aws/events/subscriptions/+/label-1"));
            try (MqttTestClient label = device("label-1", secret1)) {
                assertTrue(label.subscribe("zhidian/t1/s1/d1/cmd"));
                assertFalse(label.subscribe("zhidian/t2/s9/d2/cmd"));
                label.unsubscribe("zhidian/t1/s1/d1/cmd");
                JsonNode subscribed = watcher.next("$aws/events/subscriptions/subscribed/label-1");
                assertEquals("subscribed", subscribed.get("eventType").asText());
                assertEquals("label-1", subscribed.get("clientId").asText());
                assertEquals(certificate1, subscribed.get("principalIdentifier").asText());
                assertFalse(subscribed.get("sessionIdentifier").asText().isEmpty());
                assertTrue(subscribed.get("timestamp").asLong() > 0);
                assertEquals("[\"zhidian/t1/s1/d1/cmd\"]", subscribed.get("topics").toString());
                JsonNode unsubscribed = watcher.next("$aws/events/subscriptions/unsubscribed/label-1");
                assertEquals("unsubscribed", unsubscribed.get("eventType").asText());
                assertEquals("[\"zhidian/t1/s1/d1/cmd\"]", unsubscribed.get("topics").toString());
                assertNull(watcher.poll("$aws/events/subscriptions/subscribed/label-1", 300), "a refused filter is not announced");
            }
        }
    }
}
