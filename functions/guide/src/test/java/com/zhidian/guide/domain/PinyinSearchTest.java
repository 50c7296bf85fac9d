package com.zhidian.guide.domain;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.zhidian.guide.application.Pinyin4jReadings;
import java.util.Collections;
import java.util.List;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.Size;
import org.junit.jupiter.api.Test;

/** The pinyin rules: spellings of a name (whole and initials, polyphones bounded), what counts as a pinyin query, the ranking. */
class PinyinSearchTest {
    private static final PinyinSearch.Readings PINYIN = new Pinyin4jReadings();

    private static List<String> spell(String name) {
        return PinyinSearch.spellings(PINYIN.of(name));
    }

    @Test
    void kele_andKl_readKele_byTheLibrary() {
        List<String> s = spell("可乐");
        assertEquals("kele", s.get(0), "the most common reading first: " + s);
        assertTrue(s.contains("kl"), s.toString());
        assertTrue(s.contains("keyue"), "乐 also reads yue: " + s);
        assertEquals(3, PinyinSearch.rank(s, "kele"));
        assertEquals(3, PinyinSearch.rank(s, "kl"));
        assertEquals(2, PinyinSearch.rank(s, "kel"));
        assertEquals(1, PinyinSearch.rank(s, "le"));
        assertEquals(0, PinyinSearch.rank(s, "kk"));
    }

    @Test
    void latinAndDigits_stayWhole_inBothForms() {
        List<String> s = spell("可口可乐 330ml（罐）");
        assertTrue(s.contains("kekoukele330mlguan"), s.toString());
        assertTrue(s.contains("kkkl330mlg"), s.toString());
        assertTrue(spell("绿茶").contains("lvcha"), "ü is written v");
        assertEquals(List.of("coke", "c"), spell("Coke"), "a Latin word is also its initial");
        assertEquals(List.of(), spell("！？"));
    }

    @Test
    void aQuery_isPinyin_onlyWhenLatinLettersDigitsSpacesOrApostrophes() {
        assertEquals("kele", PinyinSearch.query(" Ke Le "));
        assertEquals("xian", PinyinSearch.query("xi'an"));
        assertEquals("lv", PinyinSearch.query("lü"));
        assertEquals("330ml", PinyinSearch.query("330ml"));
        assertNull(PinyinSearch.query("可乐"));
        assertNull(PinyinSearch.query("330"), "digits alone are a code, not pinyin");
        assertNull(PinyinSearch.query("k-l"));
        assertNull(PinyinSearch.query("  "));
        assertNull(PinyinSearch.query(null));
    }

    /** However many polyphones a name has, its spellings stay bounded and the reading of every first choice is there. */
    @Property
    void spellings_areBounded_andHoldTheFirstReading(@ForAll @Size(max = 12) List<@Size(min = 1, max = 5) List<@IntRange(min = 0, max = 25) Integer>> name) {
        List<List<String>> tokens = name.stream().map(alts -> alts.stream().map(i -> String.valueOf((char) ('a' + i)) + "a").toList()).toList();
        List<String> s = PinyinSearch.spellings(tokens);
        assertTrue(s.size() <= 2 * PinyinSearch.MAX_READINGS, s.toString());
        String first = String.join("", tokens.stream().map(t -> t.get(0)).toList());
        if (!tokens.isEmpty()) {
            assertEquals(first, s.get(0));
            assertEquals(3, PinyinSearch.rank(s, first));
        } else {
            assertEquals(Collections.emptyList(), s);
        }
        assertEquals(s.size(), s.stream().distinct().count(), "no spelling twice");
    }
}
