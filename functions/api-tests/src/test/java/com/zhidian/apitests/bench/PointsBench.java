package com.zhidian.apitests.bench;

import static com.zhidian.apitests.support.Api.map;

import com.zhidian.apitests.support.Api;
import com.zhidian.apitests.support.Fixtures;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ThreadLocalRandom;

/**
 * Points operations per second with 16 concurrent clients against an in-process Zhidian Local (gateway,
 * JWT authorizer, MembersFunction, DynamoDB stand-in), and their latency percentiles. Not a test: run it
 * by hand (see functions/members/README.md):
 * <pre>
 * ./mvnw -q -B -o -pl functions/api-tests test-compile exec:java -Dexec.classpathScope=test \
 *     -Dexec.mainClass=com.zhidian.apitests.bench.PointsBench [-Dexec.args="16 20"]
 * </pre>
 * Two scenarios: every client on its own member (the normal case: different customers at different tills)
 * and all clients on one member (worst case: every write conflicts on one account version and retries).
 * The mix is 50 % redeem (with Idempotency-Key), 25 % adjust (with Idempotency-Key), 25 % GET points.
 */
public final class PointsBench {
    private PointsBench() {}

    public static void main(String[] args) throws Exception {
        int clients = args.length > 0 ? Integer.parseInt(args[0]) : 16;
        int seconds = args.length > 1 ? Integer.parseInt(args[1]) : 20;
        System.setProperty("LOG_LEVEL", "OFF");
        Fixtures.TenantFixture t = Fixtures.newTenant("premium", 1);
        String store = t.storeIds().get(0);
        // seeds far above the default adjustment limit: the bench tenant lifts it (as an owner may)
        t.owner().put("/points/settings", map("pointsPerYuan", 1, "returnWindowDays", 7, "expiry", "end_of_following_year",
                "adjustLimit", 1_000_000_000, "adjustConfirmAbove", 1_000_000_000));
        List<String> members = new ArrayList<>();
        for (int i = 0; i < clients; i++) {
            String id = t.owner().post("/members", map("phone", Fixtures.uniquePhone(), "storeId", store)).json().get("memberId").asText();
            t.owner().post("/members/" + id + "/points/adjust", map("delta", 100_000_000, "reason", "bench seed"), UUID.randomUUID().toString());
            members.add(id);
        }
        System.out.printf(Locale.ROOT, "machine: %d cores, Java %s; %d clients, %d s per scenario%n",
                Runtime.getRuntime().availableProcessors(), System.getProperty("java.version"), clients, seconds);
        run("warm-up", t, store, members, clients, 5, false);
        run("one member per client", t, store, members, clients, seconds, false);
        run("all clients on one member", t, store, members, clients, seconds, true);
        System.exit(0);
    }

    private static void run(String name, Fixtures.TenantFixture t, String store, List<String> members, int clients,
                            int seconds, boolean hot) throws Exception {
        long[][] lat = new long[clients][];
        int[] counts = new int[clients];
        int[] errors = new int[clients];
        String[] kinds = {"redeem", "adjust", "get"};
        long[][][] byKind = new long[3][clients][];
        int[][] kindCounts = new int[3][clients];
        CountDownLatch go = new CountDownLatch(1);
        List<Thread> threads = new ArrayList<>();
        long[] window = new long[2];
        for (int c = 0; c < clients; c++) {
            int me = c;
            lat[c] = new long[1 << 20];
            for (int k = 0; k < 3; k++) byKind[k][c] = new long[1 << 19];
            Thread th = new Thread(() -> {
                Api api = t.owner();
                String member = hot ? members.get(0) : members.get(me);
                try {
                    go.await();
                } catch (InterruptedException e) {
                    return;
                }
                while (System.nanoTime() < window[1]) {
                    int roll = ThreadLocalRandom.current().nextInt(4);
                    int kind = roll < 2 ? 0 : roll == 2 ? 1 : 2;
                    long t0 = System.nanoTime();
                    Api.Res r = switch (kind) {
                        case 0 -> api.post("/members/" + member + "/points/redeem", map("points", 1, "storeId", store), UUID.randomUUID().toString());
                        case 1 -> api.post("/members/" + member + "/points/adjust", map("delta", 1, "reason", "bench"), UUID.randomUUID().toString());
                        default -> api.get("/members/" + member + "/points");
                    };
                    long us = (System.nanoTime() - t0) / 1000;
                    if (r.status() != 200) errors[me]++;
                    if (counts[me] < lat[me].length) lat[me][counts[me]++] = us;
                    if (kindCounts[kind][me] < byKind[kind][me].length) byKind[kind][me][kindCounts[kind][me]++] = us;
                }
            });
            th.start();
            threads.add(th);
        }
        Fixtures.anonymous().delete("/local/metrics");
        window[0] = System.nanoTime();
        window[1] = window[0] + seconds * 1_000_000_000L;
        go.countDown();
        for (Thread th : threads) th.join();
        double secs = (System.nanoTime() - window[0]) / 1e9;
        long total = Arrays.stream(counts).sum();
        long errs = Arrays.stream(errors).sum();
        System.out.printf(Locale.ROOT, "%-26s %8.0f ops/s  %s  errors %d of %d%n", name, total / secs, pct(lat, counts), errs, total);
        for (int k = 0; k < 3; k++) {
            System.out.printf(Locale.ROOT, "  %-24s %8.0f ops/s  %s%n", kinds[k], Arrays.stream(kindCounts[k]).sum() / secs, pct(byKind[k], kindCounts[k]));
        }
        var m = Fixtures.anonymous().get("/local/metrics").json();
        System.out.printf(Locale.ROOT, "  inside Zhidian Local: handler p50 %.1f ms p99 %.1f ms; gateway overhead p50 %.2f ms p99 %.2f ms%n",
                m.path("handlerMicros").path("p50").asDouble() / 1000, m.path("handlerMicros").path("p99").asDouble() / 1000,
                m.path("gatewayOverheadMicros").path("p50").asDouble() / 1000, m.path("gatewayOverheadMicros").path("p99").asDouble() / 1000);
    }

    private static String pct(long[][] lat, int[] counts) {
        int n = Arrays.stream(counts).sum();
        if (n == 0) return "-";
        long[] all = new long[n];
        int i = 0;
        for (int c = 0; c < lat.length; c++) {
            System.arraycopy(lat[c], 0, all, i, counts[c]);
            i += counts[c];
        }
        Arrays.sort(all);
        return String.format(Locale.ROOT, "p50 %5.1f ms  p99 %5.1f ms  max %6.1f ms",
                all[n / 2] / 1000.0, all[Math.min(n - 1, (int) (n * 0.99))] / 1000.0, all[n - 1] / 1000.0);
    }
}
