package com.zhidian.telemetry.api;

import com.zhidian.core.http.Language;
import com.zhidian.telemetry.domain.Alert;
import java.util.Map;

/** What an alert says, in the reader's language: what was seen, and what to do about it. */
final class AlertWords {
    private AlertWords() {}

    static String summary(String rule, Map<String, Object> f, Language language) {
        boolean zh = language == Language.ZH;
        return switch (rule) {
            case Alert.FRIDGE_WARM -> zh ? "冷柜温度 " + f.get("temperatureC") + "°C，已高于 " + f.get("limitC") + "°C 超过 " + f.get("minutes") + " 分钟"
                    : "Fridge at " + f.get("temperatureC") + " °C, above " + f.get("limitC") + " °C for more than " + f.get("minutes") + " minutes";
            case Alert.DEVICE_SILENT -> f.get("lastReadingAt") == null
                    ? (zh ? "设备自 " + f.get("disconnectedAt") + " 起断开连接，未再连上" : "The device disconnected at " + f.get("disconnectedAt") + " and has not come back")
                    : (zh ? "设备自 " + f.get("lastReadingAt") + " 起没有上报数据" : "The device has sent nothing since " + f.get("lastReadingAt"))
                    + (f.get("lastReadingAt") != null && f.get("disconnectedAt") != null
                            ? (zh ? "，" + f.get("disconnectedAt") + " 断开连接" : "; it disconnected at " + f.get("disconnectedAt")) : "");
            case Alert.LABEL_FAILED -> zh ? "电子价签报告显示失败，货架上的价格可能不是系统价格"
                    : "The shelf label reports it failed to show its content: the price on the shelf may not be the system's";
            case Alert.STORE_ENERGY_ABOVE_USUAL -> zh ? "全店本小时用电按整小时计约 " + f.get("value") + " kWh（" + f.get("meters") + " 个电表合计），平时（近 "
                    + f.get("weeks") + " 周同一星期、同一小时）约 " + f.get("usual") + " kWh"
                    : "The whole store (" + f.get("meters") + " meters together) is on course for " + f.get("value")
                    + " kWh this hour; usual for this hour and weekday (last " + f.get("weeks") + " weeks) is " + f.get("usual") + " kWh";
            case Alert.BATTERY_LOW -> zh ? "电池电量 " + f.get("batteryPct") + "%，低于 " + f.get("limitPct") + "%"
                    : "Battery at " + f.get("batteryPct") + " %, below " + f.get("limitPct") + " %";
            case Alert.CO2_HIGH -> zh ? "二氧化碳 " + f.get("co2Ppm") + " ppm，高于 " + f.get("limitPpm") + " ppm"
                    : "CO₂ at " + f.get("co2Ppm") + " ppm, above " + f.get("limitPpm") + " ppm";
            case Alert.PM25_HIGH -> zh ? "PM2.5 为 " + f.get("pm25") + " µg/m³，高于 " + f.get("limit")
                    : "PM2.5 at " + f.get("pm25") + " µg/m³, above " + f.get("limit");
            case Alert.HUMIDITY_OUT -> zh ? "湿度 " + f.get("humidityPct") + "%，不在 " + f.get("minPct") + "–" + f.get("maxPct") + "% 之间"
                    : "Humidity at " + f.get("humidityPct") + " %, outside " + f.get("minPct") + "–" + f.get("maxPct") + " %";
            case Alert.ENERGY_WHILE_CLOSED -> zh ? "闭店期间 " + f.get("circuit") + " 回路仍在用电 " + f.get("watts") + " W"
                    : "The " + f.get("circuit") + " circuit draws " + f.get("watts") + " W while the store is closed";
            case Alert.QUEUE_AT_CHECKOUT -> zh ? "收银台排队 " + f.get("people") + " 人，超过 " + f.get("limit") + " 人"
                    : f.get("people") + " people queue at the checkout, more than " + f.get("limit");
            case Alert.ENERGY_ABOVE_USUAL -> zh ? "本小时用电按整小时计约 " + f.get("value") + " kWh" + circuit(f, zh) + "，平时（近 " + f.get("weeks")
                    + " 周同一星期、同一小时）约 " + f.get("usual") + " kWh"
                    : "This hour is on course for " + f.get("value") + " kWh" + circuit(f, zh) + "; usual for this hour and weekday (last "
                    + f.get("weeks") + " weeks) is " + f.get("usual") + " kWh";
            case Alert.TRAFFIC_SPIKE -> zh ? "本小时已进店 " + f.get("value") + " 人" + zone(f, zh) + "，平时（近 " + f.get("weeks") + " 周同一时段）约 " + f.get("usual") + " 人"
                    : f.get("value") + " visitors so far this hour" + zone(f, zh) + "; usual for this hour and weekday (last " + f.get("weeks")
                    + " weeks) is " + f.get("usual");
            case Alert.LOCKER_OVERDUE -> zh ? "订单 " + f.get("orderNumber") + " 在 " + f.get("lockerName") + " 的 " + f.get("compartmentId")
                    + " 号格口，超过取件期限 " + f.get("deadline") + " 仍未取走"
                    : "Order " + f.get("orderNumber") + " in compartment " + f.get("compartmentId") + " of " + f.get("lockerName")
                    + " was not collected by its deadline " + f.get("deadline");
            case Alert.STOCK_OUT_RISK -> zh ? f.get("name") + "（" + f.get("gtin") + "）可售 " + f.get("available") + "，近 " + f.get("windowDays")
                    + " 天日均售出 " + f.get("perDay") + "，约 " + f.get("daysLeft") + " 天后售罄"
                    : f.get("name") + " (" + f.get("gtin") + "): " + f.get("available") + " available, selling " + f.get("perDay")
                    + " a day over the last " + f.get("windowDays") + " days: out in about " + f.get("daysLeft") + " days";
            default -> rule;
        };
    }

