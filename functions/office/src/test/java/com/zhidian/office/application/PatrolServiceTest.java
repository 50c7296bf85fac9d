package com.zhidian.office.application;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.zhidian.core.auth.Caller;
import com.zhidian.core.auth.Role;
import com.zhidian.core.links.SignedLinks;
import com.zhidian.office.domain.Checkpoint;
import com.zhidian.office.domain.OfficeErrors;
import com.zhidian.office.domain.PatrolAlert;
import com.zhidian.office.domain.PatrolRoute;
import com.zhidian.office.domain.Round;
import com.zhidian.office.fakes.InMemoryPatrols;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The patrol use cases on an injected clock: on time, late and missed decided by the time the clock says. */
class PatrolServiceTest {
    static final Instant SET_UP = Instant.parse("2026-12-04T10:00:00Z");
    /** 21:30 in Shanghai. */
    static final Instant DUE = Instant.parse("2026-12-04T13:30:00Z");
    final Instant[] now = {SET_UP};
    final Clock clock = new Clock() {
        @Override public ZoneOffset getZone() { return ZoneOffset.UTC; }
        @Override public Clock withZone(ZoneId zone) { return this; }
        @Override public Instant instant() { return now[0]; }
    };
    final InMemoryPatrols repo = new InMemoryPatrols();
    final SignedLinks tags = new SignedLinks("test", PatrolService.TAG_PURPOSE);
    final PatrolService patrols = new PatrolService(repo, tags, (t, s) -> "s1".equals(s), t -> ZoneId.of("Asia/Shanghai"),
            t -> List.of(new PatrolService.Person("u1", "张保安", "staff", List.of("s1"), true),
                    new PatrolService.Person("u2", "李店员", "staff", List.of("s1"), true)), clock);
    final Caller owner = new Caller("o", "owner@x", Role.OWNER, "t1", Set.of(), null);
    final Caller walker = new Caller("u1", "walker@x", Role.STAFF, "t1", Set.of("s1"), null);
    final Caller other = new Caller("u2", "other@x", Role.STAFF, "t1", Set.of("s1"), null);
    Checkpoint a;
    Checkpoint b;

    @BeforeEach
    void setUp() {
        a = patrols.createCheckpoint(owner, "s1", "前门", "一楼", null);
        b = patrols.createCheckpoint(owner, "s1", "后门", "一楼", null);
        patrols.createRoute(owner, "s1", new PatrolService.NewRoute("夜巡", List.of(a.checkpointId(), b.checkpointId()), List.of("21:30"), 10,
                List.of("u1"), null));
    }

    @Test
    void onTimeThenLate_theLateVisitRaisesItsAlertAtOnce() {
        now[0] = DUE.plusSeconds(300);
        assertEquals("on_time", patrols.checkIn(walker, patrols.tag("t1", a)).visits().get(0).status());
        now[0] = DUE.plusSeconds(900);
        Round r = patrols.checkIn(walker, patrols.tag("t1", b));
        assertEquals("late", r.status());
        List<PatrolAlert> alerts = patrols.alerts(owner, "s1", PatrolAlert.OPEN, 10, null).items();
        assertEquals(1, alerts.size());
        assertEquals("late", alerts.get(0).kind());
        now[0] = DUE.plusSeconds(3600);
        assertEquals(0, patrols.sweep(), "nothing missed");
    }

    @Test
    void theSweepMissesUnvisitedCheckpointsOnce_andOnlyAfterTheRoundCloses() {
        now[0] = DUE.plusSeconds(60);
        patrols.checkIn(walker, patrols.tag("t1", a));
        now[0] = DUE.plusSeconds(1199);
        assertEquals(0, patrols.sweep(), "still open");
        now[0] = DUE.plusSeconds(1200);
        assertEquals(1, patrols.sweep());
        assertEquals(0, patrols.sweep(), "once");
        now[0] = DUE.plusSeconds(4000);
        assertEquals(0, patrols.sweep(), "and never again");
        Round r = patrols.rounds(owner, "s1", 10, null).items().get(0);
        assertEquals("missed", r.status());
        assertEquals("on_time", r.visits().get(0).status());
        assertEquals("missed", r.visits().get(1).status());
    }

