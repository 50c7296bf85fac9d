package com.zhidian.members.application;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import com.zhidian.members.domain.LedgerEntry;
import com.zhidian.members.domain.PendingPoints;
import com.zhidian.members.domain.PointsAccount;
import com.zhidian.members.domain.PointsRules;
import com.zhidian.members.fakes.FakeSettings;
import com.zhidian.members.fakes.InMemoryPoints;
import com.zhidian.members.fakes.MutableClock;
import java.time.Duration;
import java.time.Instant;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.LongRange;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Issue 19: a partial refund reverses the points earned on the refunded share, pending or already released. */
class PartialEarnedReversalTest {
    private static final String T = "t_1";
    private static final String M = "mb_1";
    private final MutableClock clock = new MutableClock(Instant.parse("2026-03-10T02:00:00Z"));
    private InMemoryPoints repo;
    private PointsService svc;

    @BeforeEach
    void setUp() {
        repo = new InMemoryPoints();
        svc = new PointsService(repo, new FakeSettings(), clock);
        repo.open(PointsAccount.opened(T, M));
    }

    @Test
    void target_isTheRefundedShareRoundedDown_andAllOnAFullRefund() {
        assertEquals(0, PointsRules.reversedTarget(123, 0, 12_345, false));
        assertEquals(33, PointsRules.reversedTarget(123, 3_333, 12_345, false), "123 × 3333 / 12345 = 33.2 → 33");
        assertEquals(122, PointsRules.reversedTarget(123, 12_344, 12_345, false), "one fen short of all: the member keeps the odd point");
        assertEquals(123, PointsRules.reversedTarget(123, 12_345, 12_345, false));
        assertEquals(123, PointsRules.reversedTarget(123, 100, 12_345, true), "every unit back: all of it");
    }

    @Test
    void pending_twoPartialRefundsThenTheRest_reduceThePendingEarningExactly() {
        svc.earn(T, M, "or_1", "st_1", 12_345);                                    // 123 pending
        assertEquals(33, svc.reversalDue(T, M, "or_1", 3_333, 12_345, false));
        assertEquals(33, svc.reverseEarned(T, M, "or_1", 3_333, 12_345, false, "refund rf_1"));
        assertEquals(0, svc.reverseEarned(T, M, "or_1", 3_333, 12_345, false, "refund rf_1"), "the same refund again: nothing");
        assertEquals(90, svc.view(T, M).pending());
        assertEquals(0, svc.view(T, M).balance());
        // second partial: 6,666 of 12,345 refunded in all → 66 reversed in all, 33 more
        assertEquals(33, svc.reverseEarned(T, M, "or_1", 6_666, 12_345, false, "refund rf_2"));
        assertEquals(57, svc.view(T, M).pending());
        // the rest: every unit refunded → all 123 reversed, the earning cancelled and never released
        assertEquals(57, svc.reverseEarned(T, M, "or_1", 12_345, 12_345, true, "refund rf_3"));
        assertEquals(0, svc.view(T, M).pending());
        assertEquals(PendingPoints.CANCELLED, repo.pending(T, M, "or_1").orElseThrow().state());
        clock.advance(Duration.ofDays(8));
        assertEquals(0, svc.runDue(100).released());
        assertEquals(0, svc.view(T, M).balance());
        assertEquals(-123, repo.allEntries(T, M).stream().filter(e -> LedgerEntry.EARN_CANCELLED.equals(e.kind()))
                .mapToLong(LedgerEntry::pendingDelta).sum());
    }

    @Test
    void pending_partlyReversed_thenReleased_releasesOnlyWhatIsLeft() {
        svc.earn(T, M, "or_1", "st_1", 10_000);                                    // 100 pending
        svc.reverseEarned(T, M, "or_1", 2_500, 10_000, false, "refund rf_1");      // 25 off
        clock.advance(Duration.ofDays(8));
        assertEquals(1, svc.runDue(100).released());
        assertEquals(75, svc.view(T, M).balance());
        assertEquals(0, svc.view(T, M).pending());
        assertEquals(25, repo.pending(T, M, "or_1").orElseThrow().reversed());
    }

    @Test
    void released_isTakenBackFromTheBalance_andWhatWasSpentIsWrittenOff() {
        svc.earn(T, M, "or_1", "st_1", 10_000);                                    // 100 pending
        clock.advance(Duration.ofDays(8));
        svc.runDue(100);                                                          // 100 released
        svc.redeem(T, M, 90, "st_1", null, "spent", "staff");                    // 10 left
        // half refunded: 50 due, only 10 there: 10 taken, 40 written off, nothing negative
        assertEquals(50, svc.reversalDue(T, M, "or_1", 5_000, 10_000, false));
        assertEquals(10, svc.reverseEarned(T, M, "or_1", 5_000, 10_000, false, "refund rf_1"));
        assertEquals(0, svc.view(T, M).balance());
        LedgerEntry last = repo.allEntries(T, M).stream().reduce((a, b) -> b).orElseThrow();
        assertEquals(LedgerEntry.EARN_REVERSED, last.kind());
        assertEquals(-10, last.delta());
        // the member earns again; the rest of the order refunded: 50 more due (the written-off 40 is not asked again)
        svc.adjust(T, M, 200, "gift", null, "owner");
        assertEquals(50, svc.reverseEarned(T, M, "or_1", 10_000, 10_000, true, "refund rf_2"));
        assertEquals(150, svc.view(T, M).balance());
        assertEquals(0, svc.reverseEarned(T, M, "or_1", 10_000, 10_000, true, "refund rf_2"));
        assertEquals(150, svc.view(T, M).balance());
    }

    @Test
    void noEarning_reversesNothing() {
        assertEquals(0, svc.reversalDue(T, M, "or_x", 1, 2, false));
        assertEquals(0, svc.reverseEarned(T, M, "or_x", 1, 2, false, "refund"));
        assertNull(PointsRules.reverseShare(PointsAccount.opened(T, M),
                new PendingPoints("or_1", null, 0, clock.instant(), clock.instant(), PendingPoints.CANCELLED, 10), 10, "r", clock.instant()));
    }

    /** Over any sequence of partial refunds, the reversals add up to the target of the total refunded, never more than earned. */
    @Property(tries = 200)
    void reversalsAddUpToTheTarget(@ForAll @LongRange(min = 1, max = 1_000_000) long paid,
                                   @ForAll @IntRange(min = 1, max = 6) int refunds, @ForAll long seed) {
        InMemoryPoints r = new InMemoryPoints();
        PointsService s = new PointsService(r, new FakeSettings(), clock);
        r.open(PointsAccount.opened(T, M));
        PointsService.Earned e = s.earn(T, M, "or_p", "st_1", paid);
        java.util.Random rnd = new java.util.Random(seed);
        long refunded = 0;
        long reversed = 0;
        for (int i = 0; i < refunds && refunded < paid; i++) {
            refunded += 1 + (long) (rnd.nextDouble() * (paid - refunded - 1));
            boolean full = i == refunds - 1 && rnd.nextBoolean();
            if (full) refunded = paid;
            reversed += s.reverseEarned(T, M, "or_p", refunded, paid, full, "refund " + i);
            assertEquals(PointsRules.reversedTarget(e.points(), refunded, paid, full), reversed);
            assertEquals(e.points() - reversed, s.view(T, M).pending());
        }
    }
}