    private static String circuit(Map<String, Object> f, boolean zh) {
        if (f.get("circuit") == null) return "";
        return zh ? "（" + f.get("circuit") + " 回路）" : " on the " + f.get("circuit") + " circuit";
    }

    private static String zone(Map<String, Object> f, boolean zh) {
        if (f.get("zone") == null) return "";
        return zh ? "（" + f.get("zone") + "）" : " (" + f.get("zone") + ")";
    }

    static String whatToDo(String rule, Language language) {
        boolean zh = language == Language.ZH;
        return switch (rule) {
            case Alert.FRIDGE_WARM -> zh ? "检查冷柜门是否关好、出风口是否被挡；必要时把商品移到其他冷柜。"
                    : "Check that the door is shut and the vents are clear; move the goods to another fridge if it does not cool down.";
            case Alert.DEVICE_SILENT -> zh ? "检查设备的电源和网络；设备恢复上报后告警自动解除。"
                    : "Check the device's power and network; the alert clears when it reports again.";
            case Alert.BATTERY_LOW -> zh ? "更换或充电设备电池。" : "Replace or charge the device's battery.";
            case Alert.CO2_HIGH -> zh ? "开窗或加大新风。" : "Open a window or turn up the fresh-air ventilation.";
            case Alert.PM25_HIGH -> zh ? "关闭门窗并打开空气净化器。" : "Close doors and windows and run the air purifier.";
            case Alert.HUMIDITY_OUT -> zh ? "调节空调或除湿机。" : "Adjust the air conditioning or the dehumidifier.";
            case Alert.ENERGY_WHILE_CLOSED -> zh ? "闭店后检查照明和空调是否已关闭。" : "Check that lights and air conditioning are off after closing.";
            case Alert.QUEUE_AT_CHECKOUT -> zh ? "加开一个收银台。" : "Open another till.";
            case Alert.ENERGY_ABOVE_USUAL -> zh ? "查看是否有设备忘关、冷柜门未关或空调设定异常。"
                    : "Look for equipment left on, a fridge door left open or an air-conditioning set point out of the ordinary.";
            case Alert.TRAFFIC_SPIKE -> zh ? "安排人手到收银台和卖场，注意补货。" : "Put more staff on the tills and the floor, and watch the shelves.";
            case Alert.LOCKER_OVERDUE -> zh ? "联系顾客；取出商品后在储物柜页面登记取出，格口随即释放。"
                    : "Contact the customer; once the goods are taken out, report the removal on the lockers page to free the compartment.";
            case Alert.STOCK_OUT_RISK -> zh ? "尽快补货或下采购单。" : "Restock from the back room or place a purchase order.";
            case Alert.LABEL_FAILED -> zh ? "检查价签电池和基站信号，在价签页面重新推送；价签报告正常后告警自动解除。"
                    : "Check the label's battery and the base station's signal and push it again from the labels page; the alert clears when it reports ok.";
            case Alert.STORE_ENERGY_ABOVE_USUAL -> zh ? "对照各回路的用电，找出比平时多用电的区域（照明、冷柜、空调）。"
                    : "Compare the circuits to find where the store uses more than usual (lighting, refrigeration, air conditioning).";
            default -> "";
        };
    }
}
