package com.zhidian.apitests.sensors;

import static com.zhidian.apitests.support.Api.map;

import com.fasterxml.jackson.databind.JsonNode;
import com.zhidian.apitests.support.Api;
import com.zhidian.apitests.support.Fixtures;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Supplier;
import org.eclipse.paho.client.mqttv3.MqttClient;
import org.eclipse.paho.client.mqttv3.MqttConnectOptions;
import org.eclipse.paho.client.mqttv3.MqttException;
import org.eclipse.paho.client.mqttv3.persist.MemoryPersistence;

/** Sensors for the tests: registered through the API, connected to Zhidian Local's broker with their own credentials. */
public final class Sensors {
    private Sensors() {}

    /** A registered, connected device that publishes on its own telemetry topic. */
    public record Device(String tenantId, String storeId, String deviceId, MqttClient mqtt) implements AutoCloseable {
        public String topic() {
            return "zhidian/" + tenantId + "/" + storeId + "/" + deviceId + "/telemetry";
        }

        /** Publishes one reading (QoS 1: returns once the broker has it). */
        public void send(long seq, Instant at, Map<String, Object> readings) {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("deviceId", deviceId);
            m.put("seq", seq);
            m.put("at", at.toString());
            m.put("readings", readings);
            sendRaw(Api.JSON.valueToTree(m).toString());
        }

        public void sendRaw(String payload) {
            try {
                mqtt.publish(topic(), payload.getBytes(java.nio.charset.StandardCharsets.UTF_8), 1, false);
            } catch (MqttException e) {
                throw new AssertionError("publish refused: " + e, e);
            }
        }

        @Override
        public void close() {
            try {
                if (mqtt.isConnected()) mqtt.disconnect();
                mqtt.close();
            } catch (MqttException e) {
                // closing anyway
            }
        }
    }

    private static final java.util.Map<String, MqttConnectOptions> OPTIONS = new java.util.concurrent.ConcurrentHashMap<>();

    /** Connects the device's client again (after it disconnected), with its credentials. */
    public static void reconnect(Device d) {
        try {
            d.mqtt().connect(OPTIONS.get(d.mqtt().getClientId()));
        } catch (MqttException e) {
            throw new AssertionError("reconnect failed: " + e, e);
        }
    }

    public static Device connect(Fixtures.TenantFixture t, String storeId, String kind, String name) {
        Api.Res r = t.owner().post("/stores/" + storeId + "/devices", map("kind", kind, "name", name));
        if (r.status() != 201) throw new AssertionError("device registration failed: " + r);
        JsonNode d = r.json();
        try {
            String uri = "tcp://" + d.at("/mqtt/host").asText() + ":" + d.at("/mqtt/port").asInt();
            MqttClient c = new MqttClient(uri, d.at("/credentials/clientId").asText(), new MemoryPersistence());
            MqttConnectOptions o = new MqttConnectOptions();
            o.setMqttVersion(MqttConnectOptions.MQTT_VERSION_3_1_1);
            o.setUserName(d.at("/credentials/clientId").asText());
            o.setPassword(d.at("/credentials/password").asText().toCharArray());
            o.setCleanSession(true);
            c.connect(o);
            OPTIONS.put(d.at("/credentials/clientId").asText(), o);
            return new Device(t.tenantId(), storeId, d.get("deviceId").asText(), c);
        } catch (MqttException e) {
            throw new AssertionError("device connection failed: " + e, e);
        }
    }

    /** The first of up to 150 tries, 100 ms apart, whose answer passes (the ingest runs behind the broker, asynchronously). */
    public static JsonNode until(Supplier<Api.Res> call, java.util.function.Predicate<JsonNode> ok, String what) {
        Api.Res last = null;
        for (int i = 0; i < 150; i++) {
            last = call.get();
            if (last.status() == 200 && ok.test(last.json())) return last.json();
            try {
                Thread.sleep(100);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                break;
            }
        }
        throw new AssertionError(what + " never came; last answer " + last);
    }

    /** An alert through the whole path: a fridge sensor reports its battery at 5 % (the battery rule opens at once). */
    public static String batteryAlert(Fixtures.TenantFixture t, String storeId) {
        try (Device d = connect(t, storeId, "fridge_sensor", "冷柜 电量低")) {
            d.send(1, Instant.now(), map("batteryPct", 5));
            JsonNode alerts = until(() -> t.owner().get("/alerts?storeId=" + storeId),
                    a -> a.get("items").findValuesAsText("deviceId").contains(d.deviceId()), "the battery alert");
            for (JsonNode a : alerts.get("items")) if (a.get("deviceId").asText().equals(d.deviceId())) return a.get("alertId").asText();
            throw new AssertionError("unreachable");
        }
    }
}
