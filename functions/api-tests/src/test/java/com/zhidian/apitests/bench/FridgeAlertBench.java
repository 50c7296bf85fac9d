package com.zhidian.apitests.bench;

import static com.zhidian.apitests.support.Api.map;

import com.fasterxml.jackson.databind.JsonNode;
import com.zhidian.apitests.sensors.Sensors;
import com.zhidian.apitests.support.Fixtures;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Issue 21's latency figure, by hand (not a test of the build):
 * <pre>
 * ./mvnw -B -q -pl functions/api-tests -am test -Dskip.npm -Dtest=FridgeAlertBench -Dfridge.bench=60 -Dsurefire.failIfNoSpecifiedTests=false
 * </pre>
 * N fridge sensors of one store, each over the line for the store's minimum (1 minute) already: its reading that
 * completes the minute is published over MQTT (QoS 1) to Zhidian Local's broker, the IoT rule runs the ingest bean, and
 * the clock runs until {@code GET /alerts?storeId&state=open} shows that fridge's alert (polled every 5 ms). One
 * fridge at a time; p50, p99 and the maximum.
 */
class FridgeAlertBench {
    @org.junit.jupiter.api.Test
    @org.junit.jupiter.api.condition.EnabledIfSystemProperty(named = "fridge.bench", matches = "\\d+")
    void fridgeReadingOverTheLineToTheAlertInTheApi() throws Exception {
        int n = Integer.getInteger("fridge.bench");
        Fixtures.TenantFixture t = Fixtures.newTenant("premium", 1);
        String store = t.storeIds().get(0);
        Map<String, Object> settings = map("fridgeMaxC", 5.0, "fridgeMinutes", 1, "fridgeHysteresisC", 1.0, "defrostStart", "03:00",
                "defrostMinutes", 0, "silentMinutes", 15, "batteryLowPct", 20, "co2MaxPpm", 1000, "pm25Max", 75, "humidityMinPct", 30,
                "humidityMaxPct", 70, "opensAt", "00:00", "closesAt", "00:00", "closedWattsMax", 300, "queueMax", 8, "timeZone", "Asia/Shanghai");
        if (t.owner().put("/stores/" + store + "/alert-settings", settings).status() != 200) throw new AssertionError("settings");
        List<Long> micros = new ArrayList<>();
        for (int i = 0; i < n + 5; i++) {
            try (Sensors.Device fridge = Sensors.connect(t, store, "fridge_sensor", "冷柜 " + i)) {
                Instant now = Instant.now();
                fridge.send(1, now.minus(Duration.ofSeconds(61)), map("temperatureC", 6.0));
                // the first reading is in when the device's monitor exists: wait for its environment entry
                Sensors.until(() -> t.owner().get("/stores/" + store + "/environment"),
                        e -> e.get("places").findValuesAsText("deviceId").contains(fridge.deviceId()), "the first reading");
                long t0 = System.nanoTime();
                fridge.send(2, now, map("temperatureC", 6.5));
                while (true) {
                    JsonNode open = t.owner().get("/alerts?storeId=" + store + "&state=open&limit=100").json();
                    if (open.get("items").findValuesAsText("deviceId").contains(fridge.deviceId())) break;
                    if (System.nanoTime() - t0 > 10_000_000_000L) throw new AssertionError("no alert after 10 s");
                    Thread.sleep(5);
                }
                if (i >= 5) micros.add((System.nanoTime() - t0) / 1000);   // the first 5: warm-up
            }
        }
        micros.sort(null);
        System.out.printf(Locale.ROOT, "fridge alert bench: %d fridges, %d cores, Java %s%n", n, Runtime.getRuntime().availableProcessors(),
                System.getProperty("java.version"));
        System.out.printf(Locale.ROOT, "  reading published -> alert in GET /alerts: p50 %.1f ms, p99 %.1f ms, max %.1f ms%n",
                micros.get(micros.size() / 2) / 1000.0, micros.get(Math.min(micros.size() - 1, (int) Math.ceil(micros.size() * 0.99) - 1)) / 1000.0,
                micros.get(micros.size() - 1) / 1000.0);
    }
}
