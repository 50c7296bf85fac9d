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
                            LocalTime opensAt, LocalTime closesAt, int closedWattsMax, int queueMax, String timeZone,
                            java.util.List<String> alertPhones, LocalTime smsQuietStart, LocalTime smsQuietEnd) {

    /** SMS quiet hours by default: 21:00 to 08:00, store time. */
    public static final LocalTime QUIET_START = LocalTime.of(21, 0), QUIET_END = LocalTime.of(8, 0);

    public AlertSettings {
        alertPhones = alertPhones == null ? java.util.List.of() : java.util.List.copyOf(alertPhones);
        if (smsQuietStart == null) smsQuietStart = QUIET_START;
        if (smsQuietEnd == null) smsQuietEnd = QUIET_END;
    }

    /** Without alert phones, with the default quiet hours. */
    public AlertSettings(double fridgeMaxC, int fridgeMinutes, double fridgeHysteresisC, LocalTime defrostStart, int defrostMinutes,
                         int silentMinutes, int batteryLowPct, int co2MaxPpm, int pm25Max, int humidityMinPct, int humidityMaxPct,
                         LocalTime opensAt, LocalTime closesAt, int closedWattsMax, int queueMax, String timeZone) {
        this(fridgeMaxC, fridgeMinutes, fridgeHysteresisC, defrostStart, defrostMinutes, silentMinutes, batteryLowPct, co2MaxPpm, pm25Max,
                humidityMinPct, humidityMaxPct, opensAt, closesAt, closedWattsMax, queueMax, timeZone, null, null, null);
    }

    /**
     * When an SMS about an alert opened at {@code at} may go: {@code at} itself outside the quiet hours, else the end of
     * the quiet hours (store time); an urgent alert goes at once.
     */
    public java.time.Instant smsAt(java.time.Instant at, boolean urgent) {
        if (urgent || smsQuietStart.equals(smsQuietEnd)) return at;
        ZonedDateTime local = ZonedDateTime.ofInstant(at, zone());
        LocalTime t = local.toLocalTime();
        boolean quiet = smsQuietStart.isBefore(smsQuietEnd) ? !t.isBefore(smsQuietStart) && t.isBefore(smsQuietEnd)
                : !t.isBefore(smsQuietStart) || t.isBefore(smsQuietEnd);
        if (!quiet) return at;
        ZonedDateTime end = local.with(smsQuietEnd);
        if (!end.isAfter(local)) end = end.plusDays(1);
        return end.toInstant();
    }

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