    @Test
    void anUntouchedRoundIsMissedWhole_andTheNextDaysToo() {
        now[0] = DUE.plusSeconds(1200);
        assertEquals(2, patrols.sweep(), "both checkpoints of the round");
        now[0] = DUE.plusSeconds(86_400 + 1200);
        assertEquals(2, patrols.sweep(), "the next day's round");
        assertEquals(2, patrols.rounds(owner, "s1", 10, null).items().size());
    }

    @Test
    void aSweepThatStoppedLooksBackADayAtMost() {
        now[0] = DUE.plusSeconds(3 * 86_400 + 1200);
        assertEquals(2, patrols.sweep(), "only the round of the last day");
        assertEquals(1, patrols.rounds(owner, "s1", 10, null).items().size());
    }

    @Test
    void onlyTheAssignedWalkerChecksIn_andOnlyWhileARoundIsOpen() {
        now[0] = DUE.minusSeconds(601);
        assertThrows(OfficeErrors.NoRoundOpen.class, () -> patrols.checkIn(walker, patrols.tag("t1", a)));
        now[0] = DUE;
        assertThrows(OfficeErrors.NoRoundOpen.class, () -> patrols.checkIn(other, patrols.tag("t1", a)));
        assertThrows(OfficeErrors.NotATag.class, () -> patrols.checkIn(walker, "ZDP1.t1." + a.checkpointId() + ".forged"));
        assertThrows(OfficeErrors.NotATag.class, () -> patrols.checkIn(walker, tags.seal(PatrolService.TAG_PREFIX, "t2", a.checkpointId())));
        assertEquals("open", patrols.checkIn(owner, patrols.tag("t1", a)).status(), "the owner may walk any route");
        assertThrows(OfficeErrors.AlreadyVisited.class, () -> patrols.checkIn(walker, patrols.tag("t1", a)));
    }

    @Test
    void aCheckpointsTag_isSealedForItsCheckpoint_andNothingElseOpensIt() {
        now[0] = DUE;
        String tag = patrols.tag("t1", a);
        assertEquals(tags.seal("ZDP1", "t1", a.checkpointId()), tag);
        String forgedWithAnotherSecret = new SignedLinks("other", PatrolService.TAG_PURPOSE).seal("ZDP1", "t1", a.checkpointId());
        assertThrows(OfficeErrors.NotATag.class, () -> patrols.checkIn(walker, forgedWithAnotherSecret));
        String otherPurpose = new SignedLinks("test", "parking").seal("ZDP1", "t1", a.checkpointId());
        assertThrows(OfficeErrors.NotATag.class, () -> patrols.checkIn(walker, otherPurpose));
        assertThrows(OfficeErrors.NotATag.class, () -> patrols.checkIn(walker, "ZDP1.t1." + a.checkpointId()));
        assertEquals("open", patrols.checkIn(walker, "  " + tag + "\n").status(), "blanks around a scanned code are ignored");
    }

    @Test
    void aRouteNamesOnlyTheStoresCheckpointsAndStaff() {
        assertThrows(OfficeErrors.UnknownCheckpoints.class, () -> patrols.createRoute(owner, "s1",
                new PatrolService.NewRoute("r", List.of("pcp_none"), List.of("08:00"), 5, List.of(), null)));
        assertThrows(OfficeErrors.UnknownStaff.class, () -> patrols.createRoute(owner, "s1",
                new PatrolService.NewRoute("r", List.of(a.checkpointId()), List.of("08:00"), 5, List.of("u9"), null)));
        assertThrows(OfficeErrors.StoreNotFound.class, () -> patrols.createCheckpoint(owner, "s9", "x", "y", null));
        PatrolRoute r = patrols.routes(walker, "s1").get(0);
        assertEquals(List.of("21:30"), r.times());
    }
}
