package com.zhidian.apitests.devices;

import static com.zhidian.apitests.support.Api.map;
import static com.zhidian.apitests.support.Problems.assertFieldErrors;
import static com.zhidian.apitests.support.Problems.assertProblem;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.zhidian.apitests.catalog.Catalog;
import com.zhidian.apitests.support.Api;
import com.zhidian.apitests.support.Fixtures;
import com.zhidian.apitests.support.Local;
import java.util.UUID;
import org.eclipse.paho.client.mqttv3.MqttClient;
import org.eclipse.paho.client.mqttv3.MqttConnectOptions;
import org.eclipse.paho.client.mqttv3.MqttException;
import org.eclipse.paho.client.mqttv3.persist.MemoryPersistence;
import org.junit.jupiter.api.Test;

class DevicesApiTest {
    private static final Fixtures.TenantFixture T = Fixtures.newTenant("premium", 2);
    private static final Fixtures.TenantFixture OTHER = Fixtures.newTenant("basic", 1);
    private static final String S1 = T.storeIds().get(0);
    private static final String S2 = T.storeIds().get(1);

    private static Api.Res register(Api as, String store, Object body) {
        return as.post("/stores/" + store + "/devices", body);
    }

    /** Register, connect as the device with the credentials given once, see it online; disconnect, see it offline. */
    @Test
    void aRegisteredDeviceConnectsWithItsCredentialsAndTheListShowsItOnline() throws Exception {
        String key = UUID.randomUUID().toString();
        Api.Res r = T.owner().post("/stores/" + S1 + "/devices", map("kind", "fridge_sensor", "name", "冷柜 1"), key);
        assertEquals(201, r.status(), r::toString);
        JsonNode d = r.json();
        String deviceId = d.get("deviceId").asText();
        assertEquals("zd-" + T.tenantId() + "-" + deviceId, d.get("thingName").asText());
        assertEquals(d.get("thingName").asText(), d.at("/credentials/clientId").asText());
        assertEquals(Local.instance().iot().endpoints().mqttPort(), d.at("/mqtt/port").asInt());
        assertEquals(deviceId, T.owner().post("/stores/" + S1 + "/devices", map("kind", "fridge_sensor", "name", "冷柜 1"), key)
                .json().get("deviceId").asText(), "a retry with the same Idempotency-Key registers nothing new");
        // the thing carries the attributes the broker's policy reads
        var thing = Local.instance().iot().registry().thing(d.get("thingName").asText()).orElseThrow();
        assertEquals(S1, thing.attributes().get("storeId"));
        assertEquals(T.tenantId(), thing.attributes().get("tenantId"));

        JsonNode listed = device(T.staff(S1), S1, deviceId);
        assertEquals("offline", listed.get("status").asText());
        assertTrue(listed.get("lastSeen").isNull());

        MqttClient device = connect(d, d.at("/credentials/password").asText());
        try {
            assertTrue(waitFor(() -> "online".equals(device(T.owner(), S1, deviceId).get("status").asText())), "online after connecting");
            assertFalse(device(T.owner(), S1, deviceId).get("lastSeen").isNull());
            // its own telemetry topic is allowed (a refused publish would close the connection)
            device.publish("zhidian/" + T.tenantId() + "/" + S1 + "/" + deviceId + "/telemetry", "{\"celsius\":3.5}".getBytes(), 1, false);
            assertTrue(device.isConnected());
        } finally {
            device.disconnect();
            device.close();
        }
        assertTrue(waitFor(() -> "offline".equals(device(T.owner(), S1, deviceId).get("status").asText())), "offline after leaving");
        MqttException refused = assertThrows(MqttException.class, () -> connect(d, "not-the-key"));
        assertEquals(MqttException.REASON_CODE_FAILED_AUTHENTICATION, refused.getReasonCode(), refused::toString);
    }

