package com.zhidian.apitests.sensors;

import static com.zhidian.apitests.support.Api.map;
import static com.zhidian.apitests.support.Problems.assertFieldErrors;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.zhidian.apitests.support.Fixtures;
import com.zhidian.apitests.support.TenantSessions;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * Issue 21's last rules, end to end over MQTT (the broker, the IoT rule's sqs action, the telemetry queue, the ingest in
 * batches): an alert's SMS to the store's alert phones (once; quiet hours deferring non-urgent ones; the local outbox);
 * a shelf label reporting failed; silence from the broker's lifecycle disconnects; the store-wide usual.
 */
class AlertTextsLabelsPresenceApiTest {
    private static final Fixtures.TenantFixture T = Fixtures.newTenant("premium", 3);
    private static final String S1 = T.storeIds().get(0), S2 = T.storeIds().get(1), S3 = T.storeIds().get(2);
    private static final ZoneId SHANGHAI = ZoneId.of("Asia/Shanghai");
    private static final String PHONE = "+8613800138000";

    private static Map<String, Object> settings() {
        return map("fridgeMaxC", 5.0, "fridgeMinutes", 1, "fridgeHysteresisC", 1.0, "defrostStart", "03:00", "defrostMinutes", 0,
                "silentMinutes", 2, "batteryLowPct", 20, "co2MaxPpm", 1000, "pm25Max", 75, "humidityMinPct", 30, "humidityMaxPct", 70,
                "opensAt", "00:00", "closesAt", "00:00", "closedWattsMax", 300, "queueMax", 8, "timeZone", "Asia/Shanghai");
    }

    private static JsonNode alertOf(String storeId, String deviceId, String rule, String state) {
        return find(Sensors.until(() -> T.owner().get("/alerts?storeId=" + storeId + "&state=" + state + "&limit=100"),
                p -> find(p, deviceId, rule) != null, rule + " of " + deviceId), deviceId, rule);
    }

    private static JsonNode find(JsonNode page, String deviceId, String rule) {
        for (JsonNode a : page.get("items")) if (a.get("deviceId").asText().equals(deviceId) && a.get("rule").asText().equals(rule)) return a;
        return null;
    }

    private static List<Map<String, AttributeValue>> outbox() throws Exception {
        try (TenantSessions sessions = new TenantSessions()) {
            DynamoDbClient db = sessions.asTenant(T.tenantId());
            return new ArrayList<>(db.query(b -> b.tableName(sessions.tableName()).keyConditionExpression("pk = :pk")
                    .expressionAttributeValues(Map.of(":pk", AttributeValue.fromS("T#" + T.tenantId() + "#SMSOUTBOX")))).items());
        }
    }

