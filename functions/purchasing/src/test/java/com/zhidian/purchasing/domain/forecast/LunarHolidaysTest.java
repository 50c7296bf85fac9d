package com.zhidian.purchasing.domain.forecast;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.ibm.icu.util.Calendar;
import com.ibm.icu.util.ChineseCalendar;
import com.ibm.icu.util.TimeZone;
import java.time.LocalDate;
import org.junit.jupiter.api.Test;

/** The table the Lambda ships, checked date by date against ICU4J's ChineseCalendar (a test dependency only). */
class LunarHolidaysTest {
    private static final TimeZone SHANGHAI = TimeZone.getTimeZone("Asia/Shanghai");

    /** The Gregorian date of a lunar month and day in the Chinese year that starts in Gregorian {@code year}. */
    static LocalDate icu(int year, int month, int day) {
        Calendar g = Calendar.getInstance(SHANGHAI);
        g.clear();
        g.set(year, Calendar.JUNE, 1, 12, 0);
        ChineseCalendar c = new ChineseCalendar(SHANGHAI);
        c.setTimeInMillis(g.getTimeInMillis());
        int chineseYear = c.get(Calendar.EXTENDED_YEAR);
        c.clear();
        c.set(Calendar.EXTENDED_YEAR, chineseYear);
        c.set(Calendar.MONTH, month - 1);
        c.set(ChineseCalendar.IS_LEAP_MONTH, 0);
        c.set(Calendar.DAY_OF_MONTH, day);
        g.setTimeInMillis(c.getTimeInMillis());
        return LocalDate.of(g.get(Calendar.YEAR), g.get(Calendar.MONTH) + 1, g.get(Calendar.DAY_OF_MONTH));
    }

    /**
     * Where ICU4J's astronomical approximation and the published calendar disagree: the new moon falls within minutes
     * of midnight, Beijing time, and ICU puts it on the other side. The table keeps the published date.
     */
    static final java.util.Map<String, String> KNOWN = java.util.Map.of(
            "Spring Festival 2027", "new moon 6 Feb 2027 at 23:56 Beijing time; published: 6 Feb",
            "Spring Festival 2030", "new moon 3 Feb 2030 at 00:07 Beijing time; published: 3 Feb");

    @Test
    void everyLunarDateOfTheTable_isIcu4jsChineseCalendar() {
        java.util.List<String> wrong = new java.util.ArrayList<>();
        for (int y = LunarHolidays.FIRST_YEAR; y <= LunarHolidays.LAST_YEAR; y++) {
            check(wrong, "Spring Festival " + y, icu(y, 1, 1), LunarHolidays.springFestival(y));
            check(wrong, "Lantern " + y, icu(y, 1, 15), LunarHolidays.lantern(y));
            check(wrong, "Dragon Boat " + y, icu(y, 5, 5), LunarHolidays.dragonBoat(y));
            check(wrong, "Mid-Autumn " + y, icu(y, 8, 15), LunarHolidays.midAutumn(y));
        }
        assertEquals(java.util.List.of(), wrong);
    }

    private static void check(java.util.List<String> wrong, String what, LocalDate icu, LocalDate table) {
        if (icu.equals(table)) return;
        String lantern = what.replace("Lantern", "Spring Festival");
        if (KNOWN.containsKey(what) || (what.startsWith("Lantern") && KNOWN.containsKey(lantern))) {
            assertEquals(1, Math.abs(icu.toEpochDay() - table.toEpochDay()), what + ": a known disagreement is a day either side");
            return;
        }
        wrong.add(what + ": ICU4J " + icu + ", table " + table);
    }

    @Test
    void windows_aroundSpringFestival2026() {
        assertEquals(LocalDate.of(2026, 2, 17), LunarHolidays.springFestival(2026));
        assertEquals("lunar:spring_festival_shopping_early", LunarHolidays.tag(LocalDate.of(2026, 1, 28)));
        assertEquals("lunar:spring_festival_shopping", LunarHolidays.tag(LocalDate.of(2026, 2, 15)));
        assertEquals("lunar:spring_festival", LunarHolidays.tag(LocalDate.of(2026, 2, 16)));
        assertEquals("lunar:spring_festival", LunarHolidays.tag(LocalDate.of(2026, 2, 23)));
        assertNull(LunarHolidays.tag(LocalDate.of(2026, 2, 24)));
        assertEquals("lunar:lantern", LunarHolidays.tag(LocalDate.of(2026, 3, 3)));
        assertEquals("lunar:mid_autumn", LunarHolidays.tag(LocalDate.of(2026, 9, 22)));
        assertEquals("holiday:national_day", EventCalendar.tag(LocalDate.of(2025, 10, 6)), "the golden week wins over Mid-Autumn on 6 Oct 2025");
        assertEquals("lunar:spring_festival", EventCalendar.tag(LocalDate.of(2025, 1, 29)));
        assertThrows(IllegalArgumentException.class, () -> LunarHolidays.springFestival(2040));
        assertNull(LunarHolidays.tag(LocalDate.of(2045, 1, 1)));
    }
}
