package com.zhidian.core.tenancy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.AlphaChars;
import net.jqwik.api.constraints.NumericChars;
import net.jqwik.api.constraints.StringLength;
import org.junit.jupiter.api.Test;

/** A store's order-number prefix: what the owner may choose, and the default a store has until then. */
class StoreCodesProperties {

    @Property
    void aChosenCodeIsKeptUpperCase_andOnlyTwoToSixLettersOrDigitsAreCodes(@ForAll @StringLength(max = 10) String asked) {
        String code = StoreCodes.normalize(asked);
        boolean fits = asked.trim().matches("[A-Za-z0-9]{2,6}");
        if (!fits) {
            assertNull(code, asked);
            return;
        }
        assertEquals(asked.trim().toUpperCase(java.util.Locale.ROOT), code);
        assertEquals(code, StoreCodes.normalize(code), "normalizing twice changes nothing");
    }

    @Property
    void theDefaultIsTheIdsLastSixLettersOrDigits_upperCase(@ForAll @AlphaChars @NumericChars @StringLength(min = 6, max = 20) String rest) {
        String code = StoreCodes.defaultFor("st_" + rest);
        assertEquals(rest.substring(rest.length() - 6).toUpperCase(java.util.Locale.ROOT), code);
        assertTrue(code.matches("[A-Z0-9]{6}"));
        assertEquals(code, StoreCodes.of("st_" + rest, null));
    }

    @Test
    void examples() {
        assertEquals("NJD", StoreCodes.normalize(" njd "));
        assertNull(StoreCodes.normalize("N-J"));
        assertNull(StoreCodes.normalize("\uFB00"), "the ligature ff upper-cases to FF, but is one character that is no letter A-Z");
        assertNull(StoreCodes.normalize("南京"));
        assertNull(StoreCodes.normalize("A"));
        assertNull(StoreCodes.normalize("TOOLONG"));
        assertEquals("1EN45G", StoreCodes.defaultFor("st_md8x5qm9vc1en45g"));
        assertEquals("XJH", StoreCodes.of("st_abcdefgh", "XJH"));
    }
}
