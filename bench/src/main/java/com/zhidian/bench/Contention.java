package com.zhidian.bench;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * Issue 18's contention figure: {@code clients} staff clients send {@code POST /coupons/redeem} for the same code at
 * once (each over its own kept-alive connection, released together by a latch), for a fresh code each round. It
 * reports the time from release to the last answer, each request's latency, and the answers (exactly one 200, the
 * rest 409). One unmeasured round first opens the connections.
 */
final class Contention {
    private Contention() {}

    record Round(double wallMs, double[] latenciesMs, Map<Integer, Integer> statuses) {}

    record Result(int clients, List<Round> rounds) {
        double medianWall() {
            double[] w = rounds.stream().mapToDouble(Round::wallMs).sorted().toArray();
            return w.length == 0 ? Double.NaN : w[w.length / 2];
        }

        double[] all() {
            return rounds.stream().flatMapToDouble(r -> Arrays.stream(r.latenciesMs())).sorted().toArray();
        }

        boolean exact() {
            return rounds.stream().allMatch(r -> r.statuses().getOrDefault(200, 0) == 1
                    && r.statuses().getOrDefault(409, 0) == clients - 1);
        }
    }

    static Result run(Ctx ctx, int clients, int rounds) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(clients);
        try {
            round(ctx, pool, clients);   // opens every client's connection; not measured
            List<Round> out = new ArrayList<>();
            for (int i = 0; i < rounds; i++) out.add(round(ctx, pool, clients));
            return new Result(clients, out);
        } finally {
            pool.shutdownNow();
        }
    }

    private static Round round(Ctx ctx, ExecutorService pool, int clients) throws Exception {
        String code = ctx.get("couponCode", Recipes.NEXT_CODE.getAndIncrement());
        byte[] body = Http.JSON.writeValueAsString(Map.of("code", code, "storeId", ctx.get("storeId"))).getBytes(StandardCharsets.UTF_8);
        String url = ctx.gateway + "/coupons/redeem";
        String token = ctx.token("staff");
        CountDownLatch ready = new CountDownLatch(clients);
        CountDownLatch go = new CountDownLatch(1);
        long[] start = new long[1];
        List<Future<long[]>> answers = new ArrayList<>();
        for (int c = 0; c < clients; c++) {
            answers.add(pool.submit(() -> {
                ready.countDown();
                go.await();
                Http.Res r = RawHttp.exchange("POST", url, token, body, Map.of("Idempotency-Key", UUID.randomUUID().toString()));
                return new long[] {System.nanoTime(), r.status()};
            }));
        }
        ready.await();
        start[0] = System.nanoTime();
        go.countDown();
        double[] lat = new double[clients];
        long last = start[0];
        Map<Integer, Integer> statuses = new TreeMap<>();
        for (int i = 0; i < clients; i++) {
            long[] a = answers.get(i).get();
            lat[i] = (a[0] - start[0]) / 1e6;
            last = Math.max(last, a[0]);
            statuses.merge((int) a[1], 1, Integer::sum);
        }
        return new Round((last - start[0]) / 1e6, lat, statuses);
    }
}
