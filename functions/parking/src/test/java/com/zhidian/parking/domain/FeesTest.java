package com.zhidian.parking.domain;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The fee rule in the business's words: ¥5 an hour, 30 minutes free, at most ¥40 a day. */
class FeesTest {
    static final Tariff T = new Tariff(500, 30, 4000);

    private static long fee(Duration d) { return Fees.fee(T, d, 0); }

    @Test
    void withinTheFreeTimeNothingIsOwed() {
        assertEquals(0, fee(Duration.ZERO));
        assertEquals(0, fee(Duration.ofMinutes(30)));
    }

    @Test
    void theFreeTimeComesOffAndEveryStartedHourCosts() {
        assertEquals(500, fee(Duration.ofMinutes(31)));
        assertEquals(500, fee(Duration.ofMinutes(90)));
        assertEquals(1000, fee(Duration.ofMinutes(91)));
        assertEquals(500, fee(Duration.ofMinutes(30).plusSeconds(1)), "a started minute counts");
    }

    @Test
    void aDayCostsAtMostTheCap() {
        assertEquals(4000, fee(Duration.ofHours(9)));
        assertEquals(4000, fee(Duration.ofHours(24)));
        assertEquals(4000 + 500, fee(Duration.ofHours(24).plusMinutes(31)));
        assertEquals(3 * 4000, fee(Duration.ofDays(3).plusMinutes(30)));
    }

    @Test
    void aMembersFreeHoursComeOnTopOfTheTariffs() {
        assertEquals(0, Fees.fee(T, Duration.ofMinutes(150), 120));
        assertEquals(500, Fees.fee(T, Duration.ofMinutes(151), 120));
    }

    @Test
    void theBestFreeHoursRuleMetApplies() {
        List<FreeHours> rules = List.of(new FreeHours(10_000, 2), new FreeHours(30_000, 4));
        assertEquals(0, Fees.memberFreeMinutes(rules, 9_999));
        assertEquals(120, Fees.memberFreeMinutes(rules, 10_000));
        assertEquals(240, Fees.memberFreeMinutes(rules, 50_000));
        assertEquals(0, Fees.memberFreeMinutes(List.of(), 50_000));
    }

    @Test
    void aCapAboveTwentyFourHoursOfTariffIsNeverReached() {
        Tariff cheap = new Tariff(100, 0, 10_000);
        assertEquals(2400, Fees.fee(cheap, Duration.ofHours(24), 0));
    }

    @Test
    void aFreeCarPark() {
        assertEquals(0, Fees.fee(new Tariff(0, 0, 0), Duration.ofDays(2), 0));
    }
}
