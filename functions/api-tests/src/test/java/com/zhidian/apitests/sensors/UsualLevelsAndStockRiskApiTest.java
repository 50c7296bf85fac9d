package com.zhidian.apitests.sensors;

import static com.zhidian.apitests.support.Api.map;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.zhidian.apitests.catalog.Catalog;
import com.zhidian.apitests.support.Api;
import com.zhidian.apitests.support.Fixtures;
import com.zhidian.apitests.support.TenantSessions;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * The alerts that weigh a store against its usual: energy above the meter's usual for the hour and weekday and a traffic
 * spike, through real MQTT telemetry and the ingest bean (the earlier weeks' hour rollups are written underneath, as the
 * ingest would have written them, since a device may not send readings weeks old); and the hourly stock-out-risk job
 * over real orders and stock. The rules run on the readings' own times (this hour's first seconds), not the wall clock.
 */
class UsualLevelsAndStockRiskApiTest {
    private static final Fixtures.TenantFixture T = Fixtures.newTenant("premium", 1);
    private static final String S = T.storeIds().get(0);
    private static final ZoneId SHANGHAI = ZoneId.of("Asia/Shanghai");

    /** This hour's usual for a device: {@code sum} of {@code metric} in the same hour and weekday of the last {@code weeks} weeks. */
    private static void usual(String kindLetter, String deviceId, String metric, double sum, int weeks, Instant hour) throws Exception {
        try (TenantSessions sessions = new TenantSessions()) {
            DynamoDbClient db = sessions.asTenant(T.tenantId());
            for (int w = 1; w <= weeks; w++) {
                String h = ZonedDateTime.ofInstant(hour, SHANGHAI).minusWeeks(w).toInstant().toString().substring(0, 13);
                db.putItem(b -> b.tableName(sessions.tableName()).item(Map.of(
                        "pk", AttributeValue.fromS("T#" + T.tenantId() + "#TELHOUR#" + S),
                        "sk", AttributeValue.fromS(kindLetter + "#" + h + "#" + deviceId),
                        "n_" + metric, AttributeValue.fromN("60"), "s_" + metric, AttributeValue.fromN(Double.toString(sum)))));
            }
        }
    }

    private static List<JsonNode> alerts(String rule, String subject, String state) {
        List<JsonNode> out = new ArrayList<>();
        for (JsonNode a : T.owner().get("/alerts?storeId=" + S + "&state=" + state + "&limit=100").json().get("items")) {
            if (rule.equals(a.get("rule").asText()) && subject.equals(a.get("deviceId").asText())) out.add(a);
        }
        return out;
    }

    private static JsonNode oneAlert(String rule, String subject) {
        JsonNode page = Sensors.until(() -> T.owner().get("/alerts?storeId=" + S + "&state=active&limit=100"),
                p -> p.get("items").findValuesAsText("rule").contains(rule) && p.get("items").findValuesAsText("deviceId").contains(subject),
                "the " + rule + " alert");
        List<JsonNode> found = alerts(rule, subject, "active");
        assertEquals(1, found.size(), () -> "one alert, not one a reading: " + page);
        return found.get(0);
    }

    @Test
    void energyAboveTheMetersUsualForThisHourAndWeekday_opensOneAlert_sayingWhatWasSeenAndWhatToDo() throws Exception {
        Instant hour = Instant.now().truncatedTo(ChronoUnit.HOURS);
        try (Sensors.Device meter = Sensors.connect(T, S, "energy_meter", "空调电表")) {
            usual("E", meter.deviceId(), "kwh", 2.0, 3, hour);
            meter.send(1, hour.plusSeconds(1), map("watts", 9000, "kwhTotal", 1000.0, "circuit", "hvac"));
            meter.send(2, hour.plusSeconds(2), map("watts", 9000, "kwhTotal", 1002.0, "circuit", "hvac"));
            meter.send(3, hour.plusSeconds(3), map("watts", 9000, "kwhTotal", 1010.0, "circuit", "hvac"));
            JsonNode a = oneAlert("energy_above_usual", meter.deviceId());
            // 2 kWh in the hour's first minutes, counted over at least 15 minutes: 8 kWh for the hour against a usual of 2
            assertEquals(8.0, a.at("/seen/value").asDouble());
            assertEquals(2.0, a.at("/seen/usual").asDouble());
            assertEquals(3, a.at("/seen/weeks").asInt());
            assertEquals("hvac", a.at("/seen/circuit").asText());
            assertEquals(hour.plusSeconds(2).toString(), a.get("since").asText());
            assertFalse(a.get("whatToDo").asText().isBlank());
            assertTrue(T.owner().with("Accept-Language", "zh-CN").get("/alerts/" + a.get("alertId").asText()).json().get("summary").asText()
                    .contains("平时"));
            meter.send(4, hour.plusSeconds(4), map("watts", 9000, "kwhTotal", 1012.0, "circuit", "hvac"));
            Sensors.until(() -> T.owner().get("/stores/" + S + "/energy"), e -> e.get("kwh").asDouble() >= 12.0, "the fourth reading");
            assertEquals(1, alerts("energy_above_usual", meter.deviceId(), "active").size(), "still one");
        }
    }

