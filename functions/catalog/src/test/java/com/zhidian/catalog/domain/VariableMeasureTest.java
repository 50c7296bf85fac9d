package com.zhidian.catalog.domain;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.LongRange;
import org.junit.jupiter.api.Test;

/** The weighing scale's label (店内码): decoding, its EAN-13 check digit, and the weighed price's rounding. */
class VariableMeasureTest {
    private static final VariableMeasure WEIGHT = new VariableMeasure(List.of("28"), 5, VariableMeasure.WEIGHT);
    private static final VariableMeasure PRICE = new VariableMeasure(List.of("20", "21"), 5, VariableMeasure.PRICE);

    @Test
    void aWeightLabel_2F_PLU5_weight5_check() {
        // 28 | 12345 | 01235 | c : item 12345, 1.235 kg; c by hand: places 1,3,…: 2+1+3+5+1+3=15; 2,4,…: 8+2+4+0+2+5=21 ×3 = 63; 78 → 2
        VariableMeasure.Parsed p = WEIGHT.decode("2812345012352");
        assertEquals("12345", p.item());
        assertEquals(1235, p.value());
        assertEquals("2812345012352", WEIGHT.encode("12345", 1235));
    }

    @Test
    void aPriceLabel_carriesFen() {
        String code = PRICE.encode("21", "00042", 1250);
        assertEquals("2100042012509", code); // places 1,3,…: 2+0+0+2+1+5=10; 2,4,…: 1+0+4+0+2+0=7 ×3 = 21; 31 → 9
        VariableMeasure.Parsed p = PRICE.decode(code);
        assertEquals(new VariableMeasure.Parsed("00042", 1250), p);
    }

    @Test
    void everyWrongCheckDigit_isRefused_notReadAsAnotherProduct() {
        String good = WEIGHT.encode("12345", 500);
        for (int d = 0; d <= 9; d++) {
            String code = good.substring(0, 12) + d;
            if (code.equals(good)) continue;
            CatalogErrors.ScaleCheckDigit e = assertThrows(CatalogErrors.ScaleCheckDigit.class, () -> WEIGHT.decode(code));
            assertEquals("scale_code.check_digit", e.code());
            assertNull(WEIGHT.parse(code));
        }
    }

    @Test
    void notShapedAsTheFormat_isNoScaleCode() {
        assertNull(WEIGHT.decode("6901234567892"), "a GTIN, not a label");
        assertNull(WEIGHT.decode(PRICE.encode("00042", 1250)), "another prefix");
        assertNull(WEIGHT.decode("281234501235"), "12 digits");
        assertNull(WEIGHT.decode("28123450123a"));
        assertNull(WEIGHT.decode(null));
    }

    @Test
    void theEncoderRefusesWhatALabelCannotHold() {
        assertThrows(IllegalArgumentException.class, () -> WEIGHT.encode("1234", 10));
        assertThrows(IllegalArgumentException.class, () -> WEIGHT.encode("12345", 100_000));
        assertThrows(IllegalArgumentException.class, () -> WEIGHT.encode("12345", -1));
        assertThrows(IllegalArgumentException.class, () -> WEIGHT.encode("29", "12345", 1));
    }

    @Test
    void weighedAmounts_roundHalfUpToTheFen() {
        assertEquals(1581, Weighing.amountFen(1280, 1235));  // 12.80/kg × 1.235 kg = 15.808 → 15.81
        assertEquals(5, Weighing.amountFen(1000, 5));        // 0.05 exactly
        assertEquals(1, Weighing.amountFen(100, 5));         // 0.5 fen → 1 (half up)
        assertEquals(0, Weighing.amountFen(100, 4));         // 0.4 fen → 0
        assertEquals(1250, Weighing.gramsFor(1000, 1250));   // 12.50 at 10.00/kg = 1,250 g
        assertEquals(251, Weighing.gramsFor(3980, 1000));    // 10.00 at 39.80/kg = 251.26 g → 251
    }

    @Property
    void decodeOfEncode_isTheItemAndValue(@ForAll("formats") VariableMeasure f, @ForAll @IntRange(min = 0, max = 999_999) int item,
                                          @ForAll @LongRange(min = 0, max = 9_999_999) long value) {
        String plu = String.format("%0" + f.itemDigits() + "d", item % pow10(f.itemDigits()));
        long v = value % f.maxValueExclusive();
        for (String prefix : f.prefixes()) {
            String code = f.encode(prefix, plu, v);
            assertEquals(13, code.length());
            assertEquals(new VariableMeasure.Parsed(plu, v), f.decode(code));
            assertNull(Gtin.problem(code), "a label is a valid EAN-13");
        }
    }

    @Provide
    Arbitrary<VariableMeasure> formats() {
        Arbitrary<List<String>> prefixes = Arbitraries.integers().between(20, 29).map(String::valueOf).list().ofMinSize(1).ofMaxSize(4).uniqueElements();
        return net.jqwik.api.Combinators.combine(prefixes, Arbitraries.integers().between(4, 6), Arbitraries.of(VariableMeasure.PRICE, VariableMeasure.WEIGHT))
                .as(VariableMeasure::new);
    }

    private static int pow10(int n) {
        int m = 1;
        for (int i = 0; i < n; i++) m *= 10;
        return m;
    }
}
