package com.zhidian.telemetry.store;

import com.zhidian.telemetry.domain.AlertSettings;
import java.time.LocalTime;
import java.util.LinkedHashMap;
import java.util.Map;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/** A store's alert settings as an item of {@code T#<tenant>#TELSET}, sk the store id. */
final class SettingsCodec {
    private SettingsCodec() {}

    static Map<String, AttributeValue> item(String tenantId, String storeId, AlertSettings s) {
        Map<String, AttributeValue> i = new LinkedHashMap<>();
        i.put("pk", AttributeValue.fromS(Keys.settings(tenantId)));
        i.put("sk", AttributeValue.fromS(storeId));
        i.put("fridgeMaxC", n(s.fridgeMaxC()));
        i.put("fridgeMinutes", n(s.fridgeMinutes()));
        i.put("fridgeHysteresisC", n(s.fridgeHysteresisC()));
        i.put("defrostStart", AttributeValue.fromS(s.defrostStart().toString()));
        i.put("defrostMinutes", n(s.defrostMinutes()));
        i.put("silentMinutes", n(s.silentMinutes()));
        i.put("batteryLowPct", n(s.batteryLowPct()));
        i.put("co2MaxPpm", n(s.co2MaxPpm()));
        i.put("pm25Max", n(s.pm25Max()));
        i.put("humidityMinPct", n(s.humidityMinPct()));
        i.put("humidityMaxPct", n(s.humidityMaxPct()));
        i.put("opensAt", AttributeValue.fromS(s.opensAt().toString()));
        i.put("closesAt", AttributeValue.fromS(s.closesAt().toString()));
        i.put("closedWattsMax", n(s.closedWattsMax()));
        i.put("queueMax", n(s.queueMax()));
        i.put("timeZone", AttributeValue.fromS(s.timeZone()));
        if (!s.alertPhones().isEmpty()) i.put("alertPhones", AttributeValue.fromSs(s.alertPhones()));
        i.put("smsQuietStart", AttributeValue.fromS(s.smsQuietStart().toString()));
        i.put("smsQuietEnd", AttributeValue.fromS(s.smsQuietEnd().toString()));
        return i;
    }

    static AlertSettings settings(Map<String, AttributeValue> i) {
        if (i == null || i.isEmpty()) return null;
        return new AlertSettings(d(i, "fridgeMaxC"), (int) d(i, "fridgeMinutes"), d(i, "fridgeHysteresisC"), LocalTime.parse(i.get("defrostStart").s()),
                (int) d(i, "defrostMinutes"), (int) d(i, "silentMinutes"), (int) d(i, "batteryLowPct"), (int) d(i, "co2MaxPpm"),
                (int) d(i, "pm25Max"), (int) d(i, "humidityMinPct"), (int) d(i, "humidityMaxPct"), LocalTime.parse(i.get("opensAt").s()),
                LocalTime.parse(i.get("closesAt").s()), (int) d(i, "closedWattsMax"), (int) d(i, "queueMax"), i.get("timeZone").s(),
                i.get("alertPhones") == null ? null : new java.util.ArrayList<>(new java.util.TreeSet<>(i.get("alertPhones").ss())),
                i.get("smsQuietStart") == null ? null : LocalTime.parse(i.get("smsQuietStart").s()),
                i.get("smsQuietEnd") == null ? null : LocalTime.parse(i.get("smsQuietEnd").s()));
    }

    private static AttributeValue n(double v) {
        return AttributeValue.fromN(v == Math.rint(v) ? Long.toString((long) v) : Double.toString(v));
    }

    private static double d(Map<String, AttributeValue> i, String name) {
        return Double.parseDouble(i.get(name).n());
    }
}
