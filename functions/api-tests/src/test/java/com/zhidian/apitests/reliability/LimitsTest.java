package com.zhidian.apitests.reliability;

import static com.zhidian.apitests.support.Api.map;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.zhidian.apitests.security.Calls;
import com.zhidian.apitests.security.Samples;
import com.zhidian.apitests.security.Snapshots;
import com.zhidian.apitests.security.SpecOps;
import com.zhidian.apitests.security.World;
import com.zhidian.apitests.security.World.Party;
import com.zhidian.apitests.support.Api;
import com.zhidian.apitests.support.Fixtures;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/**
 * 413 and 429 under a flood, and fairness: one tenant's flood is limited by its plan while another tenant keeps
 * being served during it. RailsTest covers one oversized POST and a read flood with a check afterwards; this adds
 * every operation's body limit with its boundary, writes under a flood, Retry-After, and service during the flood.
 */
class LimitsTest {
    private static final int LIMIT = 262_144;

    @Test
    void oversizedBody_onEveryOperationWithABody_is413Problem_andNothingIsWritten() {
        Fixtures.TenantFixture t = Fixtures.newTenant("premium", 1);
        World.Objects o = World.make(t, t.storeIds().get(0));
        Party[] parties = {new Party("owner", "owner", t.owner(), t, null),
                new Party("staff", "staff", t.staff(t.storeIds().get(0)), t, t.storeIds().get(0)),
                World.customerOf("customer", o), new Party("provider", "provider_admin", Fixtures.provider(), null, null)};
        Map<String, JsonNode> before = Snapshots.of(o, parties);
        List<String> wrong = new ArrayList<>();
        int n = 0;
        for (SpecOps.Op op : SpecOps.all()) {
            if (!op.hasBody() || op.pathParamNames().stream().anyMatch(p -> o.id(p) == null)) continue;
            Party p = Snapshots.actorFor(op, parties);
            if (p == null) continue;
            JsonNode body = Samples.withRefs(op.bodySchema(), o.refs(), new Random(1));
            ((ObjectNode) body).put("padding", "x".repeat(LIMIT));        // unknown and too large: the size must win
            Api.Res r = Calls.send(p.api(), op, o.ids(), body);
            n++;
            if (!Calls.isProblem(r, 413)) wrong.add(op + " → " + r.status() + " " + Snapshots.abbreviate(r.text()));
        }
        List<String> changed = new ArrayList<>();
        Snapshots.compare(before, Snapshots.of(o, parties), changed);
        System.out.printf("[reliability] body limit: %d operations with a body sent %d+ bytes, %d not 413, %d changes%n",
                n, LIMIT, wrong.size(), changed.size());
        assertTrue(n > 0);
        assertEquals(List.of(), wrong);
        assertEquals(List.of(), changed);
    }

    @Test
    void bodyLimitBoundary_exactlyTheLimitIsRead_oneByteMoreIs413() {
        Fixtures.TenantFixture t = Fixtures.newTenant("premium", 1);
        String head = "{\"name\":\"";
        String tail = "\",\"format\":\"convenience\",\"address\":\"x\"}";
        String atLimit = head + "x".repeat(LIMIT - head.length() - tail.length()) + tail;
        assertEquals(LIMIT, atLimit.length());
        Api.Res read = t.owner().send("POST", "/stores", atLimit, null, "application/json");
        assertTrue(Calls.isProblem(read, 400), () -> "a body of exactly the limit is read (and its name is too long): " + read);
        Api.Res over = t.owner().send("POST", "/stores", atLimit.replace("{\"name", "{ \"name"), null, "application/json");
        assertTrue(Calls.isProblem(over, 413), () -> "one byte more: " + over);
    }

