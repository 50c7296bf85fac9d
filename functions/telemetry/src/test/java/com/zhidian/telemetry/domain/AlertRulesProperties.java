package com.zhidian.telemetry.domain;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;

/** Invariants of the fridge and silence rules under any sequence of readings a minute apart (each reading carries its time). */
class AlertRulesProperties {
    static final AlertSettings S = AlertSettings.defaults();
    static final Instant T0 = Instant.parse("2026-12-04T02:00:00Z");   // 10:00 Shanghai, no defrost for hours

    private record Run(int opened, int closed, boolean alternates) {}

    private static Run run(List<Double> temperatures) {
        Monitor m = Monitor.first("st", Kinds.FRIDGE);
        AtomicInteger ids = new AtomicInteger();
        int opened = 0, closed = 0;
        boolean open = false, alternates = true;
        for (int i = 0; i < temperatures.size(); i++) {
            AlertRules.Evaluation e = AlertRules.evaluate(m, new Reading("t", "st", "d", Kinds.FRIDGE, i + 1, T0.plus(Duration.ofMinutes(i)),
                    Map.of("temperatureC", temperatures.get(i)), null, null), S, () -> "al_" + ids.incrementAndGet());
            m = e.next();
            for (AlertRules.Change c : e.changes()) {
                if (c.opened() == open) alternates = false;   // an open while open, or a close while closed
                open = c.opened();
                if (c.opened()) opened++;
                else closed++;
            }
        }
        return new Run(opened, closed, alternates);
    }

    /** Hovering inside the hysteresis band around the line (within 1 °C below it, any amount above): at most one alert, never closed. */
    @Property(tries = 300)
    void hoveringAtTheLineNeverFlaps(@ForAll("hovering") List<Double> temperatures) {
        Run r = run(temperatures);
        assertTrue(r.opened() <= 1 && r.closed() == 0, () -> r + " for " + temperatures);
    }

    /** Any readings at all: opens and closes alternate, and an alert opens only after 15 minutes over the line. */
    @Property(tries = 300)
    void opensAndClosesAlternate(@ForAll("anything") List<Double> temperatures) {
        Run r = run(temperatures);
        assertTrue(r.alternates(), () -> r + " for " + temperatures);
        long over = temperatures.stream().filter(t -> t > S.fridgeMaxC()).count();
        assertTrue(r.opened() == 0 || over >= 16, () -> "opened with only " + over + " readings over the line");
    }

    /** Defrost window: however warm a fridge gets during the owner's window (any start, any length), no alert opens in it. */
    @Property(tries = 200)
    void noFridgeAlertOpensInsideTheDefrostWindow(@ForAll @IntRange(min = 0, max = 1439) int startMinute, @ForAll @IntRange(min = 1, max = 180) int length,
                                                  @ForAll @IntRange(min = 1, max = 60) int fridgeMinutes, @ForAll("warm") List<Double> temperatures) {
        LocalTime start = LocalTime.ofSecondOfDay(startMinute * 60L);
        AlertSettings s = with(start, length, fridgeMinutes);
        Instant windowStart = ZonedDateTime.of(2026, 12, 4, 0, 0, 0, 0, ZoneId.of(s.timeZone())).with(start).toInstant();
        Monitor m = Monitor.first("st", Kinds.FRIDGE);
        for (int i = 0; i < temperatures.size() && i < length; i++) {
            AlertRules.Evaluation e = AlertRules.evaluate(m, fridge(i + 1, windowStart.plus(Duration.ofMinutes(i)), temperatures.get(i)), s, () -> "al");
            int minute = i;
            assertTrue(e.changes().isEmpty(), () -> "opened at minute " + minute + " of a " + length + "-minute defrost");
            m = e.next();
        }
    }

