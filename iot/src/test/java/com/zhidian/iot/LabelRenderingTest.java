package com.zhidian.iot;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;

import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

class LabelRenderingTest {
    @Test
    void theHashIgnoresKeyOrderAndDoublesThatAreWholeNumbers() {
        Map<String, Object> fromCloud = new LinkedHashMap<>();
        fromCloud.put("price", 1299L);
        fromCloud.put("name", "Milk");
        fromCloud.put("promotion", Map.of("price", 999L, "endsAt", "2026-12-31T16:00:00Z"));
        Map<String, Object> fromGson = new HashMap<>();
        fromGson.put("promotion", Map.of("endsAt", "2026-12-31T16:00:00Z", "price", 999.0));
        fromGson.put("name", "Milk");
        fromGson.put("price", 1299.0);
        assertEquals(LabelRendering.hash(fromCloud), LabelRendering.hash(fromGson));
        fromGson.put("price", 1299.5);
        assertNotEquals(LabelRendering.hash(fromCloud), LabelRendering.hash(fromGson));
    }

    @Test
    void theHashIsTheSha256OfTheCanonicalJson() throws Exception {
        // sha256 of {"name":"Tea","price":500}
        String canonical = "{\"name\":\"Tea\",\"price\":500}";
        String expected = java.util.HexFormat.of().formatHex(java.security.MessageDigest.getInstance("SHA-256")
                .digest(canonical.getBytes(java.nio.charset.StandardCharsets.UTF_8)));
        assertEquals(expected, LabelRendering.hash(Map.of("price", 500L, "name", "Tea")));
    }

    @Test
    void aDeltaMergesNestedFieldsRemovesNullsAndReplacesValues() {
        Map<String, Object> shown = new LinkedHashMap<>(Map.of("price", 1299L, "promotion",
                Map.of("price", 999L, "endsAt", "x"), "spec", "1L"));
        Map<String, Object> delta = new HashMap<>();
        delta.put("promotion", Map.of("price", 899.0));
        delta.put("spec", null);
        delta.put("price", 1199.0);
        LabelRendering.merge(shown, delta);
        assertEquals(Map.of("price", 1199L, "promotion", Map.of("price", 899L, "endsAt", "x")), shown);
        LabelRendering.merge(shown, Map.of("promotion", false));
        assertEquals(Map.of("price", 1199L, "promotion", false), shown);
        assertEquals("¥11.99", LabelRendering.text(shown));
    }

    @Test
    void theTextShowsThePromotionAndTheUnitPriceTheCloudSent() {
        Map<String, Object> shown = new LinkedHashMap<>();
        LabelRendering.merge(shown, Map.of("name", "绿茶", "spec", "500ml", "price", 300.0,
                "promotion", Map.of("price", 250.0, "endsAt", "2099-01-01T00:00:00Z"),
                "unitPrice", Map.of("price", 50.0, "per", "100ml")));
        assertEquals("绿茶 500ml ¥2.50 (¥3.00) ¥0.50/100ml", LabelRendering.text(shown));
        LabelRendering.merge(shown, Map.of("promotion", false, "unitPrice", false));
        assertEquals("绿茶 500ml ¥3.00", LabelRendering.text(shown));
    }

    @Test
    void aFleetFileNamesItsDevices() throws Exception {
        List<DeviceConfig> devices = Fleet.read(new ObjectMapper().readTree("{\"host\":\"127.0.0.1\",\"port\":1883,"
                + "\"devices\":[{\"kind\":\"esl\",\"thingName\":\"t1-s1-e1\",\"tenantId\":\"t1\",\"storeId\":\"s1\","
                + "\"deviceId\":\"e1\",\"secret\":\"k\"}]}"));
        assertEquals(List.of(DeviceConfig.local("esl", "t1-s1-e1", "t1", "s1", "e1", "127.0.0.1", 1883, "k")), devices);
        assertEquals("zhidian/t1/s1/e1", devices.get(0).topicPrefix());
    }
}
