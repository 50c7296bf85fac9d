package com.zhidian.telemetry.domain;

import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;

/**
 * A store's alert settings, set by the owner (defaults until then). Fridges: too warm above {@code fridgeMaxC} for
 * {@code fridgeMinutes}, well again at {@code fridgeMaxC - fridgeHysteresisC}; no fridge alert opens during the daily
 * defrost window ({@code defrostStart} for {@code defrostMinutes}, store time; 0 minutes: none). Silent after
 * {@code silentMinutes} without a reading. The store is open from {@code opensAt} to {@code closesAt}, store time.
 */
public record AlertSettings(double fridgeMaxC, int fridgeMinutes, double fridgeHysteresisC, LocalTime defrostStart, int defrostMinutes,
                            int silentMinutes, int batteryLowPct, int co2MaxPpm, int pm25Max, int humidityMinPct, int humidityMaxPct,
                            LocalTime opensAt, LocalTime closesAt, int closedWattsMax, int queueMax, String timeZone) {

    public static AlertSettings defaults() {
        return new AlertSettings(5.0, 15, 1.0, LocalTime.of(3, 0), 30, 15, 20, 1000, 75, 30, 70,
                LocalTime.of(8, 0), LocalTime.of(22, 0), 300, 8, "Asia/Shanghai");
    }

    public ZoneId zone() {
        return ZoneId.of(timeZone);
    }

    /** Whether the instant falls in the daily defrost window (a window may run past midnight). */
    public boolean inDefrost(java.time.Instant at) {
        if (defrostMinutes <= 0) return false;
        LocalTime t = ZonedDateTime.ofInstant(at, zone()).toLocalTime();
        int start = defrostStart.toSecondOfDay() / 60, now = t.toSecondOfDay() / 60;
        int into = Math.floorMod(now - start, 24 * 60);
        return into < defrostMinutes;
    }

    /** Whether the store is closed at the instant (closing after midnight allowed; equal times: always open). */
    public boolean closed(java.time.Instant at) {
        if (opensAt.equals(closesAt)) return false;
        LocalTime t = ZonedDateTime.ofInstant(at, zone()).toLocalTime();
        boolean open = opensAt.isBefore(closesAt) ? !t.isBefore(opensAt) && t.isBefore(closesAt)
                : !t.isBefore(opensAt) || t.isBefore(closesAt);
        return !open;
    }
}
