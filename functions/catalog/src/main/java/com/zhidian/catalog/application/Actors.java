package com.zhidian.catalog.application;

import com.zhidian.core.auth.Caller;
import java.time.Clock;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;

/** Who did a change, and when, in the fixed-width form keys sort by. */
final class Actors {
    /** Millisecond, always the same width, so sort keys of movements and history sort by time. */
    static final DateTimeFormatter AT = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSS'Z'").withZone(ZoneOffset.UTC);

    private Actors() {}

    static String who(Caller c) {
        return c.username() != null ? c.username() : c.sub();
    }

    static String now(Clock clock) {
        return AT.format(clock.instant());
    }
}
