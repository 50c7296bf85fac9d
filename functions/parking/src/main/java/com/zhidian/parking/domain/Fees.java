package com.zhidian.parking.domain;

import java.time.Duration;
import java.util.List;

/**
 * The one fee rule of a stay, pure. The free minutes (the tariff's, plus a member's free hours for that day's spending)
 * come off the start of the stay; what is left is charged per started hour, at most the daily cap for each 24 hours of
 * it. So a stay within its free time costs nothing, a longer stay never costs less, and no stay costs more than the
 * cap times the number of started 24-hour days it lasted.
 */
public final class Fees {
    private Fees() {}

    private static final long DAY_MINUTES = 24 * 60;

    /** The fee in fen of a stay of {@code parked}, with {@code extraFreeMinutes} more free than the tariff gives. */
    public static long fee(Tariff t, Duration parked, long extraFreeMinutes) {
        if (parked.isNegative()) parked = Duration.ZERO;
        long minutes = ceilMinutes(parked);
        long billable = minutes - t.freeMinutes() - Math.max(0, extraFreeMinutes);
        if (billable <= 0) return 0;
        long fullDays = billable / DAY_MINUTES;
        long rest = billable % DAY_MINUTES;
        long dayFee = Math.min(t.dailyCapFen(), 24 * t.perHourFen());
        long restFee = Math.min(t.dailyCapFen(), ((rest + 59) / 60) * t.perHourFen());
        return fullDays * dayFee + restFee;
    }

    /** Started minutes: 61 seconds are 2 minutes (a driver is never charged for a part minute less than the clock shows). */
    static long ceilMinutes(Duration d) {
        long s = d.getSeconds() + (d.getNano() > 0 ? 1 : 0);
        return (s + 59) / 60;
    }

    /** A member's free minutes for spending {@code spentFen} that day: the best rule met (0 when none). */
    public static long memberFreeMinutes(List<FreeHours> rules, long spentFen) {
        long best = 0;
        for (FreeHours r : rules) if (spentFen >= r.spendFen()) best = Math.max(best, r.hours() * 60L);
        return best;
    }
}
