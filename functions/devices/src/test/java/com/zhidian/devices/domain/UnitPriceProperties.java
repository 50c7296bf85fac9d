package com.zhidian.devices.domain;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Optional;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.LongRange;

/** The unit price is the pack's price scaled to the standard quantity, to the nearest fen, whatever the spec's form. */
class UnitPriceProperties {
    @Property
    void withinHalfAFenOfTheExactScaledPrice(@ForAll @LongRange(min = 1, max = 10_000_000) long fen,
                                             @ForAll @IntRange(min = 1, max = 50_000) int ml) {
        Optional<UnitPrice> u = UnitPrice.of(fen, ml + "ml");
        double exact = fen * 100.0 / ml;
        if (u.isEmpty()) {
            assertTrue(exact < 0.5, "no unit price only when it rounds to 0: " + exact);
            return;
        }
        assertEquals("100ml", u.get().per());
        assertTrue(Math.abs(u.get().price() - exact) <= 0.5 + 1e-9, u.get() + " vs " + exact);
    }

    @Property
    void aMultipackIsPricedAsItsWholeQuantity_inEveryWayItIsWritten(@ForAll @LongRange(min = 1, max = 1_000_000) long fen,
                                                                     @ForAll @IntRange(min = 1, max = 2_000) int grams,
                                                                     @ForAll @IntRange(min = 1, max = 48) int count) {
        Optional<UnitPrice> whole = UnitPrice.of(fen, (grams * count) + "g");
        assertEquals(whole, UnitPrice.of(fen, grams + "g×" + count));
        assertEquals(whole, UnitPrice.of(fen, count + "*" + grams + "克"));
        assertEquals(whole, UnitPrice.of(fen, grams + "g x " + count + "袋"));
    }

    @Property
    void theSameQuantityInOtherUnitsGivesTheSameUnitPrice(@ForAll @LongRange(min = 1, max = 1_000_000) long fen,
                                                          @ForAll @IntRange(min = 1, max = 200) int kg) {
        Optional<UnitPrice> inKg = UnitPrice.of(fen, kg + "kg");
        assertEquals(inKg, UnitPrice.of(fen, (kg * 1000) + "g"));
        assertEquals(inKg, UnitPrice.of(fen, (kg * 2) + "斤"));
        assertEquals(UnitPrice.of(fen, kg + "L"), UnitPrice.of(fen, (kg * 1000) + "ml"));
    }

    @Property
    void aDearerPackNeverHasACheaperUnitPrice(@ForAll @LongRange(min = 1, max = 1_000_000) long fen,
                                              @ForAll @LongRange(min = 0, max = 1_000) long more,
                                              @ForAll @IntRange(min = 1, max = 5_000) int ml) {
        long a = UnitPrice.of(fen, ml + "ml").map(UnitPrice::price).orElse(0L);
        long b = UnitPrice.of(fen + more, ml + "ml").map(UnitPrice::price).orElse(0L);
        assertTrue(b >= a);
    }
}
