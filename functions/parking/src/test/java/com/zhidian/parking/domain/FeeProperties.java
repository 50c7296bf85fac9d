package com.zhidian.parking.domain;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.LongRange;

/** Invariants of the one fee rule: monotone in the stay, never above the cap per started day, free time respected. */
class FeeProperties {
    @Provide
    Arbitrary<Tariff> tariffs() {
        return Combinators.combine(Arbitraries.longs().between(0, Tariff.MAX_FEN), Arbitraries.integers().between(0, Tariff.MAX_FREE_MINUTES),
                Arbitraries.longs().between(0, Tariff.MAX_FEN)).as(Tariff::new);
    }

    @Property
    void aLongerStayNeverCostsLess(@ForAll("tariffs") Tariff t, @ForAll @LongRange(min = 0, max = 20 * 86400) long seconds,
                                   @ForAll @LongRange(min = 0, max = 3 * 86400) long more, @ForAll @IntRange(min = 0, max = 600) int extra) {
        assertTrue(Fees.fee(t, Duration.ofSeconds(seconds + more), extra) >= Fees.fee(t, Duration.ofSeconds(seconds), extra));
    }

    @Property
    void moreFreeTimeNeverCostsMore(@ForAll("tariffs") Tariff t, @ForAll @LongRange(min = 0, max = 20 * 86400) long seconds,
                                    @ForAll @IntRange(min = 0, max = 600) int extra, @ForAll @IntRange(min = 0, max = 600) int more) {
        assertTrue(Fees.fee(t, Duration.ofSeconds(seconds), extra + more) <= Fees.fee(t, Duration.ofSeconds(seconds), extra));
    }

    @Property
    void neverAboveTheCapTimesTheStartedDays(@ForAll("tariffs") Tariff t, @ForAll @LongRange(min = 1, max = 30 * 86400) long seconds,
                                              @ForAll @IntRange(min = 0, max = 600) int extra) {
        long days = (seconds + 86399) / 86400;
        assertTrue(Fees.fee(t, Duration.ofSeconds(seconds), extra) <= t.dailyCapFen() * days);
    }

    @Property
    void withinTheFreeTimeAStayCostsNothing(@ForAll("tariffs") Tariff t, @ForAll @IntRange(min = 0, max = 600) int extra,
                                             @ForAll @IntRange(min = 0, max = 100) int percent) {
        long freeSeconds = (t.freeMinutes() + extra) * 60L;
        assertEquals(0, Fees.fee(t, Duration.ofSeconds(freeSeconds * percent / 100), extra));
    }

    @Property
    void justPastTheFreeTimeAStartedHourIsCharged(@ForAll("tariffs") Tariff t, @ForAll @IntRange(min = 0, max = 600) int extra) {
        long fee = Fees.fee(t, Duration.ofMinutes(t.freeMinutes() + extra + 1L), extra);
        assertEquals(Math.min(t.perHourFen(), t.dailyCapFen()), fee);
    }
}
