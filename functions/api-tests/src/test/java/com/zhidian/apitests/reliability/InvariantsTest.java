package com.zhidian.apitests.reliability;

import static com.zhidian.apitests.support.Api.map;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.zhidian.apitests.security.SpecOps;
import com.zhidian.apitests.support.Api;
import com.zhidian.apitests.support.Fixtures;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * Invariants under seeded random concurrent load. Each {@link Invariant} drives its routes from several threads
 * at once and then checks what must always hold. One line per invariant in {@link #INVARIANTS}: stock never
 * below zero and coupon stock never oversold join as their routes land. {@code -Dinvariants.seed=N} replays.
 */
class InvariantsTest {
    static final int THREADS = 8;
    static final int OPS_PER_THREAD = 40;

    interface Invariant {
        /** The operations it needs; it is skipped until all are in the spec. */
        List<String> needs();

        /** Sets up, runs the seeded load from {@link #THREADS} threads, and answers every violation found. */
        List<String> run(long seed) throws Exception;
    }

    static final Map<String, Invariant> INVARIANTS = Map.of(
            "points: balance = sum of the ledger, never negative, every success exactly one entry", new PointsInvariant(),
            "purchase orders: never more received than ordered, the order's receipts = the successful calls = the stock booked",
            new PurchaseOrderInvariant());

    @TestFactory
    Stream<DynamicTest> invariantsHold_underSeededConcurrentLoad() {
        long seed = Long.getLong("invariants.seed", System.currentTimeMillis());
        return INVARIANTS.entrySet().stream().map(e -> DynamicTest.dynamicTest(e.getKey(), () -> {
            for (String op : e.getValue().needs()) assumeTrue(SpecOps.exists(op), op + " is not in the spec yet");
            List<String> violations = e.getValue().run(seed);
            System.out.printf("[reliability] invariant \"%s\": seed %d, %d threads x %d operations, %d violations%n",
                    e.getKey(), seed, THREADS, OPS_PER_THREAD, violations.size());
            assertEquals(List.of(), violations, "seed " + seed + " (replay with -Dinvariants.seed=" + seed + ")");
        }));
    }

    /** Adjustments up and down and redemptions, concurrently, on a few members of one tenant. */
    static final class PointsInvariant implements Invariant {
        @Override
        public List<String> needs() {
            return List.of("POST /members", "GET /members/{memberId}/points", "GET /members/{memberId}/points/ledger",
                    "POST /members/{memberId}/points/adjust", "POST /members/{memberId}/points/redeem");
        }

        @Override
        public List<String> run(long seed) throws Exception {
            Fixtures.TenantFixture t = Fixtures.newTenant("premium", 2);
            Api staff = t.staff(t.storeIds().get(0));
            List<String> members = new ArrayList<>();
            for (int i = 0; i < 3; i++) {
                Api.Res m = t.owner().post("/members", map("phone", Fixtures.uniquePhone(), "storeId", t.storeIds().get(0)),
                        UUID.randomUUID().toString());
                assertEquals(201, m.status(), m::toString);
                members.add(m.json().get("memberId").asText());
            }
            Map<String, AtomicLong> expected = new ConcurrentHashMap<>();
            Map<String, AtomicLong> successes = new ConcurrentHashMap<>();
            members.forEach(m -> { expected.put(m, new AtomicLong()); successes.put(m, new AtomicLong()); });
            List<String> violations = Collections.synchronizedList(new ArrayList<>());
            ExecutorService pool = Executors.newFixedThreadPool(THREADS);
            List<Future<?>> futures = new ArrayList<>();
            for (int th = 0; th < THREADS; th++) {
                Random r = new Random(seed * 1_000_003L + th);
                futures.add(pool.submit(() -> {
                    for (int k = 0; k < OPS_PER_THREAD; k++) {
                        String m = members.get(r.nextInt(members.size()));
                        int dice = r.nextInt(100);
                        Api.Res res;
                        long delta;
                        if (dice < 40) {
                            delta = 1 + r.nextInt(300);
                            res = t.owner().post("/members/" + m + "/points/adjust", map("delta", delta, "reason", "奖励"), UUID.randomUUID().toString());
                        } else if (dice < 55) {
                            delta = -(1 + r.nextInt(200));
                            res = t.owner().post("/members/" + m + "/points/adjust", map("delta", delta, "reason", "更正"), UUID.randomUUID().toString());
                        } else {
                            long pts = 1 + r.nextInt(250);
                            delta = -pts;
                            Api who = r.nextBoolean() ? staff : t.owner();
                            res = who.post("/members/" + m + "/points/redeem", map("points", pts, "storeId", t.storeIds().get(0)),
                                    UUID.randomUUID().toString());
                        }
                        if (res.status() == 200 || res.status() == 201) {
                            expected.get(m).addAndGet(delta);
                            successes.get(m).incrementAndGet();
                        } else if (res.status() != 422 && res.status() != 409) {
                            violations.add("unexpected answer " + res);
                        }
                    }
                    return null;
                }));
            }
            for (Future<?> f : futures) f.get();
            pool.shutdown();
            for (String m : members) check(t.owner(), m, expected.get(m).get(), successes.get(m).get(), violations);
            return violations;
        }

        private static void check(Api owner, String m, long expectedBalance, long successes, List<String> violations) {
            JsonNode points = owner.get("/members/" + m + "/points").json();
            long balance = points.get("balance").asLong();
            List<JsonNode> ledger = Ledger.entries(owner, m);
            long sum = 0;
            for (JsonNode e : ledger) sum += e.path("delta").asLong();
            if (balance != sum) violations.add(m + ": balance " + balance + " but the ledger sums to " + sum);
            if (balance < 0) violations.add(m + ": negative balance " + balance);
            if (balance != expectedBalance) violations.add(m + ": balance " + balance + " but the successful answers add up to " + expectedBalance);
            if (ledger.size() != successes) violations.add(m + ": " + ledger.size() + " ledger entries for " + successes + " successful calls");
            List<JsonNode> bySeq = new ArrayList<>(ledger);
            bySeq.sort((a, b) -> Long.compare(a.path("seq").asLong(), b.path("seq").asLong()));
            long running = 0;
            for (int i = 0; i < bySeq.size(); i++) {
                JsonNode e = bySeq.get(i);
                running += e.path("delta").asLong();
                if (e.path("seq").asLong() != i + 1) violations.add(m + ": ledger seq " + e.path("seq") + " at position " + (i + 1));
                if (e.has("balanceAfter") && e.path("balanceAfter").asLong() != running) {
                    violations.add(m + ": entry " + e.path("seq") + " says balanceAfter " + e.path("balanceAfter") + ", the running sum is " + running);
                }
                if (running < 0) violations.add(m + ": balance below zero after entry " + e.path("seq"));
            }
            assertTrue(successes > 0, "the load did something to " + m);
        }
    }
}
