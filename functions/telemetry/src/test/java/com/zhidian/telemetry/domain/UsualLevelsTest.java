package com.zhidian.telemetry.domain;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Clock;
import java.time.DayOfWeek;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

class UsualLevelsTest {
    static final ZoneId SHANGHAI = ZoneId.of("Asia/Shanghai");
    // a Tuesday, 14:40 in Shanghai
    static final Instant NOW = ZonedDateTime.of(2026, 12, 1, 14, 40, 0, 0, SHANGHAI).toInstant();
    static final Clock CLOCK = Clock.fixed(NOW, ZoneOffset.UTC);

    /** The same hour on the last {@code values.length} Tuesdays. */
    static Map<Instant, Double> weeks(ZoneId zone, Clock clock, double... values) {
        Map<Instant, Double> m = new HashMap<>();
        Instant start = UsualLevels.hourStart(clock, zone);
        for (int w = 0; w < values.length; w++) m.put(ZonedDateTime.ofInstant(start, zone).minusWeeks(w + 1).toInstant(), values[w]);
        return m;
    }

    @Test
    void energyOverOneAndAHalfTimesTheUsualForTheHourAndWeekday_isAFinding() {
        Map<Instant, Double> history = weeks(SHANGHAI, CLOCK, 3.0, 3.2, 2.8, 3.0);
        // 40 minutes in: 4.0 kWh so far is 6.0 for the hour, twice the usual 3.0
        var f = UsualLevels.energyAboveUsual(CLOCK, SHANGHAI, 4.0, history).orElseThrow();
        assertEquals(Alert.ENERGY_ABOVE_USUAL, f.rule());
        assertEquals(6.0, f.value());
        assertEquals(3.0, f.usual());
        assertEquals(DayOfWeek.TUESDAY, f.weekday());
        assertEquals(14, f.hour());
        assertEquals(4, f.weeks());
        // 2.8 kWh in 40 minutes is 4.2 for the hour: under 1.5 × 3.0
        assertTrue(UsualLevels.energyAboveUsual(CLOCK, SHANGHAI, 2.8, history).isEmpty());
    }

    @Test
    void anHoursFirstMinutesDoNotExtrapolateWildly_andATinyUsualNeedsARealExtra() {
        Clock early = Clock.fixed(ZonedDateTime.of(2026, 12, 1, 14, 2, 0, 0, SHANGHAI).toInstant(), ZoneOffset.UTC);
        Map<Instant, Double> history = weeks(SHANGHAI, early, 3.0, 3.0);
        // 1.0 kWh in 2 minutes would be 30 kWh an hour; counted over at least 15 minutes it is 4.0: not over 4.5
        assertTrue(UsualLevels.energyAboveUsual(early, SHANGHAI, 1.0, history).isEmpty());
        Map<Instant, Double> night = weeks(SHANGHAI, CLOCK, 0.2, 0.2, 0.2);
        // 0.6 for the hour is three times 0.2 but only 0.4 more: not worth an alert
        assertTrue(UsualLevels.energyAboveUsual(CLOCK, SHANGHAI, 0.4, night).isEmpty());
        assertTrue(UsualLevels.energyAboveUsual(CLOCK, SHANGHAI, 0.6, night).isPresent());
    }

    @Test
    void withFewerThanTwoEarlierWeeks_thereIsNoUsual_andNoFinding() {
        assertTrue(UsualLevels.energyAboveUsual(CLOCK, SHANGHAI, 100, weeks(SHANGHAI, CLOCK, 3.0)).isEmpty());
        assertTrue(UsualLevels.trafficSpike(CLOCK, SHANGHAI, 1000, weeks(SHANGHAI, CLOCK, 30.0)).isEmpty());
        // other weekdays and hours do not count toward this hour's usual
        Map<Instant, Double> otherDays = new HashMap<>();
        Instant start = UsualLevels.hourStart(CLOCK, SHANGHAI);
        for (int d = 1; d < 7; d++) otherDays.put(start.minusSeconds(86_400L * d), 1.0);
        otherDays.put(start.minusSeconds(3600), 1.0);
        assertTrue(UsualLevels.usual(otherDays, start, SHANGHAI, 4).isEmpty());
    }

    @Test
    void aTrafficSpikeIsTwiceTheUsualAndAtLeastTwentyVisitors() {
        Map<Instant, Double> history = weeks(SHANGHAI, CLOCK, 40, 44, 36);
        var f = UsualLevels.trafficSpike(CLOCK, SHANGHAI, 81, history).orElseThrow();
        assertEquals(Alert.TRAFFIC_SPIKE, f.rule());
        assertEquals(40.0, f.usual());
        assertTrue(UsualLevels.trafficSpike(CLOCK, SHANGHAI, 80, history).isEmpty(), "exactly twice is not over twice");
        Map<Instant, Double> quiet = weeks(SHANGHAI, CLOCK, 2, 3, 4);
        assertFalse(UsualLevels.trafficSpike(CLOCK, SHANGHAI, 19, quiet).isPresent(), "19 visitors is no crowd, whatever the usual");
        assertTrue(UsualLevels.trafficSpike(CLOCK, SHANGHAI, 20, quiet).isPresent());
    }

    @Test
    void weeksAreCountedInStoreTime_acrossADaylightSavingChange() {
        ZoneId berlin = ZoneId.of("Europe/Berlin");
        // Tuesday 3 November 2026, 14:40 in Berlin; a week earlier was still summer time (CET from 25 October)
        Clock clock = Clock.fixed(ZonedDateTime.of(2026, 11, 3, 14, 40, 0, 0, berlin).toInstant(), ZoneOffset.UTC);
        Map<Instant, Double> history = new HashMap<>();
        history.put(ZonedDateTime.of(2026, 10, 27, 14, 0, 0, 0, berlin).toInstant(), 3.0);
        history.put(ZonedDateTime.of(2026, 10, 20, 14, 0, 0, 0, berlin).toInstant(), 3.0);
        assertEquals(3.0, UsualLevels.usual(history, UsualLevels.hourStart(clock, berlin), berlin, 4).orElseThrow()[0]);
        assertEquals(ZonedDateTime.of(2026, 10, 27, 14, 0, 0, 0, berlin).toInstant(), UsualLevels.baselineHours(clock, berlin, 4).get(0));
    }
}
