package com.zhidian.apitests.devices;

import static com.zhidian.apitests.support.Api.map;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.zhidian.apitests.support.Api;
import com.zhidian.apitests.support.Fixtures;
import com.zhidian.apitests.support.Local;
import com.zhidian.local.iot.IotLocal;
import java.util.UUID;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.eclipse.paho.client.mqttv3.MqttClient;
import org.eclipse.paho.client.mqttv3.MqttConnectOptions;
import org.eclipse.paho.client.mqttv3.MqttException;
import org.eclipse.paho.client.mqttv3.persist.MemoryPersistence;
import org.junit.jupiter.api.Test;

/**
 * AWS IoT lifecycle events, "Connect failure events": a refused attempt with a connected device's client id is
 * published on {@code $aws/events/presence/connect_failed/{clientId}}, which the presence rule
 * ({@code $aws/events/presence/+/+}) also brings to the devices function. The device stays online.
 */
class ConnectFailedApiTest {
    private static final Fixtures.TenantFixture T = Fixtures.newTenant("premium", 1);
    private static final String S1 = T.storeIds().get(0);

    @Test
    void aRefusedAttemptWithAConnectedDevicesThingNameIsAnnouncedAndTheDeviceStaysOnline() throws Exception {
        JsonNode d = register("冷柜 连接失败");
        String deviceId = d.get("deviceId").asText();
        String thing = d.get("thingName").asText();
        BlockingQueue<byte[]> failures = new LinkedBlockingQueue<>();
        MqttClient watcher = service("watcher-" + UUID.randomUUID());
        watcher.subscribe("$aws/events/presence/connect_failed/" + thing, 1, (topic, message) -> failures.add(message.getPayload()));
        MqttClient device = connect(d, d.at("/credentials/password").asText());
        try {
            assertTrue(waitFor(() -> "online".equals(status(deviceId))), "online after connecting");

            MqttException refused = assertThrows(MqttException.class, () -> connect(d, "not-the-key"));
            assertEquals(MqttException.REASON_CODE_FAILED_AUTHENTICATION, refused.getReasonCode(), refused::toString);
            byte[] payload = failures.poll(10, TimeUnit.SECONDS);
            assertNotNull(payload, "no connect_failed event for the refused attempt");
            JsonNode event = new ObjectMapper().readTree(payload);
            assertEquals("connect_failed", event.get("eventType").asText());
            assertEquals(thing, event.get("clientId").asText());
            assertEquals("AUTHORIZATION_ERROR", event.get("failureReason").asText());
            assertTrue(event.get("timestamp").asLong() > 0);

            // a barrier: rule actions run on one thread in message order, so once a second device's connected event
            // has shown it online, the connect_failed event before it has been handled by the devices function
            JsonNode second = register("冷柜 屏障");
            MqttClient other = connect(second, second.at("/credentials/password").asText());
            try {
                assertTrue(waitFor(() -> "online".equals(status(second.get("deviceId").asText()))), "the second device online");
            } finally {
                other.disconnect();
                other.close();
            }
            assertEquals("online", status(deviceId), "a refused attempt with its client id must not mark the device offline");
            assertTrue(device.isConnected(), "the refused attempt did not end the device's session");
        } finally {
            device.disconnect();
            device.close();
            watcher.disconnect();
            watcher.close();
        }
        assertTrue(waitFor(() -> "offline".equals(status(deviceId))), "offline after leaving");
        assertFalse(Local.instance().iot().isConnected(thing));
    }

    private static JsonNode register(String name) {
        Api.Res r = T.owner().post("/stores/" + S1 + "/devices", map("kind", "fridge_sensor", "name", name), UUID.randomUUID().toString());
        assertEquals(201, r.status(), r::toString);
        return r.json();
    }

    private static String status(String deviceId) {
        Api.Res list = T.owner().get("/stores/" + S1 + "/devices");
        assertEquals(200, list.status(), list::toString);
        for (JsonNode n : list.json().get("items")) if (n.get("deviceId").asText().equals(deviceId)) return n.get("status").asText();
        throw new AssertionError("device " + deviceId + " not listed: " + list);
    }

    /** The cloud side's identity (may use every topic), as a rule or the console would read the events. */
    private static MqttClient service(String clientId) throws MqttException {
        IotLocal iot = Local.instance().iot();
        MqttClient c = new MqttClient(iot.endpoints().mqttUri(), clientId, new MemoryPersistence());
        c.connect(options(iot.config().serviceUser(), iot.config().serviceSecret()));
        for (int i = 0; i < 200 && !iot.isConnected(clientId); i++) {
            sleep(10); // Moquette 0.17 drops a SUBSCRIBE sent before it has marked the connection connected
        }
        return c;
    }

    private static MqttClient connect(JsonNode registered, String password) throws MqttException {
        String uri = "tcp://" + registered.at("/mqtt/host").asText() + ":" + registered.at("/mqtt/port").asInt();
        String clientId = registered.at("/credentials/clientId").asText();
        MqttClient c = new MqttClient(uri, clientId, new MemoryPersistence());
        try {
            c.connect(options(clientId, password));
        } catch (MqttException e) {
            c.close();
            throw e;
        }
        return c;
    }

    private static MqttConnectOptions options(String user, String password) {
        MqttConnectOptions o = new MqttConnectOptions();
        o.setMqttVersion(MqttConnectOptions.MQTT_VERSION_3_1_1);
        o.setUserName(user);
        o.setPassword(password.toCharArray());
        o.setCleanSession(true);
        return o;
    }

    private static boolean waitFor(java.util.function.BooleanSupplier condition) throws InterruptedException {
        for (int i = 0; i < 100; i++) {
            if (condition.getAsBoolean()) return true;
            Thread.sleep(100);
        }
        return false;
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