    @Test
    void anAlertIsTextedOnceToTheStoresPhones_quietHoursDeferAllButAWarmFridge() throws Exception {
        Map<String, Object> bad = settings();
        bad.put("alertPhones", List.of("13800138000"));
        assertFieldErrors(T.owner().put("/stores/" + S1 + "/alert-settings", bad), "alertPhones[0]");
        Map<String, Object> s = settings();
        s.put("alertPhones", List.of(PHONE));
        s.put("smsQuietStart", "00:00");
        s.put("smsQuietEnd", "00:00");   // none
        JsonNode put = T.owner().put("/stores/" + S1 + "/alert-settings", s).json();
        assertEquals(List.of(PHONE), List.of(put.get("alertPhones").get(0).asText()));
        try (Sensors.Device fridge = Sensors.connect(T, S1, "fridge_sensor", "冷柜 短信")) {
            fridge.send(1, Instant.now(), map("batteryPct", 5));
            JsonNode a = alertOf(S1, fridge.deviceId(), "battery_low", "open");
            JsonNode sms = Sensors.until(() -> T.owner().get("/alerts/" + a.get("alertId").asText()), x -> x.has("sms"), "the SMS").get("sms");
            assertEquals("sent", sms.get("state").asText(), sms::toString);
            assertEquals("local_outbox", sms.get("via").asText());
            assertEquals("+86138****8000", sms.get("to").get(0).asText());
            // the battery stays low: the alert stays the one alert, and its SMS the one SMS
            fridge.send(2, Instant.now(), map("batteryPct", 4));
            fridge.send(3, Instant.now(), map("batteryPct", 3));
            Sensors.until(() -> T.owner().get("/stores/" + S1 + "/environment"), e -> e.toString().contains("\"batteryPct\":3"), "the last reading");
            List<Map<String, AttributeValue>> texts = outbox();
            assertEquals(1, texts.size(), texts::toString);
            assertEquals(PHONE, texts.get(0).get("phone").s());
            assertTrue(texts.get(0).get("text").s().startsWith("【智店】门店告警：设备电量低"), texts.get(0).get("text").s());
        }
        // quiet hours around now: a low battery waits for their end; a fridge too warm does not
        ZonedDateTime local = ZonedDateTime.now(SHANGHAI);
        Map<String, Object> quiet = settings();
        quiet.put("alertPhones", List.of(PHONE));
        quiet.put("smsQuietStart", local.minusHours(1).toLocalTime().truncatedTo(ChronoUnit.MINUTES).toString());
        quiet.put("smsQuietEnd", local.plusHours(1).toLocalTime().truncatedTo(ChronoUnit.MINUTES).toString());
        assertEquals(200, T.owner().put("/stores/" + S2 + "/alert-settings", quiet).status());
        try (Sensors.Device fridge = Sensors.connect(T, S2, "fridge_sensor", "冷柜 夜间")) {
            fridge.send(1, Instant.now().minus(Duration.ofMinutes(3)), map("temperatureC", 9.0, "batteryPct", 5));
            fridge.send(2, Instant.now(), map("temperatureC", 9.5, "batteryPct", 5));
            JsonNode battery = alertOf(S2, fridge.deviceId(), "battery_low", "open");
            JsonNode warm = alertOf(S2, fridge.deviceId(), "fridge_warm", "open");
            JsonNode deferred = Sensors.until(() -> T.owner().get("/alerts/" + battery.get("alertId").asText()), x -> x.has("sms"), "the SMS").get("sms");
            assertEquals("deferred", deferred.get("state").asText(), deferred::toString);
            assertEquals(local.plusHours(1).truncatedTo(ChronoUnit.MINUTES).toInstant().toString(), deferred.get("until").asText());
            JsonNode urgent = Sensors.until(() -> T.owner().get("/alerts/" + warm.get("alertId").asText()), x -> x.has("sms"), "the SMS").get("sms");
            assertEquals("sent", urgent.get("state").asText(), urgent::toString);
            assertEquals(2, outbox().size());
        }
    }

    @Test
    void aShelfLabelReportingFailedRaisesOneAlert_resolvedWhenItReportsOk() {
        assertEquals(200, T.owner().put("/stores/" + S3 + "/alert-settings", settings()).status());
        try (Sensors.Device label = Sensors.connect(T, S3, "esl", "价签 A-01")) {
            label.send(1, Instant.now(), map("status", "failed", "batteryPct", 80));
            label.send(2, Instant.now().plusMillis(10), map("status", "failed"));
            JsonNode a = alertOf(S3, label.deviceId(), "label_failed", "open");
            assertEquals("failed", a.at("/seen/status").asText());
            assertEquals(1, T.owner().get("/alerts?storeId=" + S3 + "&limit=100").json().get("items").findValuesAsText("rule").stream()
                    .filter("label_failed"::equals).count(), "once");
            label.send(3, Instant.now().plusMillis(20), map("status", "ok"));
            JsonNode resolved = Sensors.until(() -> T.owner().get("/alerts/" + a.get("alertId").asText()),
                    x -> x.get("state").asText().equals("resolved"), "recovery");
            assertEquals("sensor", resolved.get("resolvedBy").asText());
            label.send(4, Instant.now().plusMillis(30), map("status", "broken"));   // not a status: dropped and counted
            Sensors.until(() -> T.owner().get("/stores/" + S3 + "/environment"), e -> e.at("/droppedToday/bad_field").asLong() >= 1, "the drop");
        }
    }

    /**
     * Silence from the broker's lifecycle events: a label (which sends no telemetry) that disconnects is silent once the
     * store's 2 minutes have passed; one that reconnects in time is not. Real time: this test waits those minutes.
     */
    @Test
    void aDeviceThatDisconnectsIsSilentAfterTheStoresMinutes_unlessItReconnects() throws Exception {
        assertEquals(200, T.owner().put("/stores/" + S3 + "/alert-settings", settings()).status());
        Sensors.Device gone = Sensors.connect(T, S3, "esl", "价签 断开");
        Sensors.Device back = Sensors.connect(T, S3, "esl", "价签 重连");
        Instant disconnected = Instant.now();
        gone.close();
        back.mqtt().disconnect();
        Sensors.reconnect(back);
        try {
            JsonNode silent = null;
            for (int i = 0; i < 40 && silent == null; i++) {   // the watch runs every minute; here every 5 s until it finds it
                Thread.sleep(5000);
                assertEquals(200, Fixtures.anonymous().post("/local/schedules/TelemetryWatchFunction", null).status());
                silent = find(T.owner().get("/alerts?storeId=" + S3 + "&state=open&limit=100").json(), gone.deviceId(), "device_silent");
            }
            assertTrue(silent != null, "the disconnected label was never found silent");
            assertTrue(Duration.between(disconnected, Instant.parse(silent.get("openedAt").asText())).toSeconds() >= 120, silent::toString);
            assertTrue(Instant.parse(silent.at("/seen/disconnectedAt").asText()).isAfter(disconnected.minusSeconds(1)), silent::toString);
            assertNull(find(T.owner().get("/alerts?storeId=" + S3 + "&limit=100").json(), back.deviceId(), "device_silent"), "it came back");
        } finally {
            back.close();
        }
    }

