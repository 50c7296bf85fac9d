package com.zhidian.catalog.domain;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import org.junit.jupiter.api.Test;

class CountRulesTest {
    private static CountLine piece(String gtin, Long counted, Long onHandAtCount, Long cost) {
        return new CountLine(gtin, "p", "瓶", false, counted, onHandAtCount, cost, counted == null ? null : "u", counted == null ? null : "t");
    }

    @Test
    void variance_isCountedLessOnHandWhenCounted_andNullUncounted() {
        assertEquals(-2L, CountRules.variance(piece("a", 22L, 24L, 120L)));
        assertEquals(3L, CountRules.variance(piece("a", 3L, 0L, 120L)));
        assertNull(CountRules.variance(piece("a", null, null, null)));
    }

    @Test
    void varianceFen_isAtCost_perKgForWeighedGoods_roundedHalfUpAwayFromZero() {
        assertEquals(-240L, CountRules.varianceFen(piece("a", 22L, 24L, 120L)));
        assertNull(CountRules.varianceFen(piece("a", 22L, 24L, null)), "no cost known");
        CountLine apples = new CountLine("w", "苹果", "kg", true, 1_000L, 1_235L, 1_280L, "u", "t");
        assertEquals(-301L, CountRules.varianceFen(apples), "235 g short at 12.80/kg = 3.008 → 3.01, short");
        CountLine more = new CountLine("w", "苹果", "kg", true, 1_235L, 1_000L, 1_280L, "u", "t");
        assertEquals(301L, CountRules.varianceFen(more), "the same size the other way");
    }

    @Test
    void postings_skipUncountedAndExactLines_andTheLargestChangeIsAbsolute() {
        List<CountLine> lines = List.of(piece("a", 22L, 24L, 120L), piece("b", 10L, 10L, 300L), piece("c", null, null, null),
                piece("d", 9L, 2L, null));
        assertEquals(List.of(new CountRules.Posting("a", -2, 22), new CountRules.Posting("d", 7, 9)), CountRules.postings(lines));
        assertEquals(7, CountRules.largestChange(lines));
        assertEquals(-9, CountRules.largestChange(List.of(piece("a", 1L, 10L, null), piece("b", 5L, 0L, null))), "by size, with its sign");
        CountRules.Totals t = CountRules.totals(lines);
        assertEquals(new CountRules.Totals(4, 3, 1, 1, 1, 0, -240, -240), t);
    }

    @Test
    void parts_areChunksOfForty_atLeastOne() {
        assertEquals(1, CountRules.parts(0));
        assertEquals(1, CountRules.parts(40));
        assertEquals(2, CountRules.parts(41));
        assertEquals(13, CountRules.parts(500));
    }

    @Test
    void onlyAnOpenCount_changes() {
        StockCount open = new StockCount("sc_1", "st", StockCount.OPEN, "store", null, null, null, 1, 0, "u", "t", null, null, 0, List.of());
        CountRules.requireOpen(open);
        assertThrows(CatalogErrors.CountFinished.class, () -> CountRules.requireOpen(status(open, StockCount.FINISHED)));
        assertThrows(CatalogErrors.CountFinished.class, () -> CountRules.requireOpen(status(open, StockCount.FINISHING)));
        assertThrows(CatalogErrors.CountCancelled.class, () -> CountRules.requireOpen(status(open, StockCount.CANCELLED)));
    }

    private static StockCount status(StockCount c, String status) {
        return new StockCount(c.countId(), c.storeId(), status, c.scope(), null, null, null, 1, 0, "u", "t", null, null, 0, List.of());
    }
}
