package com.zhidian.apitests.sensors;

import static com.zhidian.apitests.support.Api.map;
import static com.zhidian.apitests.support.Problems.assertFieldErrors;
import static com.zhidian.apitests.support.Problems.assertProblem;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.zhidian.apitests.support.Api;
import com.zhidian.apitests.support.Fixtures;
import com.zhidian.apitests.support.Local;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Sensors end to end: devices publish real MQTT telemetry to Zhidian Local's broker, the IoT rule of template.yaml runs the
 * ingest (the Spring Cloud Function bean), and the API shows rollups, alerts and notifications.
 */
class SensorsApiTest {
    private static final Fixtures.TenantFixture T = Fixtures.newTenant("premium", 2);
    private static final Fixtures.TenantFixture OTHER = Fixtures.newTenant("basic", 1);
    private static final String S1 = T.storeIds().get(0);
    private static final String S2 = T.storeIds().get(1);

    private static Map<String, Object> settings(double fridgeMaxC, int fridgeMinutes) {
        return map("fridgeMaxC", fridgeMaxC, "fridgeMinutes", fridgeMinutes, "fridgeHysteresisC", 1.0, "defrostStart", "03:00", "defrostMinutes", 0,
                "silentMinutes", 15, "batteryLowPct", 20, "co2MaxPpm", 1000, "pm25Max", 75, "humidityMinPct", 30, "humidityMaxPct", 70,
                "opensAt", "00:00", "closesAt", "00:00", "closedWattsMax", 300, "queueMax", 8, "timeZone", "Asia/Shanghai");
    }

    /** A fridge warming up: over the line for longer than the store allows opens one alert, notified once; cooling closes it. */
    @Test
    void aWarmingFridgeRaisesOneAlert_staffAcknowledge_andItClosesWhenTheFridgeCools() {
        assertEquals(200, T.owner().put("/stores/" + S1 + "/alert-settings", settings(5.0, 2)).status());
        try (Sensors.Device fridge = Sensors.connect(T, S1, "fridge_sensor", "冷柜 A")) {
            Instant t0 = Instant.now().minus(Duration.ofMinutes(5));
            fridge.send(1, t0, map("temperatureC", 3.5, "doorOpen", false));
            fridge.send(2, t0.plus(Duration.ofMinutes(1)), map("temperatureC", 6.1, "doorOpen", true));
            fridge.send(3, t0.plus(Duration.ofMinutes(2)), map("temperatureC", 7.0, "doorOpen", false));
            fridge.send(4, t0.plus(Duration.ofMinutes(3)), map("temperatureC", 7.4, "doorOpen", false));
            fridge.send(4, t0.plus(Duration.ofMinutes(3)), map("temperatureC", 7.4, "doorOpen", false));   // a redelivery
            fridge.send(5, t0.plus(Duration.ofMinutes(4)), map("temperatureC", 7.6, "doorOpen", false));
            JsonNode open = Sensors.until(() -> T.staff(S1).get("/alerts?storeId=" + S1 + "&state=open"),
                    a -> a.get("items").findValuesAsText("deviceId").contains(fridge.deviceId()), "the fridge alert");
            JsonNode alert = null;
            for (JsonNode a : open.get("items")) if (a.get("deviceId").asText().equals(fridge.deviceId())) alert = a;
            assertEquals("fridge_warm", alert.get("rule").asText());
            assertEquals(t0.plus(Duration.ofMinutes(1)).toString(), alert.get("since").asText(), "since the first reading over the line");
            assertEquals(7.4, alert.at("/seen/temperatureC").asDouble(), "what was seen when it opened");
            assertFalse(alert.get("whatToDo").asText().isBlank());
            assertTrue(T.owner().with("Accept-Language", "zh-CN").get("/alerts/" + alert.get("alertId").asText()).json().get("summary").asText()
                    .contains("冷柜温度"));
            // one alert, one notification, however many readings over the line
            String id = alert.get("alertId").asText();
            Sensors.until(() -> T.staff(S1).get("/stores/" + S1 + "/environment"),
                    e -> e.get("places").findValuesAsText("deviceId").contains(fridge.deviceId()), "the fridge's readings");
            JsonNode notes = T.staff(S1).get("/notifications?storeId=" + S1).json();
            assertEquals(1, notes.get("items").findValuesAsText("alertId").stream().filter(id::equals).count());

            JsonNode acked = T.staff(S1).post("/alerts/" + id + "/acknowledge", null).json();
            assertEquals("acknowledged", acked.get("state").asText());
            assertEquals(200, T.owner().post("/alerts/" + id + "/acknowledge", map()).status(), "again: no change");

            fridge.send(6, t0.plus(Duration.ofMinutes(5)), map("temperatureC", 4.5));   // under the line, inside the hysteresis
            fridge.send(7, t0.plus(Duration.ofMinutes(5)).plusSeconds(30), map("temperatureC", 3.8));
            JsonNode resolved = Sensors.until(() -> T.owner().get("/alerts/" + id), a -> a.get("state").asText().equals("resolved"), "recovery");
            assertEquals("sensor", resolved.get("resolvedBy").asText());
            assertTrue(T.owner().get("/alerts?storeId=" + S1 + "&state=resolved").json().get("items").findValuesAsText("alertId").contains(id),
                    "in the history");
            assertEquals("alert.already_resolved", assertProblem(T.owner().post("/alerts/" + id + "/resolve", null), 409).get("code").asText());

            JsonNode env = T.owner().get("/stores/" + S1 + "/environment").json();
            for (JsonNode p : env.get("places")) {
                if (!p.get("deviceId").asText().equals(fridge.deviceId())) continue;
                assertEquals(3.8, p.at("/now/temperatureC").asDouble());
                assertEquals("fridge_sensor", p.get("kind").asText());
                assertFalse(p.get("hours").isEmpty());
            }
        }
    }

