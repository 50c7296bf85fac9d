package com.zhidian.telemetry.domain;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class StockRiskTest {
    @Test
    void atRiskWhenWhatIsLeftLastsLessThanTwoDaysAtTheWeeksPace() {
        // 70 sold in 7 days: 10 a day; 15 left lasts 1.5 days
        StockRisk.Finding f = StockRisk.assess("06901234567892", "矿泉水", 15, 70).orElseThrow();
        assertEquals(10.0, f.perDay());
        assertEquals(1.5, f.daysLeft());
        assertEquals(7, f.facts().get("windowDays"));
        assertTrue(StockRisk.assess("g", "n", 20, 70).isEmpty(), "exactly two days is not less than two");
        assertTrue(StockRisk.assess("g", "n", 0, 1).isPresent(), "sold out while it sells");
        assertTrue(StockRisk.assess("g", "n", -3, 7).isPresent(), "reserved beyond on hand counts as nothing left");
    }

    @Test
    void aSlowMoverOrAnUnsoldProductIsNoRisk_andARiskIsOverOnlyOnceStockLastsFourDays() {
        assertTrue(StockRisk.assess("g", "n", 1, 0).isEmpty(), "nothing sold: no velocity, no risk");
        assertTrue(StockRisk.assess("g", "n", 3, 1).isEmpty(), "one a week: 3 left lasts 21 days");
        assertFalse(StockRisk.over(30, 70), "3 days: no longer at risk, but not over either (no flapping)");
        assertTrue(StockRisk.over(40, 70));
        assertTrue(StockRisk.over(0, 0), "it stopped selling");
    }
}
