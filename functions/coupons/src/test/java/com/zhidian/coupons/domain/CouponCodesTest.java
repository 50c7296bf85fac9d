package com.zhidian.coupons.domain;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HashSet;
import java.util.Set;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.junit.jupiter.api.Test;

class CouponCodesTest {

    @Test
    void alphabetHasNoLookAlikes_andCodesCarryAtLeast60RandomBits() {
        for (char c : "0O1I".toCharArray()) assertEquals(-1, CouponCodes.ALPHABET.indexOf(c));
        assertEquals(32, CouponCodes.ALPHABET.chars().distinct().count());
        assertTrue(CouponCodes.randomBits() >= 60);
        String code = CouponCodes.next();
        assertEquals(14, code.length());
        assertTrue(CouponCodes.isValid(code));
    }

    @Test
    void tenThousandCodes_areDistinct_andUseTheWholeAlphabet() {
        Set<String> seen = new HashSet<>();
        Set<Character> chars = new HashSet<>();
        for (int i = 0; i < 10_000; i++) {
            String c = CouponCodes.next();
            assertTrue(seen.add(c));
            for (char ch : c.substring(0, 13).toCharArray()) chars.add(ch);
        }
        assertEquals(32, chars.size());
    }

    @Test
    void typedForms_normaliseToTheStoredCode() {
        String code = CouponCodes.next();
        assertEquals(code, CouponCodes.normalise(code.toLowerCase()));
        assertEquals(code, CouponCodes.normalise(CouponCodes.display(code)));
        assertEquals(code, CouponCodes.normalise(code.substring(0, 4) + "-" + code.substring(4)));
    }

    @Test
    void notACode_isMalformed_andAWrongCheckCharacter_isMistyped() {
        String code = CouponCodes.next();
        assertThrows(CouponErrors.CodeMalformed.class, () -> CouponCodes.normalise(null));
        assertThrows(CouponErrors.CodeMalformed.class, () -> CouponCodes.normalise(""));
        assertThrows(CouponErrors.CodeMalformed.class, () -> CouponCodes.normalise(code.substring(1)));
        assertThrows(CouponErrors.CodeMalformed.class, () -> CouponCodes.normalise(code + "A"));
        assertThrows(CouponErrors.CodeMalformed.class, () -> CouponCodes.normalise("0" + code.substring(1)));
        assertThrows(CouponErrors.CodeMalformed.class, () -> CouponCodes.normalise("O" + code.substring(1)));
        assertThrows(CouponErrors.CodeMalformed.class, () -> CouponCodes.normalise("Ａ" + code.substring(1)));
        char last = code.charAt(13);
        char other = CouponCodes.ALPHABET.charAt((CouponCodes.ALPHABET.indexOf(last) + 1) % 32);
        assertThrows(CouponErrors.CodeMistyped.class, () -> CouponCodes.normalise(code.substring(0, 13) + other));
    }

    @Property(tries = 300)
    void everySingleSubstitution_isCaughtByTheCheckCharacter(@ForAll("codes") String code) {
        assertTrue(CouponCodes.isValid(code));
        for (int pos = 0; pos < code.length(); pos++) {
            for (char c : CouponCodes.ALPHABET.toCharArray()) {
                if (c == code.charAt(pos)) continue;
                String typo = code.substring(0, pos) + c + code.substring(pos + 1);
                assertFalse(CouponCodes.isValid(typo), typo + " passed for " + code);
            }
        }
    }

    @Property(tries = 300)
    void everySwapOfNeighbours_isCaught_butTheOneLuhnCannotSee(@ForAll("codes") String code) {
        for (int pos = 0; pos + 1 < code.length(); pos++) {
            char a = code.charAt(pos), b = code.charAt(pos + 1);
            if (a == b) continue;
            String swapped = code.substring(0, pos) + b + a + code.substring(pos + 2);
            // Luhn mod N misses exactly one transposition: the first and the last character of the alphabet
            // (as Luhn mod 10 misses 09 <-> 90), because doubling maps both to the same difference
            boolean invisible = Set.of(a, b).equals(Set.of(CouponCodes.ALPHABET.charAt(0),
                    CouponCodes.ALPHABET.charAt(CouponCodes.ALPHABET.length() - 1)));
            assertEquals(invisible, CouponCodes.isValid(swapped), swapped + " for " + code);
        }
    }

    @Provide
    Arbitrary<String> codes() {
        return Arbitraries.strings().withChars(CouponCodes.ALPHABET.toCharArray()).ofLength(13)
                .map(body -> body + CouponCodes.checkChar(body));
    }
}