    /** Energy: the meter's counter becomes kWh by hour and circuit with the carbon estimate; traffic: visitors, occupancy, dwell. */
    @Test
    void energyAndTrafficRollUpByHour() {
        try (Sensors.Device meter = Sensors.connect(T, S2, "energy_meter", "总电表");
             Sensors.Device door = Sensors.connect(T, S2, "traffic_counter", "入口")) {
            Instant now = Instant.now();
            meter.send(1, now.minusSeconds(120), map("watts", 2000, "kwhTotal", 100.0, "circuit", "lighting"));
            meter.send(2, now.minusSeconds(60), map("watts", 2000, "kwhTotal", 100.5, "circuit", "lighting"));
            meter.send(3, now, map("watts", 2000, "kwhTotal", 101.25, "circuit", "lighting"));
            door.send(1, now.minusSeconds(120), map("visitorsIn", 6, "visitorsOut", 0, "zone", "entrance"));
            door.send(2, now.minusSeconds(60), map("visitorsIn", 4, "visitorsOut", 2, "zone", "entrance"));
            door.send(3, now, map("visitorsIn", 0, "visitorsOut", 3, "zone", "entrance"));
            String today = LocalDate.now(ZoneId.of("Asia/Shanghai")).toString();
            JsonNode energy = Sensors.until(() -> T.owner().get("/stores/" + S2 + "/energy?day=" + today), e -> e.get("kwh").asDouble() >= 1.25, "kWh");
            assertEquals(1.25, energy.get("kwh").asDouble(), 1e-9);
            assertEquals(1.25, energy.at("/byCircuit/lighting").asDouble(), 1e-9);
            assertEquals(Math.round(1.25 * energy.get("gridKgCo2PerKwh").asDouble() * 1000) / 1000.0, energy.get("carbonKg").asDouble(), 1e-9);
            assertEquals(24, energy.get("hours").size());
            assertEquals(7, energy.get("days").size());
            assertTrue(energy.get("baselineKwh").isNull(), "no history: no baseline");

            JsonNode traffic = Sensors.until(() -> T.staff(S2).get("/stores/" + S2 + "/traffic"), t -> t.get("visitors").asLong() == 10, "visitors");
            assertEquals(5, traffic.get("occupancyNow").asLong(), "10 in, 5 out");
            JsonNode zone = traffic.get("zones").get(0);
            assertEquals("entrance", zone.get("zone").asText());
            // occupancy 6 for a minute, then 8 for a minute: 14 occupancy-minutes over 10 visitors
            assertEquals(1.4, zone.get("dwellMinutes").asDouble(), 1e-6);
        }
    }

