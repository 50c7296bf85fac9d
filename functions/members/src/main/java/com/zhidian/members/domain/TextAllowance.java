package com.zhidian.members.domain;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * How many codes one phone may be texted: at most {@value #PER_HOUR} in any hour and {@value #PER_DAY} in any day, as
 * SMS providers in China allow by default, so nobody can flood a stranger's phone from the join or sign-in pages. The
 * page's own countdown spaces the codes a person asks for; this is the server's bound on everyone else.
 */
public final class TextAllowance {
    public static final int PER_HOUR = 5;
    public static final int PER_DAY = 10;
    private static final Duration HOUR = Duration.ofHours(1);
    private static final Duration DAY = Duration.ofDays(1);

    private TextAllowance() {}

    /** The sends still counted at {@code now} (those of the last day), oldest first. */
    public static List<Instant> counted(List<Instant> sent, Instant now) {
        List<Instant> kept = new ArrayList<>();
        for (Instant t : sent) if (t.isAfter(now.minus(DAY)) && !t.isAfter(now)) kept.add(t);
        kept.sort(Comparator.naturalOrder());
        return kept;
    }

    /** When the next code may be texted: {@code now} when it may go now, else when the window that is full frees a place. */
    public static Instant nextAllowed(List<Instant> sent, Instant now) {
        List<Instant> day = counted(sent, now);
        Instant next = now;
        if (day.size() >= PER_DAY) next = later(next, day.get(day.size() - PER_DAY).plus(DAY));
        List<Instant> hour = day.stream().filter(t -> t.isAfter(now.minus(HOUR))).toList();
        if (hour.size() >= PER_HOUR) next = later(next, hour.get(hour.size() - PER_HOUR).plus(HOUR));
        return next;
    }

    private static Instant later(Instant a, Instant b) {
        return a.isAfter(b) ? a : b;
    }
}
