package com.zhidian.members.store;

import com.zhidian.core.errors.ApiException;
import com.zhidian.core.testing.TestTables;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.zhidian.core.Ids;
import com.zhidian.core.paging.Page;
import com.zhidian.members.application.PointsService;
import com.zhidian.members.domain.LedgerEntry;
import com.zhidian.members.domain.MembersErrors;
import com.zhidian.members.domain.PendingPoints;
import com.zhidian.members.domain.PointsAccount;
import com.zhidian.members.domain.PointsSettings;
import com.zhidian.members.fakes.FakeSettings;
import com.zhidian.members.fakes.MutableClock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.From;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.Size;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.TransactWriteItem;

/**
 * The same invariant as {@code PointsProperties}, against the real DynamoDB adapter on the stand-in:
 * random concurrent earn / release / redeem / adjust / return / expire, then balance = ledger sum, never
 * negative, contiguous ledger, unspent lots = balance.
 */
class DynamoPointsProperties {
    private static final DynamoDbClient DB = TestTables.client();

    record Op(int kind, long amount, int order) {}

    @Provide
    Arbitrary<Op> op() {
        return Arbitraries.integers().between(0, 4).flatMap(k -> Arbitraries.longs().between(1, 400)
                .flatMap(a -> Arbitraries.integers().between(0, 15).map(o -> new Op(k, a, o))));
    }

    @Property(tries = 15)
    void balanceIsLedgerSum(@ForAll @Size(min = 1, max = 80) List<@From("op") Op> ops) throws Exception {
        String t = Ids.next("t");
        String m = Ids.next("mb");
        MutableClock clock = new MutableClock(Instant.parse("2026-01-05T00:00:00Z"));
        FakeSettings settings = new FakeSettings();
        settings.savePoints(t, new PointsSettings(1, 7, PointsSettings.Expiry.MONTHS_AFTER_CREDIT, 6));
        DynamoPointsRepository repo = new DynamoPointsRepository(DB);
        PointsService svc = new PointsService(repo, settings, clock);
        DB.transactWriteItems(b -> b.transactItems(TransactWriteItem.builder().put(p -> p.tableName(com.zhidian.core.Env.tableName())
                .item(DynamoPointsRepository.accountItem(PointsAccount.opened(t, m)))).build()));

        ExecutorService pool = Executors.newFixedThreadPool(4);
        CountDownLatch go = new CountDownLatch(1);
        List<Future<?>> done = new ArrayList<>();
        for (int lane = 0; lane < 4; lane++) {
            int l = lane;
            done.add(pool.submit(() -> {
                go.await();
                for (int i = l; i < ops.size(); i += 4) apply(svc, clock, t, m, ops.get(i));
                return null;
            }));
        }
        go.countDown();
        for (Future<?> f : done) f.get();
        pool.shutdown();

        PointsAccount a = repo.account(t, m).orElseThrow();
        List<LedgerEntry> ledger = new ArrayList<>();
        String cursor = null;
        do {
            Page<LedgerEntry> p = repo.ledger(t, m, 200, cursor);
            ledger.addAll(p.items());
            cursor = p.nextCursor();
        } while (cursor != null);
        java.util.Collections.reverse(ledger);
        long sum = 0, pending = 0, seq = 0;
        for (LedgerEntry e : ledger) {
            assertEquals(++seq, e.seq());
            sum += e.delta();
            pending += e.pendingDelta();
            assertEquals(sum, e.balanceAfter());
            assertTrue(e.balanceAfter() >= 0 && e.pendingAfter() >= 0);
        }
        assertEquals(a.version(), seq);
        assertEquals(sum, a.balance());
        assertEquals(pending, a.pending());
        assertEquals(pending, repo.openPending(t, m).stream().mapToLong(PendingPoints::points).sum());
        long unspent = repo.lotsFrom(t, m, a.consumed(), 10_000).stream().mapToLong(x -> x.remaining(a.consumed())).sum();
        assertEquals(a.balance(), unspent);
    }

    private static void apply(PointsService svc, MutableClock clock, String t, String m, Op op) {
        try {
            switch (op.kind()) {
                case 0 -> svc.earn(t, m, "or_" + op.order(), "st_1", op.amount() * 100);
                case 1 -> svc.redeem(t, m, op.amount(), "st_1", null, "gift", "staff");
                case 2 -> svc.adjust(t, m, op.amount() % 2 == 0 ? op.amount() : -op.amount(), "fix", null, "owner");
                case 3 -> svc.cancelEarning(t, m, "or_" + op.order(), "returned");
                default -> {
                    synchronized (clock) {
                        clock.advance(Duration.ofDays(op.amount()));
                    }
                    svc.releaseIfDue(t, m, "or_" + op.order());
                    svc.expireDue(t, m);
                }
            }
        } catch (MembersErrors.NotEnoughPoints refused) {
            // the generator asks for more than the balance at times: refused, nothing written
        } catch (ApiException busy) {
            // Retry's 409 "changing too fast" when four lanes outlast its attempts on a loaded machine: nothing written
            if (busy.status() != 409) throw busy;
        }
    }
}