    /** The broker's policy refuses a device on another store's topic; a message that gets past it anyway is dropped by the ingest. */
    @Test
    void anotherStoresOrTenantsTopicIsRefused_andBadTelemetryIsDroppedAndCounted() throws Exception {
        try (Sensors.Device env = Sensors.connect(T, S1, "env_sensor", "前厅空气");
             Sensors.Device foreign = Sensors.connect(OTHER, OTHER.storeIds().get(0), "env_sensor", "别家")) {
            // what the policy lets through, the ingest still checks against the registry
            Local.instance().iot().publish("zhidian/" + T.tenantId() + "/" + S2 + "/" + env.deviceId() + "/telemetry",
                    ("{\"seq\":1,\"at\":\"" + Instant.now() + "\",\"readings\":{\"co2Ppm\":900}}").getBytes(StandardCharsets.UTF_8));
            Local.instance().iot().publish("zhidian/" + T.tenantId() + "/" + S1 + "/" + foreign.deviceId() + "/telemetry",
                    ("{\"seq\":1,\"at\":\"" + Instant.now() + "\",\"readings\":{\"co2Ppm\":900}}").getBytes(StandardCharsets.UTF_8));
            env.sendRaw("{\"seq\":1,\"at\":\"" + Instant.now() + "\",\"readings\":{\"co2Ppm\":\"lots\"}}");
            env.sendRaw("{\"seq\":2,\"at\":\"" + Instant.now().plus(Duration.ofHours(2)) + "\",\"readings\":{\"co2Ppm\":500}}");
            env.sendRaw("not json at all");
            env.sendRaw("{\"seq\":3,\"at\":\"" + Instant.now() + "\",\"readings\":{\"co2Ppm\":500,\"pad\":\"" + "x".repeat(5000) + "\"}}");
            env.send(4, Instant.now(), map("co2Ppm", 640, "humidityPct", 41.5, "temperatureC", 22.1, "zone", "front"));
            // the rules run in order: once the good one is in, every message before it was handled
            JsonNode e = Sensors.until(() -> T.owner().get("/stores/" + S1 + "/environment"),
                    x -> x.get("places").findValuesAsText("deviceId").contains(env.deviceId()), "the good reading");
            assertTrue(e.at("/droppedToday/bad_field").asLong() >= 1, e::toString);
            assertTrue(e.at("/droppedToday/too_large").asLong() >= 1, e::toString);
            assertTrue(e.at("/droppedToday/clock_skew").asLong() >= 1, e::toString);
            assertFalse(T.owner().get("/stores/" + S2 + "/environment").json().get("places").findValuesAsText("deviceId").contains(env.deviceId()),
                    "nothing stored for the store the topic named");
            assertFalse(e.get("places").findValuesAsText("deviceId").contains(foreign.deviceId()), "nothing of the other tenant's device");
            assertTrue(OTHER.owner().get("/stores/" + OTHER.storeIds().get(0) + "/environment").json().get("places").isEmpty());
            for (JsonNode p : e.get("places")) if (p.get("deviceId").asText().equals(env.deviceId())) assertEquals("front", p.get("zone").asText());

            // a device on another store's topic: the broker's policy refuses the publish and closes the connection
            try {
                env.mqtt().publish("zhidian/" + T.tenantId() + "/" + S2 + "/" + env.deviceId() + "/telemetry", "{}".getBytes(), 1, false);
            } catch (Exception refused) {
                // refused either way
            }
            Sensors.until(() -> T.owner().get("/stores/" + S1 + "/devices"), d -> !env.mqtt().isConnected(), "the refused publish to close the connection");
        }
    }

    /** The watch job (every minute; here on demand) finds a device quiet longer than its store allows; its next reading clears it. */
    @Test
    void aSilentDeviceIsFoundByTheWatchJob_andItsNextReadingClearsTheAlert() {
        Map<String, Object> s = settings(5.0, 15);
        s.put("silentMinutes", 2);
        assertEquals(200, T.owner().put("/stores/" + S2 + "/alert-settings", s).status());
        try (Sensors.Device fridge = Sensors.connect(T, S2, "fridge_sensor", "冷柜 安静")) {
            Instant last = Instant.now().minus(Duration.ofMinutes(10)).truncatedTo(java.time.temporal.ChronoUnit.SECONDS);
            fridge.send(1, last, map("temperatureC", 3.0));
            Sensors.until(() -> T.owner().get("/stores/" + S2 + "/environment"),
                    e -> e.get("places").findValuesAsText("deviceId").contains(fridge.deviceId()), "the reading");
            Api.Res run = Fixtures.anonymous().post("/local/schedules/TelemetryWatchFunction", null);
            assertEquals(200, run.status(), run::toString);
            JsonNode alerts = T.owner().get("/alerts?storeId=" + S2 + "&state=open").json();
            JsonNode silent = null;
            for (JsonNode a : alerts.get("items")) if (a.get("deviceId").asText().equals(fridge.deviceId())) silent = a;
            assertTrue(silent != null, alerts::toString);
            assertEquals("device_silent", silent.get("rule").asText());
            assertEquals(last.toString(), silent.get("since").asText(), "silent since its last reading");
            assertEquals(200, Fixtures.anonymous().post("/local/schedules/TelemetryWatchFunction", null).status());
            assertEquals(1, T.owner().get("/alerts?storeId=" + S2).json().get("items").findValuesAsText("deviceId").stream()
                    .filter(fridge.deviceId()::equals).count(), "once, however often the job runs");
            String id = silent.get("alertId").asText();
            fridge.send(2, Instant.now(), map("temperatureC", 3.1));
            assertEquals("sensor", Sensors.until(() -> T.owner().get("/alerts/" + id), a -> a.get("state").asText().equals("resolved"), "recovery")
                    .get("resolvedBy").asText());
        }
    }

