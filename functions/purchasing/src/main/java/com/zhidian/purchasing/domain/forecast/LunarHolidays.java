package com.zhidian.purchasing.domain.forecast;

import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.Map;

/**
 * China's lunar holidays, 2020–2035, as a table: Spring Festival (春节, 1st day of the 1st lunar month), the Lantern
 * Festival (元宵, the 15th), the Dragon Boat Festival (端午, 5th of the 5th month) and Mid-Autumn (中秋, 15th of the 8th),
 * and Qingming (清明), a solar term. Source: the Purple Mountain Observatory's published lunar calendar, as the State
 * Council's yearly holiday notices use it; every date is checked against ICU4J's {@code ChineseCalendar} in
 * LunarHolidaysTest (ICU4J is a test dependency only: its jar is about 14 MB, and a Lambda that needs 16 years of
 * four dates should not carry it). Outside the table a day has no lunar holiday (and {@link #springFestival} says so).
 * The sample year's generator reads the same table.
 */
public final class LunarHolidays {
    public static final int FIRST_YEAR = 2020;
    public static final int LAST_YEAR = 2035;

    /** Spring Festival, Dragon Boat and Mid-Autumn of one year, as month·100 + day; Qingming as day of April. */
    private record Row(int springFestival, int dragonBoat, int midAutumn, int qingming) {}

    private static final Map<Integer, Row> TABLE = Map.ofEntries(
            Map.entry(2020, new Row(125, 625, 1001, 4)), Map.entry(2021, new Row(212, 614, 921, 4)),
            Map.entry(2022, new Row(201, 603, 910, 5)), Map.entry(2023, new Row(122, 622, 929, 5)),
            Map.entry(2024, new Row(210, 610, 917, 4)), Map.entry(2025, new Row(129, 531, 1006, 4)),
            Map.entry(2026, new Row(217, 619, 925, 5)), Map.entry(2027, new Row(206, 609, 915, 5)),
            Map.entry(2028, new Row(126, 528, 1003, 4)), Map.entry(2029, new Row(213, 616, 922, 4)),
            Map.entry(2030, new Row(203, 605, 912, 5)), Map.entry(2031, new Row(123, 624, 1001, 5)),
            Map.entry(2032, new Row(211, 612, 919, 4)), Map.entry(2033, new Row(131, 601, 908, 4)),
            Map.entry(2034, new Row(219, 620, 927, 5)), Map.entry(2035, new Row(208, 610, 916, 5)));

    private LunarHolidays() {}

    private static LocalDate md(int year, int monthDay) { return LocalDate.of(year, monthDay / 100, monthDay % 100); }

    private static Row row(int year) {
        Row r = TABLE.get(year);
        if (r == null) throw new IllegalArgumentException("no lunar holiday dates for " + year + " (table " + FIRST_YEAR + "–" + LAST_YEAR + ")");
        return r;
    }

    public static boolean covers(int year) { return TABLE.containsKey(year); }

    public static LocalDate springFestival(int year) { return md(year, row(year).springFestival()); }

    public static LocalDate lantern(int year) { return springFestival(year).plusDays(14); }

    public static LocalDate dragonBoat(int year) { return md(year, row(year).dragonBoat()); }

    public static LocalDate midAutumn(int year) { return md(year, row(year).midAutumn()); }

    public static LocalDate qingming(int year) { return LocalDate.of(year, 4, row(year).qingming()); }

    /** Days from the nearest Spring Festival in the table (negative before it); null when none is within a year. */
    public static Integer daysFromSpringFestival(LocalDate d) {
        Long best = null;
        for (int y = d.getYear() - 1; y <= d.getYear() + 1; y++) {
            if (!covers(y)) continue;
            long diff = ChronoUnit.DAYS.between(springFestival(y), d);
            if (best == null || Math.abs(diff) < Math.abs(best)) best = diff;
        }
        return best == null ? null : (int) (long) best;
    }

    /**
     * The lunar-holiday window a day falls in, as an uplift tag, or null: the New Year shopping weeks (年货, 20 to 11 and
     * 10 to 2 days before Spring Festival), the holiday itself (the eve to the sixth day, when cities empty), the
     * Lantern Festival, the three days before Qingming, Dragon Boat and Mid-Autumn (zongzi and mooncakes are bought
     * ahead) and those days themselves.
     */
    public static String tag(LocalDate d) {
        Integer sf = daysFromSpringFestival(d);
        if (sf == null) return null;
        if (sf >= -20 && sf <= -11) return "lunar:spring_festival_shopping_early";
        if (sf >= -10 && sf <= -2) return "lunar:spring_festival_shopping";
        if (sf >= -1 && sf <= 6) return "lunar:spring_festival";
        if (sf == 14) return "lunar:lantern";
        int y = d.getYear();
        if (!covers(y)) return null;
        if (within(d, qingming(y))) return "lunar:qingming";
        if (within(d, dragonBoat(y))) return "lunar:dragon_boat";
        if (within(d, midAutumn(y))) return "lunar:mid_autumn";
        return null;
    }

    private static boolean within(LocalDate d, LocalDate holiday) {
        long diff = ChronoUnit.DAYS.between(holiday, d);
        return diff >= -3 && diff <= 0;
    }
}
