package com.zhidian.members.application;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.zhidian.members.domain.LedgerEntry;
import com.zhidian.members.domain.MembersErrors;
import com.zhidian.members.domain.PointsAccount;
import com.zhidian.members.fakes.FakeSettings;
import com.zhidian.members.fakes.InMemoryPoints;
import com.zhidian.members.fakes.MutableClock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class PointsServiceTest {
    private static final String T = "t_1";
    private static final String M = "mb_1";
    private final MutableClock clock = new MutableClock(Instant.parse("2026-03-10T02:00:00Z"));
    private InMemoryPoints repo;
    private FakeSettings settings;
    private PointsService svc;

    @BeforeEach
    void setUp() {
        repo = new InMemoryPoints();
        settings = new FakeSettings();
        svc = new PointsService(repo, settings, clock);
        repo.open(PointsAccount.opened(T, M));
    }

    @Test
    void twentyConcurrentRedeemsOfTenOnAHundred_exactlyTenSucceed() throws Exception {
        svc.adjust(T, M, 100, "seed", null, "owner");
        ExecutorService pool = Executors.newFixedThreadPool(20);
        CountDownLatch go = new CountDownLatch(1);
        List<Future<Boolean>> results = new ArrayList<>();
        for (int i = 0; i < 20; i++) {
            results.add(pool.submit(() -> {
                go.await();
                try {
                    svc.redeem(T, M, 10, "st_1", null, "gift", "staff");
                    return true;
                } catch (MembersErrors.NotEnoughPoints e) {
                    return false;
                }
            }));
        }
        go.countDown();
        int ok = 0;
        for (Future<Boolean> f : results) if (f.get()) ok++;
        pool.shutdown();
        assertEquals(10, ok);
        assertEquals(0, svc.view(T, M).balance());
        assertEquals(0, repo.allEntries(T, M).stream().mapToLong(LedgerEntry::delta).sum());
    }

    @Test
    void unknownMember_isNotFound() {
        assertEquals("mb_nope", assertThrows(MembersErrors.MemberNotFound.class, () -> svc.view(T, "mb_nope")).memberId());
        assertThrows(MembersErrors.MemberNotFound.class, () -> svc.view("t_other", M));
    }

    @Test
    void earn_isPendingThenReleasedByTheJob_andIdempotentPerOrder() {
        PointsService.Earned e = svc.earn(T, M, "or_1", "st_1", 12_345);
        assertEquals(123, e.points());
        assertFalse(e.duplicate());
        assertTrue(svc.earn(T, M, "or_1", "st_1", 12_345).duplicate());
        assertEquals(123, svc.view(T, M).pending());
        assertEquals(0, svc.view(T, M).balance());

        clock.advance(Duration.ofDays(6));
        assertEquals(0, svc.runDue(100).released());
        clock.advance(Duration.ofDays(1));
        assertEquals(1, svc.runDue(100).released());
        PointsService.View v = svc.view(T, M);
        assertEquals(123, v.balance());
        assertEquals(0, v.pending());
        assertEquals(123, v.lifetimeEarned());
        assertEquals(0, svc.runDue(100).seen(), "released work is off the list");
    }

    @Test
    void returnWithinWindow_cancelsPending_afterWindow_takesBack() {
        svc.earn(T, M, "or_1", "st_1", 5_000);
        assertEquals(50, svc.cancelEarning(T, M, "or_1", "returned"));
        assertEquals(0, svc.view(T, M).pending());
        assertEquals(0, svc.cancelEarning(T, M, "or_1", "returned"), "a second return changes nothing");
        clock.advance(Duration.ofDays(8));
        assertEquals(0, svc.runDue(100).released(), "a cancelled earning is never released");

        svc.earn(T, M, "or_2", "st_1", 3_000);
        clock.advance(Duration.ofDays(8));
        svc.runDue(100);
        svc.redeem(T, M, 10, "st_1", null, "gift", "staff");
        assertEquals(20, svc.cancelEarning(T, M, "or_2", "after-sales"), "only what is left can be taken back");
        assertEquals(0, svc.view(T, M).balance());
    }

    @Test
    void expiry_oldestFirst_byTheJob_visibleInLedger() {
        // 2026 credits expire at the end of 2027, 2027 credits at the end of 2028 (Shanghai)
        svc.adjust(T, M, 100, "2026 points", null, "owner");
        clock.set(Instant.parse("2027-06-01T00:00:00Z"));
        svc.adjust(T, M, 50, "2027 points", null, "owner");
        svc.redeem(T, M, 30, "st_1", null, "gift", "staff");   // spends 2026 points first
        clock.set(Instant.parse("2027-12-20T00:00:00Z"));
        PointsService.View soon = svc.view(T, M);
        assertEquals(70, soon.expiringSoon());
        assertEquals(Instant.parse("2027-12-31T16:00:00Z"), soon.nextExpiryAt());

        clock.set(Instant.parse("2027-12-31T16:00:01Z"));
        PointsService.JobResult r = svc.runDue(100);
        assertEquals(70, r.pointsExpired());
        assertEquals(50, svc.view(T, M).balance());
        LedgerEntry last = svc.ledger(T, M, 1, null).items().get(0);
        assertEquals(LedgerEntry.EXPIRE, last.kind());
        assertEquals(-70, last.delta());
        assertEquals(0, svc.runDue(100).pointsExpired(), "running again expires nothing more");
    }

    @Test
    void manyLots_expiringSoonCountsThemAll_andTheViewReadsOnlyUpToTheFirstLaterOne() {
        // 60 credits of 2026 (more than one page of lots), then 60 of 2027
        for (int i = 0; i < 60; i++) svc.adjust(T, M, 2, "2026 visit " + i, null, "owner");
        clock.set(Instant.parse("2027-06-01T00:00:00Z"));
        for (int i = 0; i < 60; i++) svc.adjust(T, M, 3, "2027 visit " + i, null, "owner");
        svc.redeem(T, M, 7, "st_1", null, "gift", "staff");     // 3 lots and a half of 2026 spent

        clock.set(Instant.parse("2027-12-20T00:00:00Z"));
        repo.lotsRead = 0;
        PointsService.View v = svc.view(T, M);
        assertEquals(120 - 7, v.expiringSoon(), "every 2026 point left, across pages");
        assertEquals(Instant.parse("2027-12-31T16:00:00Z"), v.nextExpiryAt());
        assertTrue(repo.lotsRead <= 4 + 3 * 25, "pages of 4, 25, 25, 25 up to the first 2027 lot, not all 117 lots: " + repo.lotsRead);

        clock.set(Instant.parse("2027-06-02T00:00:00Z"));
        repo.lotsRead = 0;
        assertEquals(0, svc.view(T, M).expiringSoon());
        assertTrue(repo.lotsRead <= 4, "one short page when nothing is due soon: " + repo.lotsRead);

        clock.set(Instant.parse("2027-12-31T16:00:01Z"));
        assertEquals(113, svc.runDue(1_000).pointsExpired(), "the job expires all 57 lots left of 2026, across pages");
        assertEquals(180, svc.view(T, M).balance());
    }

    @Test
    void adjustNegativeBelowZero_isNotEnoughPoints() {
        svc.adjust(T, M, 5, "seed", null, "owner");
        assertEquals(5, assertThrows(MembersErrors.NotEnoughPoints.class, () -> svc.adjust(T, M, -6, "x", null, "owner")).balance());
    }
}
