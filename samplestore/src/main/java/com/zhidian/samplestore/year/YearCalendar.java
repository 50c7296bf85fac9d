package com.zhidian.samplestore.year;

import com.zhidian.purchasing.domain.forecast.LunarHolidays;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.MonthDay;
import java.time.temporal.ChronoUnit;
import java.util.SplittableRandom;

/**
 * The days of the sample year: Spring Festival on its lunar date (the forecasts' {@link LunarHolidays} table), 618, Double 11, weekends,
 * a seeded daily temperature series (a Shanghai-like climate), and the weekday and hour-of-day patterns per store kind.
 */
public final class YearCalendar {
    /** 春节 (first day of the first lunar month): the forecasts' table, so the generator and the model share one calendar. */
    public static LocalDate springFestival(int year) { return LunarHolidays.springFestival(year); }
    public static final MonthDay SIX_EIGHTEEN = MonthDay.of(6, 18);
    public static final MonthDay DOUBLE_ELEVEN = MonthDay.of(11, 11);

    private final LocalDate start;
    private final int days;
    private final double[] temperature;

    public YearCalendar(long seed, LocalDate start, int days) {
        for (int y = start.getYear(); y <= start.plusDays(days).getYear(); y++)
            if (!LunarHolidays.covers(y)) throw new IllegalArgumentException("no Spring Festival date for " + y);
        this.start = start;
        this.days = days;
        this.temperature = new double[days];
        SplittableRandom r = Rng.of(seed, 7_001);
        double noise = 0;
        for (int d = 0; d < days; d++) {
            int doy = start.plusDays(d).getDayOfYear();
            noise = 0.75 * noise + 1.8 * Rng.gaussian(r);
            temperature[d] = Math.round((17.0 + 11.5 * Math.sin(2 * Math.PI * (doy - 111) / 365.0) + noise) * 10) / 10.0;
        }
    }

    public LocalDate start() { return start; }
    public int days() { return days; }
    public LocalDate date(int day) { return start.plusDays(day); }
    public int dayOf(LocalDate date) { return (int) ChronoUnit.DAYS.between(start, date); }

    /** Daily maximum temperature in °C. */
    public double temperature(int day) { return temperature[day]; }

    public boolean hot(int day) { return temperature[day] >= 30; }

    public boolean weekend(int day) {
        DayOfWeek w = date(day).getDayOfWeek();
        return w == DayOfWeek.SATURDAY || w == DayOfWeek.SUNDAY;
    }

    /** Days from the nearest Spring Festival (negative before it). */
    public int daysFromSpringFestival(int day) {
        LocalDate d = date(day);
        long best = Long.MAX_VALUE;
        for (int y = d.getYear() - 1; y <= d.getYear() + 1; y++) {
            if (!LunarHolidays.covers(y)) continue;
            LocalDate sf = LunarHolidays.springFestival(y);
            long diff = ChronoUnit.DAYS.between(sf, d);
            if (Math.abs(diff) < Math.abs(best)) best = diff;
        }
        return (int) best;
    }

    /** Named event on the day, or null: SPRING_FESTIVAL_RUN_UP, SPRING_FESTIVAL, SIX_EIGHTEEN, DOUBLE_ELEVEN. */
    public String event(int day) {
        int sf = daysFromSpringFestival(day);
        if (sf >= -14 && sf < -1) return "SPRING_FESTIVAL_RUN_UP";
        if (sf >= -1 && sf <= 6) return "SPRING_FESTIVAL";
        MonthDay md = MonthDay.from(date(day));
        if (near(md, SIX_EIGHTEEN, 2)) return "SIX_EIGHTEEN";
        if (near(md, DOUBLE_ELEVEN, 2)) return "DOUBLE_ELEVEN";
        return null;
    }

    private static boolean near(MonthDay md, MonthDay event, int within) {
        return md.getMonth() == event.getMonth() && Math.abs(md.getDayOfMonth() - event.getDayOfMonth()) <= within;
    }

    /** Store traffic on the day relative to an ordinary Monday–Thursday. */
    public double storeFactor(StoreKind kind, int day) {
        double f = switch (date(day).getDayOfWeek()) {
            case FRIDAY -> kind == StoreKind.SUPERMARKET ? 1.12 : 1.08;
            case SATURDAY -> kind == StoreKind.SUPERMARKET ? 1.38 : 1.10;
            case SUNDAY -> kind == StoreKind.SUPERMARKET ? 1.30 : 0.95;
            default -> 1.0;
        };
        int sf = daysFromSpringFestival(day);
        if (sf >= -10 && sf < -1) f *= kind == StoreKind.SUPERMARKET ? 1.45 : 1.15; // 年货 shopping
        if (sf >= -1 && sf <= 6) f *= kind == StoreKind.SUPERMARKET ? 0.55 : 0.45; // the city empties, staff go home
        return f;
    }

    /** Share of a day's orders in each hour 0–23 (sums to 1; 0 while closed). */
    public static double[] hourProfile(StoreKind kind) {
        double[] w = new double[24];
        for (int h = 0; h < 24; h++) {
            if (kind == StoreKind.CONVENIENCE) {
                w[h] = h < 6 ? 0.15 : 0.6 + bump(h, 8, 1.0, 1.9) + bump(h, 12.3, 0.8, 1.4) + bump(h, 18.8, 1.3, 1.6);
            } else {
                w[h] = h < 8 || h >= 22 ? 0 : 0.5 + bump(h, 10.5, 1.3, 1.2) + bump(h, 18, 1.5, 1.7);
            }
        }
        double s = 0;
        for (double x : w) s += x;
        for (int h = 0; h < 24; h++) w[h] /= s;
        return w;
    }

    private static double bump(int h, double centre, double width, double height) {
        double z = (h + 0.5 - centre) / width;
        return height * Math.exp(-z * z / 2);
    }
}