    @Test
    void aShelfLabelIsBoundToAValidGtin_andOtherKindsAreNot() {
        String gtin14 = Catalog.product(T.owner(), Catalog.category(T.owner(), "饮料"), "矿泉水");
        String gtin13 = gtin14.substring(1);
        Api.Res r = register(T.owner(), S1, map("kind", "esl", "name", "价签 A1", "gtin", gtin13));
        assertEquals(201, r.status(), r::toString);
        assertEquals(gtin14, r.json().get("gtin").asText());
        assertEquals(gtin14, device(T.owner(), S1, r.json().get("deviceId").asText()).get("gtin").asText());
        String wrongCheckDigit = gtin13.substring(0, 12) + (char) ('0' + (gtin13.charAt(12) - '0' + 1) % 10);
        assertFieldErrors(register(T.owner(), S1, map("kind", "esl", "name", "x", "gtin", wrongCheckDigit)), "gtin");
        assertFieldErrors(register(T.owner(), S1, map("kind", "locker", "name", "x", "gtin", gtin13)), "gtin");
        assertEquals("product.not_found", assertProblem(register(T.owner(), S1, map("kind", "esl", "name", "x", "gtin", Catalog.newGtin13())), 404)
                .get("code").asText());
        assertEquals("product.not_found", assertProblem(register(OTHER.owner(), OTHER.storeIds().get(0), map("kind", "esl", "name", "x", "gtin", gtin13)), 404)
                .get("code").asText(), "another tenant's product");
        assertFieldErrors(register(T.owner(), S1, map("kind", "toaster", "name", "")), "kind", "name");
        assertFieldErrors(register(T.owner(), S1, map("name", "x", "colour", "red")), "kind", "colour");
    }

    @Test
    void rolesStoresAndTenantsAreWalls() {
        assertProblem(register(T.staff(S1), S1, map("kind", "locker", "name", "柜")), 403);
        assertProblem(T.staff(S1).get("/stores/" + S2 + "/devices"), 404);
        assertProblem(OTHER.owner().get("/stores/" + S1 + "/devices"), 404);
        assertProblem(register(OTHER.owner(), S1, map("kind", "locker", "name", "柜")), 404);
        assertProblem(register(T.owner(), "st_nosuchstore", map("kind", "locker", "name", "柜")), 404);
        String id = register(T.owner(), S2, map("kind", "locker", "name", "柜")).json().get("deviceId").asText();
        assertProblem(OTHER.owner().delete("/stores/" + OTHER.storeIds().get(0) + "/devices/" + id), 404);
        assertProblem(T.owner().delete("/stores/" + S1 + "/devices/" + id), 404);
        assertTrue(T.owner().get("/stores/" + S1 + "/devices").json().get("items").findValuesAsText("deviceId").stream().noneMatch(id::equals));
    }

    @Test
    void decommissioningDeletesTheThingAndTheDevice() {
        JsonNode d = register(T.owner(), S2, map("kind", "energy_meter", "name", "电表")).json();
        String id = d.get("deviceId").asText();
        var registry = Local.instance().iot().registry();
        java.util.List<String> certificates = registry.principals(d.get("thingName").asText());
        assertEquals(1, certificates.size(), "one certificate attached");
        String certificateId = certificates.get(0).substring(certificates.get(0).lastIndexOf('/') + 1);
        assertTrue(registry.certificate(certificateId).isPresent());
        assertEquals(204, T.owner().delete("/stores/" + S2 + "/devices/" + id).status());
        assertTrue(registry.thing(d.get("thingName").asText()).isEmpty(), "the thing is deleted");
        assertTrue(registry.certificate(certificateId).isEmpty(), "its certificate detached, deactivated and deleted, as AWS requires");
        assertTrue(T.owner().get("/stores/" + S2 + "/devices").json().get("items").findValuesAsText("deviceId").stream().noneMatch(id::equals));
        assertProblem(T.owner().delete("/stores/" + S2 + "/devices/" + id), 404);
    }

    private static JsonNode device(Api as, String store, String deviceId) {
        Api.Res list = as.get("/stores/" + store + "/devices");
        assertEquals(200, list.status(), list::toString);
        for (JsonNode n : list.json().get("items")) if (n.get("deviceId").asText().equals(deviceId)) return n;
        throw new AssertionError("device " + deviceId + " not listed: " + list);
    }

    private static MqttClient connect(JsonNode registered, String password) throws MqttException {
        String uri = "tcp://" + registered.at("/mqtt/host").asText() + ":" + registered.at("/mqtt/port").asInt();
        MqttClient c = new MqttClient(uri, registered.at("/credentials/clientId").asText(), new MemoryPersistence());
        MqttConnectOptions o = new MqttConnectOptions();
        o.setMqttVersion(MqttConnectOptions.MQTT_VERSION_3_1_1);
        o.setUserName(registered.at("/credentials/clientId").asText());
        o.setPassword(password.toCharArray());
        o.setCleanSession(true);
        try {
            c.connect(o);
        } catch (MqttException e) {
            c.close();
            throw e;
        }
        return c;
    }

    private static boolean waitFor(java.util.function.BooleanSupplier condition) throws InterruptedException {
        for (int i = 0; i < 100; i++) {
            if (condition.getAsBoolean()) return true;
            Thread.sleep(100);
        }
        return false;
    }
}
