package com.zhidian.telemetry.application;

import com.zhidian.core.Log;
import com.zhidian.telemetry.domain.Alert;
import com.zhidian.telemetry.domain.AlertSettings;
import com.zhidian.telemetry.domain.AlertTextStore;
import com.zhidian.telemetry.domain.SmsSender;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * An alert's SMS to the store's alert phones (set by the owner in the store's alert settings): once, when the alert
 * opens (an alert opens once, however long its condition holds); during the store's SMS quiet hours deferred to their
 * end unless the rule is urgent ({@link Alert#URGENT}: a fridge too warm), and not sent at all when the alert was
 * resolved before then. What happened is kept on the alert ({@code sms}: state sent, deferred, not_sent; when; the
 * phones masked). A provider's failure is recorded, never thrown into the ingest.
 */
public final class AlertTexts {
    private final AlertTextStore store;
    private final SmsSender sender;
    private final Clock clock;

    public AlertTexts(AlertTextStore store, SmsSender sender, Clock clock) {
        this.store = store;
        this.sender = sender;
        this.clock = clock;
    }

    /** A newly opened alert of a store with these settings. */
    public void opened(String tenantId, Alert a, AlertSettings s) {
        if (s.alertPhones().isEmpty()) return;
        Instant now = clock.instant();
        Instant at = s.smsAt(now, Alert.URGENT.contains(a.rule()));
        if (at.isAfter(now)) {
            store.defer(new AlertTextStore.Due(tenantId, a.storeId(), a.alertId(), at));
            store.record(tenantId, a.alertId(), Map.of("state", "deferred", "until", at.toString(), "to", masked(s.alertPhones())));
            return;
        }
        send(tenantId, a, s.alertPhones());
    }

    /** The SMS deferred by quiet hours that are due now (the watch, every minute); how many were sent. */
    public int sendDue(int max) {
        int sent = 0;
        for (AlertTextStore.Due d : store.due(clock.instant(), max)) {
            if (!store.take(d)) continue;
            Alert a = store.alert(d.tenantId(), d.alertId());
            if (a == null) continue;
            if (a.isResolved()) {
                store.record(d.tenantId(), d.alertId(), Map.of("state", "not_sent", "reason", "resolved_before_quiet_hours_ended"));
                continue;
            }
            send(d.tenantId(), a, store.settings(d.tenantId(), d.storeId()).alertPhones());
            sent++;
        }
        return sent;
    }

    private void send(String tenantId, Alert a, List<String> phones) {
        if (phones.isEmpty()) return;
        String text = text(a);
        String via = null;
        List<String> failed = new ArrayList<>();
        for (String phone : phones) {
            try {
                via = sender.send(tenantId, a.storeId(), phone, text).via();
            } catch (RuntimeException e) {
                failed.add(mask(phone));
                Log.warn("alert SMS not sent", Map.of("alertId", a.alertId(), "error", e.toString()));
            }
        }
        Map<String, Object> sms = new LinkedHashMap<>();
        sms.put("state", via == null ? "not_sent" : "sent");
        sms.put("at", clock.instant().toString());
        sms.put("to", masked(phones));
        if (via != null) sms.put("via", via);
        if (!failed.isEmpty()) sms.put("failed", failed);
        store.record(tenantId, a.alertId(), sms);
    }

    /** The text: the product's signature, what was seen (the rule in words), and where to look. */
    static String text(Alert a) {
        String what = switch (a.rule()) {
            case Alert.FRIDGE_WARM -> "冷柜温度过高" + (a.facts().get("temperatureC") == null ? "" : "（" + a.facts().get("temperatureC") + "°C）");
            case Alert.DEVICE_SILENT -> "设备失联";
            case Alert.BATTERY_LOW -> "设备电量低";
            case Alert.LABEL_FAILED -> "电子价签显示失败";
            case Alert.CO2_HIGH, Alert.PM25_HIGH, Alert.HUMIDITY_OUT -> "空气质量超出范围";
            case Alert.ENERGY_WHILE_CLOSED -> "闭店期间仍在用电";
            case Alert.ENERGY_ABOVE_USUAL, Alert.STORE_ENERGY_ABOVE_USUAL -> "用电高于平时";
            case Alert.QUEUE_AT_CHECKOUT -> "收银台排队";
            case Alert.TRAFFIC_SPIKE -> "客流激增";
            case Alert.LOCKER_OVERDUE -> "取货柜包裹逾期未取";
            case Alert.STOCK_OUT_RISK -> "商品即将缺货";
            default -> "门店告警";
        };
        return "【智店】门店告警：" + what + "。请在智店查看并处理（告警 " + a.alertId() + "）。";
    }

    private static List<String> masked(List<String> phones) {
        return phones.stream().map(AlertTexts::mask).toList();
    }

    /** +8613800138000 → +86138****8000: enough for the owner to tell the phones apart, not a number to copy. */
    static String mask(String phone) {
        if (phone.length() < 8) return "****";
        return phone.substring(0, phone.length() - 8) + "****" + phone.substring(phone.length() - 4);
    }
}