    /** The store's meters together against the store's usual: two circuits, each within its own usual, together above the store's. */
    @Test
    void theStoresTotalIsJudgedAgainstTheStoresUsual() throws Exception {
        assertEquals(200, T.owner().put("/stores/" + S2 + "/alert-settings", settings()).status());
        Instant hour = Instant.now().truncatedTo(ChronoUnit.HOURS);
        try (Sensors.Device lights = Sensors.connect(T, S2, "energy_meter", "照明电表");
             Sensors.Device hvac = Sensors.connect(T, S2, "energy_meter", "空调电表");
             TenantSessions sessions = new TenantSessions()) {
            DynamoDbClient db = sessions.asTenant(T.tenantId());
            // the last 3 weeks' same hour: lights 2 kWh, hvac 2 kWh each week (each meter's usual 2, the store's 4)
            for (int w = 1; w <= 3; w++) {
                String h = ZonedDateTime.ofInstant(hour, SHANGHAI).minusWeeks(w).toInstant().toString().substring(0, 13);
                for (Sensors.Device d : List.of(lights, hvac)) {
                    db.putItem(b -> b.tableName(sessions.tableName()).item(Map.of(
                            "pk", AttributeValue.fromS("T#" + T.tenantId() + "#TELHOUR#" + S2),
                            "sk", AttributeValue.fromS("E#" + h + "#" + d.deviceId()),
                            "circuit", AttributeValue.fromS(d == lights ? "lighting" : "hvac"),
                            "n_kwh", AttributeValue.fromN("60"), "s_kwh", AttributeValue.fromN("2"))));
                }
            }
            lights.send(1, hour.plusSeconds(1), map("watts", 100, "kwhTotal", 500.0, "circuit", "lighting"));
            hvac.send(1, hour.plusSeconds(1), map("watts", 100, "kwhTotal", 800.0, "circuit", "hvac"));
            lights.send(2, hour.plusSeconds(2), map("watts", 100, "kwhTotal", 500.6, "circuit", "lighting"));
            hvac.send(2, hour.plusSeconds(2), map("watts", 100, "kwhTotal", 800.6, "circuit", "hvac"));
            // 0.6 kWh each: 2.4 a full hour per meter (not above 1.5 × 2), 4.8 for the store (not above 1.5 × 4) ...
            Sensors.until(() -> T.owner().get("/stores/" + S2 + "/energy"), e -> e.toString().contains("hvac"), "the readings");
            assertNull(find(T.owner().get("/alerts?storeId=" + S2 + "&limit=100").json(), S2, "store_energy_above_usual"));
            // ... then 0.8 kWh more each: 2.8 kWh so far, 11.2 for the full hour against the store's 4 (each meter against its
            // own 2 too: the meters' alerts are their own, the store's is one more)
            lights.send(3, hour.plusSeconds(3), map("watts", 100, "kwhTotal", 501.4, "circuit", "lighting"));
            hvac.send(3, hour.plusSeconds(3), map("watts", 100, "kwhTotal", 801.4, "circuit", "hvac"));
            JsonNode a = alertOf(S2, S2, "store_energy_above_usual", "active");
            assertEquals(4.0, a.at("/seen/usual").asDouble());
            assertEquals(3, a.at("/seen/weeks").asInt());
            assertEquals(2, a.at("/seen/meters").asInt());
            assertEquals(11.2, a.at("/seen/value").asDouble(), 0.01);
            assertEquals(1, T.owner().get("/alerts?storeId=" + S2 + "&limit=100").json().get("items").findValuesAsText("rule").stream()
                    .filter("store_energy_above_usual"::equals).count(), "once");
        }
    }
}
