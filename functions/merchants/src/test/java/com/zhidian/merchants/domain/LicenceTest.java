package com.zhidian.merchants.domain;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.junit.jupiter.api.Test;

class LicenceTest {

    @Test
    void publishedExamples_areValid() {
        // codes printed on real business licences (public registrations), and the one GB 32100 uses as its example
        assertTrue(Licence.valid("91350100M000100Y43"));
        assertTrue(Licence.valid("91110000600037341L"));
        assertEquals('3', Licence.checkChar("91350100M000100Y4"));
    }

    @Test
    void wrongLengthCharactersOrCheck_areInvalid() {
        assertFalse(Licence.valid(null));
        assertFalse(Licence.valid("91350100M000100Y4"));
        assertFalse(Licence.valid("91350100M000100Y433"));
        assertFalse(Licence.valid("91350100M000100Y44"));
        assertFalse(Licence.valid("91350100I000100Y43"), "I is not of the alphabet");
        assertFalse(Licence.valid("91350100m000100Y43"), "lower case is not of the alphabet");
    }

    @Provide
    Arbitrary<String> bodies() {
        return Arbitraries.strings().withChars(Licence.ALPHABET.toCharArray()).ofLength(17);
    }

    @Property
    void everyBody_withItsCheckCharacter_isValid_andAnyOtherLastCharacterIsNot(@ForAll("bodies") String body) {
        char check = Licence.checkChar(body);
        assertTrue(Licence.valid(body + check));
        for (char c : Licence.ALPHABET.toCharArray()) {
            if (c != check) assertFalse(Licence.valid(body + c));
        }
    }

    @Property
    void changingAnyOneCharacter_isCaught(@ForAll("bodies") String body, @ForAll("positions") int pos, @ForAll("shifts") int shift) {
        String code = body + Licence.checkChar(body);
        char was = code.charAt(pos);
        char now = Licence.ALPHABET.charAt((Licence.ALPHABET.indexOf(was) + shift) % 31);
        String typo = code.substring(0, pos) + now + code.substring(pos + 1);
        assertFalse(Licence.valid(typo), typo + " from " + code);
    }

    @Provide
    Arbitrary<Integer> positions() { return Arbitraries.integers().between(0, 17); }

    @Provide
    Arbitrary<Integer> shifts() { return Arbitraries.integers().between(1, 30); }
}
