package com.zhidian.catalog.application;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.zhidian.catalog.domain.CatalogErrors;
import com.zhidian.catalog.domain.Listing;
import com.zhidian.catalog.domain.Movement;
import com.zhidian.catalog.domain.StockLevel;
import com.zhidian.catalog.domain.Transfer;
import com.zhidian.catalog.store.DynamoStockRepository;
import com.zhidian.core.testing.TestTables;
import com.zhidian.core.Ids;
import com.zhidian.core.auth.Caller;
import com.zhidian.core.auth.Role;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.From;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.Size;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

/**
 * Stock that never lies, on the real adapter and the DynamoDB stand-in: random receipts, counts, adjustments,
 * transfers and reserve / commit / release run from four threads at once; afterwards, in both stores, on hand is
 * the sum of the movements' deltas, reserved the sum of their reserved deltas and of the holds still open, and
 * nothing is ever negative.
 */
class StockProperties {
    private static final DynamoDbClient DB = TestTables.client();
    static final String A = "st_a";
    static final String B = "st_b";

    record Op(int kind, long amount, int order, boolean inA) {}

    @Provide
    Arbitrary<Op> op() {
        return Combinators.combine(Arbitraries.integers().between(0, 6), Arbitraries.longs().between(1, 30),
                Arbitraries.integers().between(0, 5), Arbitraries.of(true, false)).as(Op::new);
    }

    @Property(tries = 12)
    void onHandIsTheSumOfMovements_andNeverNegative(@ForAll @Size(min = 1, max = 60) List<@From("op") Op> ops) throws Exception {
        String tenant = Ids.next("t");
        Fixture f = Fixture.on(DB, tenant, Clock.systemUTC());
        String gtin = f.product("06901234567892");
        Caller owner = new Caller("u", "owner@x", Role.OWNER, tenant, Set.of(), null);
        StockService s = f.services.stock();

        ExecutorService pool = Executors.newFixedThreadPool(4);
        CountDownLatch go = new CountDownLatch(1);
        List<Future<?>> done = new ArrayList<>();
        for (int lane = 0; lane < 4; lane++) {
            int l = lane;
            done.add(pool.submit(() -> {
                go.await();
                for (int i = l; i < ops.size(); i += 4) apply(s, owner, gtin, ops.get(i));
                return null;
            }));
        }
        go.countDown();
        for (Future<?> d : done) d.get();
        pool.shutdown();

        DynamoStockRepository repo = new DynamoStockRepository(DB);
        for (String store : List.of(A, B)) {
            StockLevel level = repo.level(tenant, store, gtin);
            long onHand = 0;
            long reserved = 0;
            String cursor = null;
            do {
                Listing<Movement> page = repo.movements(tenant, store, gtin, 200, cursor);
                for (Movement m : page.items()) {
                    onHand += m.delta();
                    reserved += m.reservedDelta();
                }
                cursor = page.nextCursor();
            } while (cursor != null);
            assertEquals(onHand, level.onHand(), "on hand = sum of movements in " + store);
            assertEquals(reserved, level.reserved(), "reserved = sum of reserved deltas in " + store);
            long held = 0;
            for (int o = 0; o < 6; o++) held += repo.reservations(tenant, store, "ord" + o).values().stream().mapToLong(Long::longValue).sum();
            assertEquals(held, level.reserved(), "reserved = what open holds hold");
            assertTrue(level.onHand() >= 0 && level.reserved() >= 0 && level.available() >= 0, level.toString());
        }
    }

    static void apply(StockService s, Caller c, String gtin, Op op) {
        String store = op.inA() ? A : B;
        String other = op.inA() ? B : A;
        String order = "ord" + op.order();
        try {
            switch (op.kind()) {
                case 0 -> s.receive(c, store, gtin, op.amount(), 100L, "DN", null);
                case 1 -> s.count(c, store, gtin, op.amount(), "count");
                case 2 -> s.adjust(c, store, gtin, -op.amount(), "damage", null);
                case 3 -> s.transfer(c, store, other, List.of(new Transfer.Line(gtin, op.amount())), null);
                case 4 -> s.reserve(c, store, order, Map.of(gtin, op.amount()));
                case 5 -> s.commit(c, store, order);
                default -> s.release(c, store, order);
            }
        } catch (CatalogErrors.InsufficientStock | CatalogErrors.CountBelowReserved | CatalogErrors.ReservationNotFound
                 | CatalogErrors.AlreadyReserved | CatalogErrors.StockBusy expected) {
            // refused as a whole: nothing to check here, the invariants are checked at the end
        }
    }
}
