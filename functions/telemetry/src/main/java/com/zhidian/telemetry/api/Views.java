package com.zhidian.telemetry.api;

import com.zhidian.core.http.Language;
import com.zhidian.core.paging.Page;
import com.zhidian.telemetry.domain.Alert;
import com.zhidian.telemetry.domain.AlertSettings;
import com.zhidian.telemetry.domain.Insights;
import com.zhidian.telemetry.domain.Notification;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/** The JSON shapes of the sensors routes' answers. */
final class Views {
    private Views() {}

    static <T> Map<String, Object> page(Page<T> p, Function<T, Map<String, Object>> view) {
        Map<String, Object> v = new LinkedHashMap<>();
        v.put("items", p.items().stream().map(view).toList());
        v.put("nextCursor", p.nextCursor());
        return v;
    }

    static Map<String, Object> alert(Alert a, Language language) {
        Map<String, Object> v = new LinkedHashMap<>();
        v.put("alertId", a.alertId());
        v.put("storeId", a.storeId());
        v.put("deviceId", a.deviceId());
        v.put("rule", a.rule());
        v.put("state", a.state());
        v.put("since", a.since());
        v.put("openedAt", a.openedAt());
        v.put("seen", a.facts());
        v.put("summary", AlertWords.summary(a.rule(), a.facts(), language));
        v.put("whatToDo", AlertWords.whatToDo(a.rule(), language));
        v.put("acknowledgedAt", a.acknowledgedAt());
        v.put("acknowledgedBy", a.acknowledgedBy());
        v.put("resolvedAt", a.resolvedAt());
        v.put("resolvedBy", a.resolvedBy());
        // the SMS to the store's alert phones: sent (when, to whom, masked), deferred to the end of the quiet hours, or not sent
        if (a.sms() != null) v.put("sms", a.sms());
        return v;
    }

    static Map<String, Object> notification(Notification n, Language language) {
        Map<String, Object> v = new LinkedHashMap<>();
        v.put("notificationId", n.notificationId());
        v.put("storeId", n.storeId());
        v.put("alertId", n.alertId());
        v.put("rule", n.rule());
        v.put("deviceId", n.deviceId());
        v.put("at", n.at());
        v.put("summary", AlertWords.summary(n.rule(), n.facts(), language));
        return v;
    }

    static Map<String, Object> settings(String storeId, AlertSettings s) {
        Map<String, Object> v = new LinkedHashMap<>();
        v.put("storeId", storeId);
        v.put("fridgeMaxC", s.fridgeMaxC());
        v.put("fridgeMinutes", s.fridgeMinutes());
        v.put("fridgeHysteresisC", s.fridgeHysteresisC());
        v.put("defrostStart", s.defrostStart().toString());
        v.put("defrostMinutes", s.defrostMinutes());
        v.put("silentMinutes", s.silentMinutes());
        v.put("batteryLowPct", s.batteryLowPct());
        v.put("co2MaxPpm", s.co2MaxPpm());
        v.put("pm25Max", s.pm25Max());
        v.put("humidityMinPct", s.humidityMinPct());
        v.put("humidityMaxPct", s.humidityMaxPct());
        v.put("opensAt", s.opensAt().toString());
        v.put("closesAt", s.closesAt().toString());
        v.put("closedWattsMax", s.closedWattsMax());
        v.put("queueMax", s.queueMax());
        v.put("timeZone", s.timeZone());
        v.put("alertPhones", s.alertPhones());
        v.put("smsQuietStart", s.smsQuietStart().toString());
        v.put("smsQuietEnd", s.smsQuietEnd().toString());
        return v;
    }

    static Map<String, Object> energy(String storeId, Insights.Energy e) {
        Map<String, Object> v = new LinkedHashMap<>();
        v.put("storeId", storeId);
        v.put("day", e.day().toString());
        v.put("timeZone", e.timeZone());
        v.put("kwh", e.kwh());
        v.put("baselineKwh", e.baselineKwh());
        v.put("carbonKg", e.carbonKg());
        v.put("gridKgCo2PerKwh", e.gridKgCo2PerKwh());
        v.put("byCircuit", e.byCircuit());
        v.put("hours", e.hours().stream().map(h -> {
            Map<String, Object> o = new LinkedHashMap<>();
            o.put("hour", h.hour());
            o.put("kwh", h.kwh());
            o.put("baselineKwh", h.baselineKwh());
            o.put("byCircuit", h.byCircuit());
            return o;
        }).toList());
        v.put("days", e.days().stream().map(d -> Map.<String, Object>of("day", d.day().toString(), "kwh", d.kwh())).toList());
        return v;
    }

    static Map<String, Object> environment(String storeId, Insights.Environment e, Map<String, Long> dropsToday) {
        Map<String, Object> v = new LinkedHashMap<>();
        v.put("storeId", storeId);
        v.put("day", e.day().toString());
        v.put("timeZone", e.timeZone());
        v.put("places", e.places().stream().map(p -> {
            Map<String, Object> o = new LinkedHashMap<>();
            o.put("deviceId", p.deviceId());
            o.put("kind", p.kind());
            o.put("zone", p.zone());
            o.put("now", p.now());
            o.put("lastReadingAt", p.lastAt() == null ? null : p.lastAt().toString());
            o.put("hours", p.hours().stream().map(h -> {
                Map<String, Object> x = new LinkedHashMap<>();
                x.put("hour", h.hour());
                x.putAll(h.averages());
                return x;
            }).toList());
            return o;
        }).toList());
        v.put("droppedToday", dropsToday.entrySet().stream().filter(x -> !x.getKey().equals("pk") && !x.getKey().equals("sk"))
                .collect(java.util.stream.Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue)));
        return v;
    }

    static Map<String, Object> traffic(String storeId, Insights.Traffic t) {
        Map<String, Object> v = new LinkedHashMap<>();
        v.put("storeId", storeId);
        v.put("day", t.day().toString());
        v.put("timeZone", t.timeZone());
        v.put("visitors", t.visitors());
        v.put("occupancyNow", t.occupancyNow());
        v.put("hours", t.hours().stream().map(h -> Map.<String, Object>of("hour", h.hour(), "visitorsIn", h.visitorsIn(), "visitorsOut", h.visitorsOut())).toList());
        List<Map<String, Object>> zones = t.zones().stream().map(z -> {
            Map<String, Object> o = new LinkedHashMap<>();
            o.put("zone", z.zone());
            o.put("visitorsIn", z.visitorsIn());
            o.put("occupancyNow", z.occupancyNow());
            o.put("dwellMinutes", z.dwellMinutes());
            return o;
        }).toList();
        v.put("zones", zones);
        return v;
    }
}
