package com.zhidian.purchasing.domain.forecast;

import java.time.LocalDate;
import java.time.MonthDay;
import java.util.Map;

/**
 * The retail calendar's fixed-date events, as tags for the uplift factors: New Year's Day, the National Day golden
 * week (1–7 October), 618 and Double 11 (with the day before, when the pre-sales end), Double 12; and the lunar holidays
 * windows of {@link LunarHolidays} (Spring Festival's shopping weeks and the holiday itself, Lantern, Qingming, Dragon
 * Boat, Mid-Autumn), each a tag whose multiplicative effect the item's own history gives ({@link Uplifts}).
 */
public final class EventCalendar {
    private static final Map<MonthDay, String> FIXED = Map.ofEntries(
            Map.entry(MonthDay.of(1, 1), "holiday:new_year"),
            Map.entry(MonthDay.of(6, 17), "festival:618"), Map.entry(MonthDay.of(6, 18), "festival:618"),
            Map.entry(MonthDay.of(11, 10), "festival:double11"), Map.entry(MonthDay.of(11, 11), "festival:double11"),
            Map.entry(MonthDay.of(12, 12), "festival:double12"));

    private EventCalendar() {}

    public static String tag(LocalDate d) {
        if (d.getMonthValue() == 10 && d.getDayOfMonth() <= 7) return "holiday:national_day";
        String fixed = FIXED.get(MonthDay.from(d));
        return fixed != null ? fixed : LunarHolidays.tag(d);
    }

    /** The tags of {@code n} days from {@code first}. */
    public static String[] tags(LocalDate first, int n) {
        String[] out = new String[n];
        for (int i = 0; i < n; i++) out[i] = tag(first.plusDays(i));
        return out;
    }
}