    @Test
    void alertsAreWallsBetweenStoresTenantsAndRoles() {
        String id = Sensors.batteryAlert(T, S2);
        assertProblem(T.staff(S1).get("/alerts/" + id), 404);
        assertProblem(T.staff(S1).post("/alerts/" + id + "/acknowledge", null), 404);
        assertProblem(OTHER.owner().get("/alerts/" + id), 404);
        assertProblem(OTHER.owner().post("/alerts/" + id + "/resolve", null), 404);
        assertProblem(OTHER.owner().get("/alerts?storeId=" + S2), 404);
        assertProblem(T.staff(S1).get("/alerts?storeId=" + S2), 404);
        assertProblem(T.staff(S1).get("/stores/" + S2 + "/energy"), 404);
        assertProblem(T.staff(S2).put("/stores/" + S2 + "/alert-settings", settings(5, 15)), 403);
        assertEquals(401, Fixtures.anonymous().get("/alerts?storeId=" + S2).status());
        // without a store: the owner sees every store's alerts and notifications, a staff member only those of their stores
        assertTrue(T.owner().get("/alerts").json().get("items").findValuesAsText("alertId").contains(id));
        assertTrue(T.staff(S2).get("/alerts").json().get("items").findValuesAsText("alertId").contains(id));
        assertFalse(T.staff(S1).get("/alerts").json().get("items").findValuesAsText("alertId").contains(id));
        assertTrue(T.owner().get("/notifications").json().get("items").findValuesAsText("alertId").contains(id));
        assertFalse(T.staff(S1).get("/notifications").json().get("items").findValuesAsText("alertId").contains(id));
        assertFalse(OTHER.owner().get("/alerts").json().get("items").findValuesAsText("alertId").contains(id));
        JsonNode resolved = T.staff(S2).post("/alerts/" + id + "/resolve", map()).json();
        assertEquals("resolved", resolved.get("state").asText());
        assertTrue(resolved.get("resolvedBy").asText().length() > 0);
        assertEquals("alert.not_found", assertProblem(T.owner().get("/alerts/al_nosuchalert"), 404).get("code").asText());
    }

    @Test
    void badInputOnEveryRouteIsA400NamingTheField() {
        assertFieldErrors(T.owner().get("/alerts?storeId=st!1"), "storeId");
        assertFieldErrors(T.owner().get("/alerts?storeId=" + S1 + "&state=closed"), "state");
        assertFieldErrors(T.owner().get("/notifications?storeId=" + "x".repeat(65)), "storeId");
        assertFieldErrors(T.owner().get("/stores/" + S1 + "/energy?day=2026-13-40"), "day");
        assertFieldErrors(T.owner().get("/stores/" + S1 + "/environment?day=yesterday"), "day");
        assertFieldErrors(T.owner().get("/stores/" + S1 + "/traffic?day=1999-01-01"), "day");
        Map<String, Object> bad = settings(5.05, 0);
        bad.put("defrostStart", "25:00");
        bad.put("humidityMaxPct", 30);
        bad.put("colour", "red");
        bad.put("timeZone", "+08:00");
        assertFieldErrors(T.owner().put("/stores/" + S1 + "/alert-settings", bad), "fridgeMaxC", "fridgeMinutes", "defrostStart", "humidityMaxPct",
                "colour", "timeZone");
        Map<String, Object> missing = settings(5, 15);
        missing.remove("queueMax");
        assertFieldErrors(T.owner().put("/stores/" + S1 + "/alert-settings", missing), "queueMax");
        String id = Sensors.batteryAlert(T, S1);
        assertFieldErrors(T.owner().post("/alerts/" + id + "/acknowledge", map("note", "x")), "note");
        assertEquals("open", T.owner().get("/alerts/" + id).json().get("state").asText(), "a refused request changes nothing");
        JsonNode back = T.owner().get("/stores/" + S1 + "/alert-settings").json();
        assertTrue(back.has("fridgeMaxC"));
    }

    @Test
    void settingsDefaultUntilTheOwnerSetsThem() {
        String store = OTHER.storeIds().get(0);
        JsonNode d = OTHER.owner().get("/stores/" + store + "/alert-settings").json();
        assertEquals(5.0, d.get("fridgeMaxC").asDouble());
        assertEquals("Asia/Shanghai", d.get("timeZone").asText());
        Map<String, Object> s = settings(4.5, 20);
        s.put("defrostStart", "23:30");
        s.put("defrostMinutes", 45);
        Api.Res put = OTHER.owner().put("/stores/" + store + "/alert-settings", s);
        assertEquals(200, put.status(), put::toString);
        JsonNode back = OTHER.owner().get("/stores/" + store + "/alert-settings").json();
        assertEquals(4.5, back.get("fridgeMaxC").asDouble());
        assertEquals("23:30", back.get("defrostStart").asText());
        assertEquals(45, back.get("defrostMinutes").asInt());
    }
}
