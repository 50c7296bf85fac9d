package com.zhidian.purchasing.domain;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** Replenishment arithmetic, case by case, with the numbers worked out by hand in the comments. */
class ReplenishmentTest {

    @Test
    void safetyStockCasePackAndRisk() {
        // 10 a day over 3 days = 30; σ 4 a day → σ over 3 days = 4·√3 = 6.928; z(95 %) = 1.645 → safety 11.4
        // target 41.4 − available 8 − on order 12 = 21.4 → 4 cases of 6 = 24 (minimum 12 is 2 cases)
        Replenishment.Suggestion s = Replenishment.suggest(new Replenishment.Input("g", 3, 6, 12, 30, 4 * Math.sqrt(3), 0.95, 8, 12));
        assertEquals(1.645, s.z(), 1e-3);
        assertEquals(11.4, s.safetyStock(), 1e-9);
        assertEquals(41.4, s.target(), 1e-9);
        assertEquals(21.4, s.need(), 1e-9);
        assertEquals(24, s.quantity());
        // 8 available at 10 a day last 0.8 days, less than the 3-day lead time
        assertEquals(0.8, s.daysOfCover(), 1e-9);
        assertTrue(s.atRisk());
    }

    @Test
    void theMinimumOrderWinsOverASmallNeed() {
        // need 3 → 1 case of 6, but the minimum of 20 units is 4 cases → 24
        Replenishment.Suggestion s = Replenishment.suggest(new Replenishment.Input("g", 2, 6, 20, 10, 0, 0.95, 7, 0));
        assertEquals(3, s.need(), 1e-9);
        assertEquals(24, s.quantity());
    }

    @Test
    void enoughStockOrdersNothing_andNoDemandHasNoCover() {
        Replenishment.Suggestion s = Replenishment.suggest(new Replenishment.Input("g", 5, 12, 24, 20, 3, 0.9, 30, 10));
        // z(90 %) = 1.2816 → safety 3.8; 20 + 3.8 − 30 − 10 = −16.2
        assertEquals(3.8, s.safetyStock(), 1e-9);
        assertEquals(-16.2, s.need(), 1e-9);
        assertEquals(0, s.quantity());
        assertFalse(s.atRisk());
        Replenishment.Suggestion none = Replenishment.suggest(new Replenishment.Input("g", 5, 12, 24, 0, 0, 0.95, 0, 0));
        assertEquals(0, none.quantity());
        assertNull(none.daysOfCover());
    }

    @Test
    void serviceLevel50PercentHasNoSafetyStock_andExactCasesAreNotRoundedFurther() {
        Replenishment.Suggestion s = Replenishment.suggest(new Replenishment.Input("g", 4, 12, 0, 40, 9, 0.5, 4, 0));
        assertEquals(0, s.safetyStock(), 1e-9);
        assertEquals(36, s.need(), 1e-9);
        assertEquals(36, s.quantity());
    }

    @Test
    void zIsTheStandardNormalQuantile() {
        assertEquals(0, ServiceLevel.z(0.5), 1e-9);
        assertEquals(1.281552, ServiceLevel.z(0.9), 1e-5);
        assertEquals(1.959964, ServiceLevel.z(0.975), 1e-5);
        assertEquals(3.090232, ServiceLevel.z(0.999), 1e-5);
    }

    @Test
    void intermittentItem_safetyStockIsTheLeadTimeQuantileLessTheMean() {
        // expected 2.4 over the lead time, its 95 % quantile 6: safety 3.6; target 6 − available 1 = 5 → one case of 6
        Replenishment.Suggestion s = Replenishment.suggest(new Replenishment.Input("g", 4, 6, 0, 2.4, 99, 0.95, 1, 0, 6.0));
        assertEquals(3.6, s.safetyStock(), 1e-9);
        assertEquals(6.0, s.target(), 1e-9);
        assertEquals(5.0, s.need(), 1e-9);
        assertEquals(6, s.quantity());
    }
}
