package com.zhidian.telemetry.api;

import static com.zhidian.core.auth.Role.OWNER;
import static com.zhidian.core.auth.Role.STAFF;

import com.zhidian.core.http.Fields;
import com.zhidian.core.http.Request;
import com.zhidian.core.http.Response;
import com.zhidian.core.http.Routes;
import com.zhidian.telemetry.application.SettingsService;
import com.zhidian.telemetry.domain.AlertSettings;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.Set;
import java.util.regex.Pattern;

/** A store's alert settings: read by owner and staff, replaced whole by the owner. */
final class SettingsRoutes {
    static final String[] FIELDS = {"fridgeMaxC", "fridgeMinutes", "fridgeHysteresisC", "defrostStart", "defrostMinutes", "silentMinutes",
            "batteryLowPct", "co2MaxPpm", "pm25Max", "humidityMinPct", "humidityMaxPct", "opensAt", "closesAt", "closedWattsMax", "queueMax", "timeZone",
            "alertPhones", "smsQuietStart", "smsQuietEnd"};
    /** An alert phone: E.164, a mainland mobile (+86 1xx) or any other country's number. */
    private static final Pattern PHONE = Pattern.compile("\\+[1-9]\\d{6,14}");
    private static final Pattern TIME = Pattern.compile("([01]\\d|2[0-3]):[0-5]\\d");
    private static final Set<String> ZONES = Set.of("Asia/Shanghai", "Asia/Hong_Kong", "Asia/Macau", "Asia/Taipei", "Asia/Urumqi");
    private final SettingsService settings;

    SettingsRoutes(SettingsService settings) {
        this.settings = settings;
    }

    Routes declare(Routes routes) {
        return routes
                .on("GET /stores/{storeId}/alert-settings", Set.of(OWNER, STAFF),
                        r -> Response.ok(Views.settings(r.pathId("storeId"), settings.get(r.caller(), r.pathId("storeId")))))
                .on("PUT /stores/{storeId}/alert-settings", Set.of(OWNER), this::put);
    }

    private Response put(Request r) {
        settings.requireStore(r.caller(), r.pathId("storeId"));
        com.fasterxml.jackson.databind.JsonNode body = r.json();
        Fields f = r.fields(FIELDS);
        Double fridgeMax = decimal(body, f, "fridgeMaxC", -30, 15);
        Long fridgeMinutes = f.requiredLong("fridgeMinutes", 1, 240);
        Double hysteresis = decimal(body, f, "fridgeHysteresisC", 0, 10);
        String defrostStart = f.requiredMatching("defrostStart", TIME, "HH:mm");
        Long defrostMinutes = f.requiredLong("defrostMinutes", 0, 180);
        Long silent = f.requiredLong("silentMinutes", 2, 1440);
        Long battery = f.requiredLong("batteryLowPct", 1, 90);
        Long co2 = f.requiredLong("co2MaxPpm", 400, 5000);
        Long pm = f.requiredLong("pm25Max", 5, 500);
        Long humMin = f.requiredLong("humidityMinPct", 0, 95);
        Long humMax = f.requiredLong("humidityMaxPct", 5, 100);
        String opens = f.requiredMatching("opensAt", TIME, "HH:mm");
        String closes = f.requiredMatching("closesAt", TIME, "HH:mm");
        Long closedWatts = f.requiredLong("closedWattsMax", 0, 100_000);
        Long queue = f.requiredLong("queueMax", 1, 500);
        String zone = f.requiredEnum("timeZone", ZONES);
        java.util.List<String> phones = f.optionalStrings("alertPhones", 5, PHONE, "E.164, e.g. +8613800138000");
        String quietStart = f.optionalMatching("smsQuietStart", TIME, "HH:mm"), quietEnd = f.optionalMatching("smsQuietEnd", TIME, "HH:mm");
        if (humMin != null && humMax != null && humMin >= humMax) {
            f.reject("humidityMinPct", "out_of_range", "must be below humidityMaxPct");
            f.reject("humidityMaxPct", "out_of_range", "must be above humidityMinPct");
        }
        f.check();
        AlertSettings s = new AlertSettings(fridgeMax, fridgeMinutes.intValue(), hysteresis, LocalTime.parse(defrostStart), defrostMinutes.intValue(),
                silent.intValue(), battery.intValue(), co2.intValue(), pm.intValue(), humMin.intValue(), humMax.intValue(), LocalTime.parse(opens),
                LocalTime.parse(closes), closedWatts.intValue(), queue.intValue(), ZoneId.of(zone).getId(),
                phones == null ? null : new java.util.ArrayList<>(new java.util.LinkedHashSet<>(phones)),
                quietStart == null ? null : LocalTime.parse(quietStart), quietEnd == null ? null : LocalTime.parse(quietEnd));
        return Response.ok(Views.settings(r.pathId("storeId"), settings.put(r.caller(), r.pathId("storeId"), s)));
    }

    /** A number of °C with at most one decimal, within bounds. */
    private static Double decimal(com.fasterxml.jackson.databind.JsonNode body, Fields f, String field, double min, double max) {
        com.fasterxml.jackson.databind.JsonNode v = body.get(field);
        if (v == null || v.isNull()) {
            f.reject(field, Fields.REQUIRED, "is required");
            return null;
        }
        if (!v.isNumber()) {
            f.reject(field, Fields.INVALID_TYPE, "must be a number");
            return null;
        }
        double d = v.doubleValue();
        if (!Double.isFinite(d) || d < min || d > max) {
            // whole bounds written as integers ("-30", not "-30.0"): the portal words the error from the numbers in it
            f.reject(field, Fields.OUT_OF_RANGE, "must be between " + bound(min) + " and " + bound(max));
            return null;
        }
        if (Math.abs(d * 10 - Math.rint(d * 10)) > 1e-9) {
            f.reject(field, Fields.INVALID_FORMAT, "must have at most one decimal");
            return null;
        }
        return Math.rint(d * 10) / 10;
    }

    private static String bound(double b) {
        return b == Math.rint(b) ? String.valueOf((long) b) : String.valueOf(b);
    }
}