    @Test
    void aTrafficSpikeAgainstTheUsualForTheHour_opensOnce_andAStoreWithoutHistoryIsNotAlarmed() throws Exception {
        Instant hour = Instant.now().truncatedTo(ChronoUnit.HOURS);
        try (Sensors.Device door = Sensors.connect(T, S, "traffic_counter", "正门");
             Sensors.Device newDoor = Sensors.connect(T, S, "traffic_counter", "侧门")) {
            usual("T", door.deviceId(), "visitorsIn", 10.0, 2, hour);
            door.send(1, hour.plusSeconds(1), map("visitorsIn", 15, "visitorsOut", 0, "zone", "entrance"));
            door.send(2, hour.plusSeconds(2), map("visitorsIn", 10, "visitorsOut", 5, "zone", "entrance"));
            newDoor.send(1, hour.plusSeconds(1), map("visitorsIn", 300, "visitorsOut", 0, "zone", "side"));
            JsonNode a = oneAlert("traffic_spike", door.deviceId());
            assertEquals(25, a.at("/seen/value").asInt());
            assertEquals(10.0, a.at("/seen/usual").asDouble());
            assertEquals("entrance", a.at("/seen/zone").asText());
            Sensors.until(() -> T.owner().get("/stores/" + S + "/traffic"), t -> t.get("zones").findValuesAsText("zone").contains("side"),
                    "the side door's visitors");
            assertTrue(alerts("traffic_spike", newDoor.deviceId(), "active").isEmpty(), "no usual yet: no alert");
        }
    }

    @Test
    void aProductSellingFasterThanItsStockLasts_raisesOneStockOutRiskAlert_resolvedWhenStockLastsAgain() {
        String gtin = Catalog.stocked(T, S);   // 24 received
        Api.Res o = T.owner().post("/orders", map("storeId", S, "channel", "pos", "fulfilment", "in_store",
                "lines", List.of(map("gtin", gtin, "qty", 21))), UUID.randomUUID().toString());
        assertEquals(201, o.status(), o::toString);
        Api.Res p = T.owner().post("/orders/" + o.json().get("orderId").asText() + "/payments", map("method", "cash", "tendered", 10_000),
                UUID.randomUUID().toString());
        assertEquals(200, p.status(), p::toString);
        // 21 sold this week (3 a day), 3 left: one day of stock
        assertEquals(200, Fixtures.anonymous().post("/local/schedules/StockRiskFunction", null).status());
        JsonNode a = oneAlert("stock_out_risk", gtin);
        assertEquals(3, a.at("/seen/available").asLong());
        assertEquals(3.0, a.at("/seen/perDay").asDouble());
        assertEquals(1.0, a.at("/seen/daysLeft").asDouble());
        assertTrue(a.get("summary").asText().contains(gtin));
        assertEquals(200, Fixtures.anonymous().post("/local/schedules/StockRiskFunction", null).status());
        assertEquals(1, alerts("stock_out_risk", gtin, "active").size(), "raised once, however many runs");
        assertEquals(1, T.owner().get("/notifications?storeId=" + S).json().get("items").findValuesAsText("alertId").stream()
                .filter(a.get("alertId").asText()::equals).count(), "notified once");

        Api.Res r = T.owner().post("/stores/" + S + "/stock/" + gtin + "/receipts", map("quantity", 30, "cost", 120, "reference", "DN-2"));
        assertEquals(201, r.status(), r::toString);
        assertEquals(200, Fixtures.anonymous().post("/local/schedules/StockRiskFunction", null).status());
        JsonNode after = T.owner().get("/alerts/" + a.get("alertId").asText()).json();
        assertEquals("resolved", after.get("state").asText(), "33 left lasts 11 days");
        assertEquals("system", after.get("resolvedBy").asText());
    }
}
