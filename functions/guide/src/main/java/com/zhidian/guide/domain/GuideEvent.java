package com.zhidian.guide.domain;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;

/**
 * A notice the store posts for its customers (a tasting, a member day, a closed aisle): what, from when to when, and
 * optionally the zone where it happens. {@code title} and {@code body} are shown as written.
 */
public record GuideEvent(String eventId, String title, String body, Instant startsAt, Instant endsAt, String zoneId, Instant createdAt,
                         Instant updatedAt) {
    /** The most events a store keeps at once (ended ones included, until deleted). */
    public static final int MAX_PER_STORE = 200;

    /** Whether it runs at some time of {@code day} in the store's time zone (start inclusive, end exclusive). */
    public boolean runsOn(LocalDate day, ZoneId zone) {
        Instant start = day.atStartOfDay(zone).toInstant();
        Instant end = day.plusDays(1).atStartOfDay(zone).toInstant();
        return startsAt.isBefore(end) && endsAt.isAfter(start);
    }
}