    /** Silence: opens exactly when the store's limit has passed since the last reading, once, and the next reading recovers it. */
    @Property(tries = 300)
    void silenceOpensAtTheLimitOnceAndTheNextReadingRecoversIt(@ForAll @IntRange(min = 0, max = 600) int quietMinutes,
                                                                @ForAll @IntRange(min = 0, max = 600) int laterMinutes) {
        Monitor m = AlertRules.evaluate(Monitor.first("st", Kinds.FRIDGE), fridge(1, T0, 3.0), S, () -> "al_x").next();
        AlertRules.Evaluation first = AlertRules.silence(m, S, T0.plus(Duration.ofMinutes(quietMinutes)), () -> "al_silent");
        boolean due = quietMinutes >= S.silentMinutes();
        assertEquals(due ? 1 : 0, first.changes().size(), () -> quietMinutes + " minutes quiet");
        AlertRules.Evaluation again = AlertRules.silence(first.next(), S, T0.plus(Duration.ofMinutes(quietMinutes + laterMinutes)), () -> "al_again");
        if (due) assertTrue(again.changes().isEmpty(), "once, however long the silence lasts");
        AlertRules.Evaluation back = AlertRules.evaluate(again.next(), fridge(2, T0.plus(Duration.ofMinutes(quietMinutes + laterMinutes + 1)), 3.0), S, () -> "al_y");
        boolean open = due || quietMinutes + laterMinutes >= S.silentMinutes();
        assertEquals(open ? 1 : 0, back.changes().stream().filter(c -> !c.opened() && c.rule().equals(Alert.DEVICE_SILENT)).count(), "recovered by a reading");
    }

    /** Recovery: an open fridge alert closes at the first reading at or below the line minus the hysteresis, and not before. */
    @Property(tries = 300)
    void anOpenFridgeAlertClosesAtTheFirstReadingBackUnderTheBand(@ForAll("anything") List<Double> after) {
        Monitor m = Monitor.first("st", Kinds.FRIDGE);
        String id = null;
        for (int i = 0; i <= S.fridgeMinutes(); i++) {
            AlertRules.Evaluation e = AlertRules.evaluate(m, fridge(i + 1, T0.plus(Duration.ofMinutes(i)), 9.0), S, () -> "al_warm");
            m = e.next();
            if (!e.changes().isEmpty()) id = e.changes().get(0).alertId();
        }
        assertEquals("al_warm", id, "opened after the duration");
        int expected = -1;
        for (int k = 0; k < after.size(); k++) if (after.get(k) <= S.fridgeMaxC() - S.fridgeHysteresisC()) { expected = k; break; }
        int closedAt = -1;
        for (int k = 0; k < after.size() && closedAt < 0; k++) {
            int minute = S.fridgeMinutes() + 1 + k;
            AlertRules.Evaluation e = AlertRules.evaluate(m, fridge(minute + 1, T0.plus(Duration.ofMinutes(minute)), after.get(k)), S, () -> "al_next");
            m = e.next();
            if (e.changes().stream().anyMatch(c -> !c.opened() && c.alertId().equals("al_warm"))) closedAt = k;
        }
        assertEquals(expected, closedAt, () -> "for " + after);
    }

    private static Reading fridge(long seq, Instant at, double celsius) {
        return new Reading("t", "st", "d", Kinds.FRIDGE, seq, at, Map.of("temperatureC", celsius), null, null);
    }

    private static AlertSettings with(LocalTime defrostStart, int defrostMinutes, int fridgeMinutes) {
        return new AlertSettings(S.fridgeMaxC(), fridgeMinutes, S.fridgeHysteresisC(), defrostStart, defrostMinutes, S.silentMinutes(), S.batteryLowPct(),
                S.co2MaxPpm(), S.pm25Max(), S.humidityMinPct(), S.humidityMaxPct(), S.opensAt(), S.closesAt(), S.closedWattsMax(), S.queueMax(), S.timeZone());
    }

    @Provide
    Arbitrary<List<Double>> warm() {
        return Arbitraries.doubles().between(5.1, 25).ofScale(1).list().ofMinSize(1).ofMaxSize(180);
    }

    @Provide
    Arbitrary<List<Double>> hovering() {
        return Arbitraries.doubles().between(S.fridgeMaxC() - S.fridgeHysteresisC() + 0.01, S.fridgeMaxC() + 0.5).ofScale(2)
                .list().ofMinSize(1).ofMaxSize(200);
    }

    @Provide
    Arbitrary<List<Double>> anything() {
        return Arbitraries.doubles().between(-2, 12).ofScale(1).list().ofMinSize(1).ofMaxSize(200);
    }
}
