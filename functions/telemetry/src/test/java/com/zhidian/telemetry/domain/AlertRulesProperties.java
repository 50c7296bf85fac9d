package com.zhidian.telemetry.domain;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/** Invariants of the fridge rule under any sequence of readings a minute apart. */
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
