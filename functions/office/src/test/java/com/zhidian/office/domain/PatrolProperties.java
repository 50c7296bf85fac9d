package com.zhidian.office.domain;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;

/** Invariants of rounds: every checkpoint ends in exactly one state, and a closed round holds no pending visit. */
class PatrolProperties {
    static final Instant DUE = Instant.parse("2026-12-04T13:30:00Z");

    @Property
    void afterClosing_everyCheckpointIsOnTimeLateOrMissed_andVisitsKeepTheirState(
            @ForAll @IntRange(min = 1, max = 8) int checkpoints, @ForAll @IntRange(min = 1, max = 120) int tolerance,
            @ForAll List<@IntRange(min = -200, max = 400) Integer> visitOffsetsMinutes) {
        List<Checkpoint> cps = new ArrayList<>();
        List<String> ids = new ArrayList<>();
        for (int i = 0; i < checkpoints; i++) {
            cps.add(new Checkpoint("c" + i, "s", "n" + i, "p", null, null, "2026-01-01T00:00:00Z"));
            ids.add("c" + i);
        }
        PatrolRoute route = new PatrolRoute("r", "s", "r", ids, List.of("21:30"), tolerance, List.of(), "2026-01-01T00:00:00Z", "2026-01-01T00:00:00Z");
        Round round = PatrolRules.newRound(route, DUE, cps);
        int i = 0;
        for (Integer offset : visitOffsetsMinutes) {
            Instant at = DUE.plus(Duration.ofMinutes(offset));
            String id = "c" + (i++ % checkpoints);
            try {
                Round next = PatrolRules.visit(round, id, at, "u", "u", null);
                String expected = PatrolRules.classify(DUE, tolerance, at).orElseThrow();
                assertEquals(expected, next.visits().stream().filter(v -> v.checkpointId().equals(id)).findFirst().orElseThrow().status());
                round = next;
            } catch (OfficeErrors.AlreadyVisited | OfficeErrors.RoundClosed refused) {
                // a second visit or one outside the window changes nothing
            }
        }
        Round closed = PatrolRules.close(round, PatrolRules.closesAt(DUE, tolerance));
        for (int k = 0; k < checkpoints; k++) {
            String before = round.visits().get(k).status();
            String after = closed.visits().get(k).status();
            assertTrue(List.of("on_time", "late", "missed").contains(after), after);
            if (!"pending".equals(before)) assertEquals(before, after, "a visit keeps its state");
        }
        assertTrue(!"open".equals(closed.status()));
    }

    @Property
    void everyDueLiesInTheWindowAsked_andInTheRoutesTimes(@ForAll @IntRange(min = 0, max = 23) int hour, @ForAll @IntRange(min = 0, max = 59) int minute,
                                                         @ForAll @IntRange(min = 0, max = 5_000_000) int fromSeconds) {
        String time = String.format("%02d:%02d", hour, minute);
        PatrolRoute route = new PatrolRoute("r", "s", "r", List.of("c"), List.of(time), 5, List.of(), "2026-01-01T00:00:00Z", "2026-01-01T00:00:00Z");
        ZoneId zone = ZoneId.of("Asia/Shanghai");
        Instant from = Instant.parse("2026-02-01T00:00:00Z").plusSeconds(fromSeconds);
        Instant to = from.plus(Duration.ofHours(24));
        List<Instant> dues = PatrolRules.dues(route, zone, from, to);
        assertEquals(1, dues.size(), "one round a day for one time");
        assertTrue(dues.get(0).isAfter(from) && !dues.get(0).isAfter(to));
        assertEquals(time, dues.get(0).atZone(zone).toLocalTime().toString());
    }
}