    /**
     * Drains a basic tenant's bucket (100/s, burst 200) of the stores function with cheap calls (staff asking for
     * /users: 403 after the rate check) from {@code threads} threads until {@code stop} says so or 20 s pass; answers
     * how many calls were limited and the rate achieved. The rate matters: a machine that cannot send more than the
     * plan allows cannot show a 429, and the test says so instead of failing.
     */
    private static double[] drain(Api staff, int threads, java.util.function.BooleanSupplier stop, AtomicInteger limited,
                                  AtomicInteger other) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        AtomicInteger sent = new AtomicInteger();
        long t0 = System.nanoTime();
        long deadline = t0 + 20_000_000_000L;
        List<Future<?>> fs = new ArrayList<>();
        for (int i = 0; i < threads; i++) {
            fs.add(pool.submit(() -> {
                while (!stop.getAsBoolean() && System.nanoTime() < deadline) {
                    Api.Res r = staff.get("/users");
                    sent.incrementAndGet();
                    if (r.status() == 429) limited.incrementAndGet();
                    else if (r.status() != 403) other.incrementAndGet();
                }
                return null;
            }));
        }
        for (Future<?> f : fs) f.get();
        pool.shutdown();
        double secs = (System.nanoTime() - t0) / 1e9;
        return new double[] {sent.get() / secs, secs};
    }

    @Test
    void writesDuringAFlood_onlyCreatedOr429_every201IsOneStore_429sWriteNothing_andRetryAfterIsHonoured() throws Exception {
        Fixtures.TenantFixture flooder = Fixtures.newTenant("basic", 1);
        Api staff = flooder.staff(flooder.storeIds().get(0));
        AtomicInteger limited = new AtomicInteger(), other = new AtomicInteger();
        AtomicInteger created = new AtomicInteger(), writesLimited = new AtomicInteger();
        List<String> wrong = Collections.synchronizedList(new ArrayList<>());
        List<String> refusedKeys = Collections.synchronizedList(new ArrayList<>());
        AtomicBoolean done = new AtomicBoolean();
        ExecutorService writers = Executors.newFixedThreadPool(4);
        List<Future<?>> ws = new ArrayList<>();
        for (int i = 0; i < 4; i++) {
            ws.add(writers.submit(() -> {
                while (!done.get()) {
                    String key = UUID.randomUUID().toString();
                    Api.Res r = flooder.owner().post("/stores", map("name", "洪水店", "format", "convenience", "address", "x"), key);
                    if (r.status() == 201) created.incrementAndGet();
                    else if (Calls.isProblem(r, 429) && "1".equals(r.header("Retry-After"))) {
                        writesLimited.incrementAndGet();
                        refusedKeys.add(key);
                    } else {
                        wrong.add(r.status() + " " + r.text() + " Retry-After=" + r.header("Retry-After"));
                    }
                }
                return null;
            }));
        }
        double[] rate = drain(staff, 10, () -> writesLimited.get() >= 20, limited, other);
        done.set(true);
        for (Future<?> f : ws) f.get();
        writers.shutdown();
        System.out.printf("[reliability] flood of a basic tenant (100/s): %.0f calls/s for %.1f s, %d limited; writes during it:"
                + " %d created, %d limited%n", rate[0], rate[1], limited.get(), created.get(), writesLimited.get());
        assertEquals(List.of(), wrong, "writes get only 201, or 429 problems with Retry-After: 1");
        assertEquals(0, other.get(), "the flood's calls get only 403 or 429");
        org.junit.jupiter.api.Assumptions.assumeTrue(writesLimited.get() > 0 || rate[0] > 150,
                "this machine sent only " + Math.round(rate[0]) + " calls/s: too few to flood a basic plan");
        assertTrue(writesLimited.get() > 0, "writes are limited while the tenant floods");
        assertEquals(1 + created.get(), storeCount(flooder), "every 201 is one store and no 429 wrote one");
        Thread.sleep(1100);   // Retry-After: 1
        String retried = refusedKeys.get(0);
        Api.Res later = flooder.owner().post("/stores", map("name", "洪水店", "format", "convenience", "address", "x"), retried);
        assertEquals(201, later.status(), () -> "after Retry-After the refused request (same key) is served: " + later);
        assertEquals(2 + created.get(), storeCount(flooder));
    }

    @Test
    void floodOfOneTenant_anotherTenantIsServedDuringIt_andOversizedBodiesAre413() throws Exception {
        Fixtures.TenantFixture flooder = Fixtures.newTenant("basic", 1);
        Fixtures.TenantFixture quiet = Fixtures.newTenant("basic", 1);
        Api staff = flooder.staff(flooder.storeIds().get(0));
        AtomicInteger limited = new AtomicInteger(), other = new AtomicInteger(), tooLarge = new AtomicInteger();
        AtomicBoolean quietDone = new AtomicBoolean();
        String big = "{\"name\":\"" + "x".repeat(LIMIT) + "\"}";
        ExecutorService side = Executors.newFixedThreadPool(3);
        List<Future<?>> bigs = new ArrayList<>();
        for (int i = 0; i < 2; i++) {
            bigs.add(side.submit(() -> {
                while (!quietDone.get()) {
                    Api.Res r = flooder.owner().send("POST", "/stores", big, null, "application/json");
                    if (Calls.isProblem(r, 413)) tooLarge.incrementAndGet();
                    else other.incrementAndGet();
                }
                return null;
            }));
        }
        List<Long> latencies = Collections.synchronizedList(new ArrayList<>());
        List<String> quietWrong = Collections.synchronizedList(new ArrayList<>());
        Future<?> quietCalls = side.submit(() -> {
            Thread.sleep(500);
            for (int i = 0; i < 40; i++) {
                long t0 = System.nanoTime();
                Api.Res r = quiet.owner().get("/stores");
                latencies.add((System.nanoTime() - t0) / 1_000_000);
                if (r.status() != 200) quietWrong.add(r.toString());
                Thread.sleep(40);
            }
            quietDone.set(true);
            return null;
        });
        double[] rate = drain(staff, 10, quietDone::get, limited, other);
        quietDone.set(true);
        quietCalls.get();
        for (Future<?> f : bigs) f.get();
        side.shutdown();
        List<Long> sorted = new ArrayList<>(latencies);
        Collections.sort(sorted);
        long p50 = sorted.get(sorted.size() / 2);
        long max = sorted.get(sorted.size() - 1);
        System.out.printf("[reliability] flood of one basic tenant: %.0f calls/s, %d limited, %d oversized bodies all 413;"
                + " the other tenant during the flood: 40 calls, %d not 200, p50 %d ms, max %d ms%n", rate[0], limited.get(),
                tooLarge.get(), quietWrong.size(), p50, max);
        assertEquals(0, other.get(), "the flood got only 403, 413 or 429");
        assertTrue(tooLarge.get() > 0);
        assertEquals(List.of(), quietWrong, "the other tenant is served during the flood");
        assertTrue(max < 5000, "and not starved: slowest " + max + " ms");
        org.junit.jupiter.api.Assumptions.assumeTrue(limited.get() > 0 || rate[0] > 150,
                "this machine sent only " + Math.round(rate[0]) + " calls/s: too few to flood a basic plan");
        assertTrue(limited.get() > 0, "the flood was limited");
    }

    /** The tenant's store count, read as a client does right after a flood: a 429 is retried after its Retry-After. */
    /** Every page: on a slow machine the flood's writers make more stores than one page holds. */
    private static int storeCount(Fixtures.TenantFixture t) throws InterruptedException {
        int count = 0;
        String cursor = null;
        do {
            String path = "/stores?limit=200" + (cursor == null ? "" : "&cursor=" + cursor);
            Api.Res r = t.owner().get(path);
            for (int i = 0; i < 5 && r.status() == 429; i++) {
                Thread.sleep(1000L * Long.parseLong(r.header("Retry-After")));
                r = t.owner().get(path);
            }
            assertNotEquals(429, r.status());
            count += r.json().get("items").size();
            cursor = r.json().path("nextCursor").isTextual() ? r.json().get("nextCursor").asText() : null;
        } while (cursor != null);
        return count;
    }
}
