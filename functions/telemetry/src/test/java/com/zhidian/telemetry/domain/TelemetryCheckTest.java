package com.zhidian.telemetry.domain;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class TelemetryCheckTest {
    static final Instant NOW = Instant.parse("2026-12-04T02:00:00Z");

    private static Map<String, Object> msg(Object readings) {
        Map<String, Object> m = new HashMap<>(Map.of("kind", "env_sensor", "deviceId", "dv_1", "seq", 7, "at", NOW.toString()));
        m.put("readings", readings);
        return m;
    }

    private static TelemetryCheck.Result check(Map<String, Object> m) {
        return TelemetryCheck.check(m, 200, "tn_1", "st_1", "dv_1", "st_1", "env_sensor", NOW);
    }

    @Test
    void aGoodReadingIsAccepted() {
        TelemetryCheck.Result r = check(msg(Map.of("temperatureC", 22.5, "humidityPct", 45, "co2Ppm", 600, "zone", "floor")));
        assertTrue(r.accepted());
        assertEquals(45.0, r.reading().metric("humidityPct"));
        assertEquals("floor", r.reading().zone());
    }

    @Test
    void everyKindOfBadMessageIsDroppedWithItsReason() {
        assertEquals(TelemetryCheck.Drop.BAD_FIELD, check(msg(Map.of("temperatureC", "22"))).drop(), "a string for a number");
        assertEquals(TelemetryCheck.Drop.BAD_FIELD, check(msg(Map.of("temperatureC", 900))).drop(), "out of physical range");
        assertEquals(TelemetryCheck.Drop.BAD_FIELD, check(msg(Map.of("watts", 10))).drop(), "not a metric of this kind");
        assertEquals(TelemetryCheck.Drop.BAD_FIELD, check(msg(Map.of())).drop());
        assertEquals(TelemetryCheck.Drop.BAD_FIELD, check(msg(List.of(1, 2))).drop());
        assertEquals(TelemetryCheck.Drop.BAD_FIELD, check(msg(Map.of("zone", "Front Door!"))).drop());
        Map<String, Object> skewed = msg(Map.of("co2Ppm", 500));
        skewed.put("at", NOW.plusSeconds(3600).toString());
        assertEquals(TelemetryCheck.Drop.CLOCK_SKEW, check(skewed).drop());
        skewed.put("at", NOW.minusSeconds(3 * 86400).toString());
        assertEquals(TelemetryCheck.Drop.CLOCK_SKEW, check(skewed).drop());
        skewed.put("at", "yesterday");
        assertEquals(TelemetryCheck.Drop.BAD_FIELD, check(skewed).drop());
        Map<String, Object> extra = msg(Map.of("co2Ppm", 500));
        extra.put("firmware", "1.2");
        assertEquals(TelemetryCheck.Drop.BAD_FIELD, check(extra).drop());
        Map<String, Object> seq = msg(Map.of("co2Ppm", 500));
        seq.put("seq", 1.5);
        assertEquals(TelemetryCheck.Drop.BAD_FIELD, check(seq).drop());
        assertEquals(TelemetryCheck.Drop.TOO_LARGE, TelemetryCheck.check(msg(Map.of("co2Ppm", 1)), 5000, "tn_1", "st_1", "dv_1", "st_1", "env_sensor", NOW).drop());
    }

    @Test
    void theRegistryDecidesWhoMaySend() {
        Map<String, Object> m = msg(Map.of("co2Ppm", 500));
        assertEquals(TelemetryCheck.Drop.UNKNOWN_DEVICE, TelemetryCheck.check(m, 10, "tn_1", "st_1", "dv_1", null, null, NOW).drop());
        assertEquals(TelemetryCheck.Drop.WRONG_STORE, TelemetryCheck.check(m, 10, "tn_1", "st_2", "dv_1", "st_1", "env_sensor", NOW).drop());
        assertEquals(TelemetryCheck.Drop.NOT_A_SENSOR, TelemetryCheck.check(m, 10, "tn_1", "st_1", "dv_1", "st_1", "locker", NOW).drop());
        // a shelf label reports only its status and battery
        assertEquals(TelemetryCheck.Drop.BAD_FIELD, TelemetryCheck.check(m, 10, "tn_1", "st_1", "dv_1", "st_1", "esl", NOW).drop());
        Map<String, Object> failed = msg(Map.of("status", "failed")), broken = msg(Map.of("status", "broken"));
        failed.put("kind", "esl");
        broken.put("kind", "esl");
        assertEquals(1.0, TelemetryCheck.check(failed, 10, "tn_1", "st_1", "dv_1", "st_1", "esl", NOW).reading().metric("failed"));
        assertEquals(TelemetryCheck.Drop.BAD_FIELD, TelemetryCheck.check(broken, 10, "tn_1", "st_1", "dv_1", "st_1", "esl", NOW).drop());
        assertEquals(TelemetryCheck.Drop.BAD_TOPIC, TelemetryCheck.check(m, 10, "tn_1", "st/1", "dv_1", "st_1", "env_sensor", NOW).drop());
        assertEquals(TelemetryCheck.Drop.BAD_FIELD, TelemetryCheck.check(m, 10, "tn_1", "st_1", "dv_1", "st_1", "fridge_sensor", NOW).drop(),
                "the message says it is an env_sensor, the registry a fridge");
    }
}
