package com.zhidian.office.domain;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class PatrolRulesTest {
    static final ZoneId SH = ZoneId.of("Asia/Shanghai");
    static final Checkpoint A = new Checkpoint("pcp_a", "s1", "前门", "一楼", null, null, "2026-12-01T00:00:00Z");
    static final Checkpoint B = new Checkpoint("pcp_b", "s1", "后门", "一楼", null, null, "2026-12-01T00:00:00Z");
    static final PatrolRoute ROUTE = new PatrolRoute("prt_1", "s1", "夜巡", List.of("pcp_a", "pcp_b"), List.of("09:00", "21:30"), 10,
            List.of("u1"), "2026-12-01T00:00:00Z", "2026-12-01T00:00:00Z");
    /** 21:30 in Shanghai on 4 December is 13:30 UTC. */
    static final Instant DUE = Instant.parse("2026-12-04T13:30:00Z");

    @Test
    void theRoundsTimesAreReadInTheTenantsZone() {
        List<Instant> dues = PatrolRules.dues(ROUTE, SH, Instant.parse("2026-12-04T00:00:00Z"), Instant.parse("2026-12-05T00:00:00Z"));
        assertEquals(List.of(Instant.parse("2026-12-04T01:00:00Z"), DUE), dues);
    }

    @Test
    void noRoundCountsBeforeTheRouteTakesEffect() {
        PatrolRoute late = new PatrolRoute("prt_2", "s1", "r", List.of("pcp_a"), List.of("09:00", "21:30"), 10, List.of(),
                "2026-12-04T05:00:00Z", "2026-12-04T05:00:00Z");
        assertEquals(List.of(DUE), PatrolRules.dues(late, SH, Instant.parse("2026-12-03T00:00:00Z"), Instant.parse("2026-12-05T00:00:00Z")));
    }

    @Test
    void onTimeUpToTheTolerance_lateUpToTwice_thenClosed() {
        assertEquals(Optional.empty(), PatrolRules.classify(DUE, 10, DUE.minusSeconds(601)));
        assertEquals(Optional.of("on_time"), PatrolRules.classify(DUE, 10, DUE.minusSeconds(600)));
        assertEquals(Optional.of("on_time"), PatrolRules.classify(DUE, 10, DUE.plusSeconds(600)));
        assertEquals(Optional.of("late"), PatrolRules.classify(DUE, 10, DUE.plusSeconds(601)));
        assertEquals(Optional.of("late"), PatrolRules.classify(DUE, 10, DUE.plusSeconds(1199)));
        assertEquals(Optional.empty(), PatrolRules.classify(DUE, 10, DUE.plusSeconds(1200)));
    }

    @Test
    void theOpenRoundIsFoundFromItsWindow() {
        assertEquals(Optional.of(DUE), PatrolRules.openDue(ROUTE, SH, DUE.plusSeconds(900)));
        assertEquals(Optional.empty(), PatrolRules.openDue(ROUTE, SH, DUE.plusSeconds(1200)));
        assertEquals(Optional.of(DUE), PatrolRules.openDue(ROUTE, SH, DUE.minusSeconds(300)));
    }

    @Test
    void aVisitIsRecordedOnce_andClosingMissesTheRest() {
        Round r = PatrolRules.newRound(ROUTE, DUE, List.of(A, B));
        assertEquals("open", r.status());
        Round visited = PatrolRules.visit(r, "pcp_a", DUE.plusSeconds(60), "u1", "张三", null);
        assertEquals("on_time", visited.visits().get(0).status());
        assertEquals(r.version() + 1, visited.version());
        assertThrows(OfficeErrors.AlreadyVisited.class, () -> PatrolRules.visit(visited, "pcp_a", DUE.plusSeconds(70), "u1", "张三", null));
        assertThrows(OfficeErrors.NotOnRoute.class, () -> PatrolRules.visit(visited, "pcp_x", DUE.plusSeconds(70), "u1", "张三", null));
        assertThrows(OfficeErrors.RoundClosed.class, () -> PatrolRules.visit(visited, "pcp_b", DUE.plusSeconds(1200), "u1", "张三", null));
        assertTrue(PatrolRules.close(visited, DUE.plusSeconds(1199)) == visited, "still open: unchanged");
        Round closed = PatrolRules.close(visited, DUE.plusSeconds(1200));
        assertEquals("missed", closed.visits().get(1).status());
        assertEquals("missed", closed.status());
        assertTrue(PatrolRules.close(closed, DUE.plusSeconds(5000)) == closed, "closing twice changes nothing");
    }

    @Test
    void anAlertsIdIsTheSameForTheSameRoundAndCheckpoint_andSortsByTime() {
        Round r = PatrolRules.newRound(ROUTE, DUE, List.of(A, B));
        assertEquals(PatrolRules.alertId(r, "pcp_a"), PatrolRules.alertId(r, "pcp_a"));
        assertNotEquals(PatrolRules.alertId(r, "pcp_a"), PatrolRules.alertId(r, "pcp_b"));
        Round earlier = PatrolRules.newRound(ROUTE, DUE.minusSeconds(43_200), List.of(A, B));
        assertTrue(PatrolRules.alertId(earlier, "pcp_b").compareTo(PatrolRules.alertId(r, "pcp_a")) < 0);
        assertTrue(PatrolRules.alertId(r, "pcp_a").matches("[A-Za-z0-9_-]{1,64}"));
    }
}
