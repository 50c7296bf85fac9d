package com.zhidian.catalog.domain;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.NumericChars;
import net.jqwik.api.constraints.StringLength;
import org.junit.jupiter.api.Test;

class GtinTest {
    @Test
    void knownNumbers_ofEveryLength() {
        assertNull(Gtin.problem("96385074"));          // GTIN-8
        assertNull(Gtin.problem("012345678905"));      // UPC-A
        assertNull(Gtin.problem("6901234567892"));     // GTIN-13
        assertNull(Gtin.problem("10012345678902"));    // GTIN-14
        assertEquals("06901234567892", Gtin.parse("6901234567892").value());
        assertEquals(Gtin.parse("6901234567892"), Gtin.parse("06901234567892"), "one article, two spellings");
        assertEquals("00000096385074", Gtin.parse("96385074").value());
        assertEquals("6901234567892", Gtin.parse("6901234567892").display());
        assertEquals("96385074", Gtin.parse("96385074").display());
    }

    @Test
    void whatIsWrong_hasACode() {
        assertEquals("gtin.check_digit", Gtin.problem("6901234567893"));
        assertEquals("gtin.not_digits", Gtin.problem("690123456789X"));
        assertEquals("gtin.not_digits", Gtin.problem("６９０１２３４５６７８９２"));
        assertEquals("gtin.length", Gtin.problem("123456789"));
        assertEquals("gtin.missing", Gtin.problem(""));
        assertThrows(InvalidGtin.class, () -> Gtin.parse("6901234567893"));
    }

    @Property
    void everyWrongCheckDigit_isRefused_andTheRightOneAccepted(@ForAll @NumericChars @StringLength(12) String body,
                                                              @ForAll @IntRange(min = 1, max = 9) int off) {
        int right = Gtin.checkDigit(body);
        assertNull(Gtin.problem(body + right));
        assertEquals("gtin.check_digit", Gtin.problem(body + (right + off) % 10));
        assertEquals(Gtin.parse(body + right), Gtin.parse("0" + body + right));
    }
}
