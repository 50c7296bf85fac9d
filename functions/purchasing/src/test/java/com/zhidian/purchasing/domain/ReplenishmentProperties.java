package com.zhidian.purchasing.domain;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.DoubleRange;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.LongRange;

class ReplenishmentProperties {

    @Property
    void theSuggestionIsWholeCasesCoversTheNeedAndIsTheSmallestSuch(
            @ForAll @IntRange(min = 1, max = 60) int lead, @ForAll @IntRange(min = 1, max = 48) int pack,
            @ForAll @IntRange(min = 0, max = 200) int min, @ForAll @DoubleRange(min = 0, max = 5000) double demand,
            @ForAll @DoubleRange(min = 0, max = 500) double sigma, @ForAll @DoubleRange(min = 0.5, max = 0.999) @net.jqwik.api.constraints.Scale(3) double level,
            @ForAll @LongRange(min = -50, max = 5000) long available, @ForAll @LongRange(min = 0, max = 2000) long onOrder) {
        Replenishment.Suggestion s = Replenishment.suggest(new Replenishment.Input("g", lead, pack, min, demand, sigma, level, available, onOrder));
        long q = s.quantity();
        assertEquals(0, q % pack, "whole cases");
        if (s.need() <= 0) {
            assertEquals(0, q);
        } else {
            assertTrue(q >= s.need() && q >= min, "covers the need and the minimum");
            assertTrue(q - pack < Math.max(s.need(), min), "one case fewer would not");
        }
    }

    @Property
    void aHigherServiceLevelNeverOrdersLess(@ForAll @DoubleRange(min = 0.5, max = 0.99) double a, @ForAll @DoubleRange(min = 0, max = 0.009) @net.jqwik.api.constraints.Scale(3) double more,
                                            @ForAll @DoubleRange(min = 0, max = 300) double demand, @ForAll @DoubleRange(min = 0, max = 50) double sigma,
                                            @ForAll @LongRange(min = 0, max = 300) long available) {
        long lo = Replenishment.suggest(new Replenishment.Input("g", 3, 6, 0, demand, sigma, a, available, 0)).quantity();
        long hi = Replenishment.suggest(new Replenishment.Input("g", 3, 6, 0, demand, sigma, a + more, available, 0)).quantity();
        assertTrue(hi >= lo);
    }
}
