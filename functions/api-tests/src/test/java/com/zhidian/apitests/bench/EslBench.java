package com.zhidian.apitests.bench;

import static com.zhidian.apitests.support.Api.map;

import com.fasterxml.jackson.databind.JsonNode;
import com.zhidian.apitests.catalog.Catalog;
import com.zhidian.apitests.support.Api;
import com.zhidian.apitests.support.Fixtures;
import com.zhidian.apitests.support.Local;
import com.zhidian.iot.DeviceConfig;
import com.zhidian.iot.Fleet;
import com.zhidian.local.iot.shadow.ShadowService;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * Issue 20's speed figures, by hand (not a test of the build):
 * <pre>
 * ./mvnw -B -q -pl functions/api-tests -am test -Dskip.npm -Dtest=EslBench -Desl.bench=500 -Dsurefire.failIfNoSpecifiedTests=false
 * </pre>
 * One store with N products, one shelf label each (registered through the API, bound to its product, connected as an
 * SDK label: iot/ Fleet). (1) A bulk price change: a tenant-wide PUT of a new price for every product, 4 clients,
 * until every label reported it (reported price = new price, no delta); against (2) the same number of raw shadow
 * updates written straight into the shadow service, until every label reported them. (3) One price change to its
 * label's report, 50 times in a row: p50 and p99.
 */
class EslBench {
    @org.junit.jupiter.api.Test
    @org.junit.jupiter.api.condition.EnabledIfSystemProperty(named = "esl.bench", matches = "\\d+")
    void bulkPriceChangeToEveryLabel() throws Exception {
        run(Integer.getInteger("esl.bench"));
    }

    static void run(int n) throws Exception {
        Fixtures.TenantFixture t = Fixtures.newTenant("premium", 1);
        String store = t.storeIds().get(0);
        String category = Catalog.category(t.owner(), "饮料");
        List<String> gtins = new ArrayList<>();
        List<DeviceConfig> devices = new ArrayList<>();
        long t0 = System.nanoTime();
        for (int i = 0; i < n; i++) {
            String gtin = Catalog.product(t.owner(), category, "饮料 " + i);
            t.owner().put("/prices/" + gtin, map("price", 100));
            JsonNode d = t.owner().post("/stores/" + store + "/devices", map("kind", "esl", "name", "价签 " + i, "gtin", gtin)).json();
            gtins.add(gtin);
            devices.add(DeviceConfig.local("esl", d.get("thingName").asText(), t.tenantId(), store, d.get("deviceId").asText(),
                    d.at("/mqtt/host").asText(), d.at("/mqtt/port").asInt(), d.at("/credentials/password").asText()));
        }
        System.out.printf(Locale.ROOT, "machine: %d cores, Java %s; %d products and labels registered in %d ms%n",
                Runtime.getRuntime().availableProcessors(), System.getProperty("java.version"), n, ms(t0));
        ShadowService shadows = Local.instance().iot().shadows();
        long t1 = System.nanoTime();
        try (Fleet fleet = Fleet.start(devices, Duration.ofHours(1), Clock.systemUTC())) {
            System.out.printf(Locale.ROOT, "%d SDK labels connected in %d ms%n", n, ms(t1));
            awaitAll(shadows, devices, "/state/reported/price", 100, Duration.ofSeconds(120));

            for (int round = 1; round <= 3; round++) {
                long price = 1000 + round;
                long c0 = System.nanoTime();
                ExecutorService pool = Executors.newFixedThreadPool(4);
                List<Future<Integer>> puts = new ArrayList<>();
                for (String g : gtins) puts.add(pool.submit(() -> t.owner().put("/prices/" + g, map("price", price)).status()));
                for (Future<Integer> f : puts) if (f.get() != 200) throw new AssertionError("a price PUT answered " + f.get());
                pool.shutdown();
                long sent = System.nanoTime();
                awaitAll(shadows, devices, "/state/reported/price", price, Duration.ofSeconds(300));
                long cloud = ms(c0);
                System.out.printf(Locale.ROOT, "round %d: bulk change through the cloud %d ms (PUTs done at %d ms)%n", round, cloud, (sent - c0) / 1_000_000);

                // the baseline: a field of its own, so the minute sweep (which puts the catalog's price back on a label
                // that is behind) cannot undo it
                long seq = 5000 + round;
                long r0 = System.nanoTime();
                for (DeviceConfig d : devices) {
                    shadows.update(d.thingName(), "esl", ("{\"state\":{\"desired\":{\"rawSeq\":" + seq + "}}}").getBytes(StandardCharsets.UTF_8));
                }
                awaitAll(shadows, devices, "/state/reported/rawSeq", seq, Duration.ofSeconds(300));
                long raw = ms(r0);
                System.out.printf(Locale.ROOT, "round %d: raw shadow updates %d ms; ratio cloud/raw %.2f%n",
                        round, raw, raw == 0 ? 0.0 : (double) cloud / raw);
            }

            long[] one = new long[50];
            for (int i = 0; i < one.length; i++) {
                long price = 2000 + i;
                long s0 = System.nanoTime();
                Api.Res r = t.owner().put("/stores/" + store + "/prices/" + gtins.get(0), map("price", price));
                if (r.status() != 200) throw new AssertionError(r.toString());
                awaitAll(shadows, devices.subList(0, 1), "/state/reported/price", price, Duration.ofSeconds(30));
                one[i] = (System.nanoTime() - s0) / 1_000;
            }
            Arrays.sort(one);
            System.out.printf(Locale.ROOT, "one price change to its label's report, %d times: p50 %.1f ms, p99 %.1f ms, max %.1f ms%n",
                    one.length, one[one.length / 2] / 1000.0, one[(int) Math.ceil(one.length * 0.99) - 1] / 1000.0, one[one.length - 1] / 1000.0);
        }
    }

    private static long ms(long since) {
        return (System.nanoTime() - since) / 1_000_000;
    }

    /** Until every label's shadow reports {@code price} at {@code field} with no delta (polled every 10 ms). */
    private static void awaitAll(ShadowService shadows, List<DeviceConfig> devices, String field, long price, Duration limit)
            throws InterruptedException {
        long deadline = System.nanoTime() + limit.toNanos();
        boolean[] done = new boolean[devices.size()];
        int left = devices.size();
        while (left > 0) {
            for (int i = 0; i < devices.size(); i++) {
                if (done[i]) continue;
                try {
                    JsonNode doc = shadows.get(devices.get(i).thingName(), "esl", null);
                    if (doc.at(field).asLong() == price && doc.at("/state/delta").isMissingNode()) {
                        done[i] = true;
                        left--;
                    }
                } catch (RuntimeException notYet) {
                    // no shadow yet
                }
            }
            if (left == 0) return;
            if (System.nanoTime() > deadline) throw new AssertionError(left + " labels never reported " + price);
            Thread.sleep(10);
        }
    }
}
