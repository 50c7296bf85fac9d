package com.zhidian.telemetry.api;

import com.zhidian.core.Env;
import com.zhidian.core.Json;
import com.zhidian.core.testing.RawCalls;
import com.zhidian.core.testing.TestTables;
import com.zhidian.telemetry.application.Telemetry;
import com.zhidian.telemetry.store.Keys;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * Issue 21's ingest figure, by hand (not a test of the build):
 * <pre>
 * ./mvnw -B -q -pl functions/telemetry -am test -Dskip.npm -Dtest=IngestBench -Dingest.bench=20000 -Dsurefire.failIfNoSpecifiedTests=false
 * </pre>
 * N telemetry messages of 300 devices (fridge sensors, energy meters, traffic counters, a third each) through the ingest
 * as Lambda runs it (the IoT rule's event JSON into Spring Cloud Function's AWS adapter, the {@code ingestTelemetry}
 * bean, the DynamoDB stand-in over HTTP), 4 threads, each device's messages in order on one thread; against the raw
 * calls it must make: every DynamoDB request the ingest made, captured on the way, replayed in the same order and
 * threads against a second, fresh stand-in (the same engine, the same item sizes, nothing computed). Side by side:
 * rounds of 1,000 messages, each round's replay right after it, so a shared machine's load hits both alike; wall time
 * and the calling threads' CPU time. Warm-up: 2,000 messages of other devices first, on both sides.
 */
class IngestBench {
    static final int THREADS = 4, DEVICES = 300;
    static final String TENANT = "tn_ingestbench", STORE = "st_bench";

    @Test
    @EnabledIfSystemProperty(named = "ingest.bench", matches = "\\d+")
    void ingestAgainstItsRawCalls() throws Exception {
        int n = Integer.getInteger("ingest.bench");
        DynamoDbClient real = TestTables.client();
        DynamoDbClient fresh = TestTables.fresh();
        for (DynamoDbClient db : List.of(real, fresh)) {
            for (int d = 0; d < DEVICES + 100; d++) register(db, device(d), kind(d));
        }
        RawCalls raw = new RawCalls(real);
        List<List<RawCalls.Call>> captured = new ArrayList<>();
        for (int t = 0; t < THREADS; t++) captured.add(new ArrayList<>());
        DynamoDbClient capturing = raw.client();
        IngestHandler handler = new IngestHandler(new IngestFunction(Telemetry.ingest(capturing, Clock.systemUTC())));
        Instant base = Instant.now().minus(Duration.ofHours(2));

        // warm-up: devices 300..399, not captured
        run(THREADS, 2000, (i, t) -> invoke(handler, event(DEVICES + (i % DEVICES) % 100, i, base.plusMillis(i))));
        // the raw side's warm-up: reads of the registry on the fresh stand-in
        run(THREADS, 2000, (i, t) -> fresh.getItem(b -> b.tableName(Env.tableName()).key(Map.of("pk", AttributeValue.fromS(Keys.devices(TENANT)),
                "sk", AttributeValue.fromS(device(i % DEVICES))))));
        // side by side: rounds of 1,000 messages through the ingest (captured), each followed at once by the replay of its
        // calls, so both sides see the same minutes of a shared machine; wall time and the worker threads' CPU time
        int rounds = Math.max(1, n / 1000);
        long ingestNs = 0, rawNs = 0, calls = 0;
        long[] ingestCpu = {0}, rawCpu = {0};
        java.lang.management.ThreadMXBean mx = java.lang.management.ManagementFactory.getThreadMXBean();
        for (int r = 0; r < rounds; r++) {
            int from = r * (n / rounds), to = (r + 1) * (n / rounds);
            for (List<RawCalls.Call> c : captured) c.clear();
            // the events' JSON as Lambda hands it over, made before the clock starts (the runtime's work, not the function's)
            byte[][] events = new byte[to - from][];
            for (int k = 0; k < events.length; k++) {
                int i = from + k;
                events[k] = Json.write(event(i % DEVICES, i / DEVICES + 1, base.plusSeconds(1).plusMillis(i))).getBytes(StandardCharsets.UTF_8);
            }
            long t0 = System.nanoTime();
            run(THREADS, to - from, (k, t) -> {
                raw.recordInto(captured.get(t));
                long c0 = mx.getCurrentThreadCpuTime();
                invoke(handler, events[k]);
                synchronized (ingestCpu) { ingestCpu[0] += mx.getCurrentThreadCpuTime() - c0; }
                raw.recordInto(null);
            }, from);
            ingestNs += System.nanoTime() - t0;
            calls += captured.stream().mapToLong(List::size).sum();
            long t1 = System.nanoTime();
            ExecutorService pool = Executors.newFixedThreadPool(THREADS);
            List<Future<?>> done = new ArrayList<>();
            for (List<RawCalls.Call> list : captured) {
                done.add(pool.submit(() -> {
                    long c0 = mx.getCurrentThreadCpuTime();
                    for (RawCalls.Call c : list) c.replay(fresh);
                    synchronized (rawCpu) { rawCpu[0] += mx.getCurrentThreadCpuTime() - c0; }
                    return null;
                }));
            }
            for (Future<?> f : done) f.get();
            rawNs += System.nanoTime() - t1;
            pool.shutdown();
        }

        System.out.printf(Locale.ROOT, "ingest bench: %d messages, %d devices, %d threads, %d cores, Java %s%n", n, DEVICES, THREADS,
                Runtime.getRuntime().availableProcessors(), System.getProperty("java.version"));
        System.out.printf(Locale.ROOT, "  ingest (adapter + bean + DynamoDB): %.2f s = %.0f messages/s%n", ingestNs / 1e9, n / (ingestNs / 1e9));
        System.out.printf(Locale.ROOT, "  raw DynamoDB calls it made (%d calls, %.2f a message): %.2f s = %.0f messages/s%n", calls, calls / (double) n,
                rawNs / 1e9, n / (rawNs / 1e9));
        System.out.printf(Locale.ROOT, "  ingest / raw: %.2f× wall time; CPU of the calling threads %.2f ms vs %.2f ms a message: %.2f×%n",
                ingestNs / (double) rawNs, ingestCpu[0] / 1e6 / n, rawCpu[0] / 1e6 / n, ingestCpu[0] / (double) rawCpu[0]);
    }

    interface Step {
        void run(int i, int thread) throws Exception;
    }

    /** Message i on thread (device of i) % THREADS, so each device's messages stay in order on one thread. */
    static void run(int threads, int n, Step step) throws Exception {
        run(threads, n, step, 0);
    }

    /** As {@link #run(int, int, Step)} for messages {@code offset} .. {@code offset + n - 1} (step gets i - offset). */
    static void run(int threads, int n, Step step, int offset) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        List<Future<?>> done = new ArrayList<>();
        for (int t = 0; t < threads; t++) {
            int thread = t;
            done.add(pool.submit(() -> {
                for (int i = 0; i < n; i++) {
                    if (((i + offset) % DEVICES) % threads == thread) step.run(i, thread);
                }
                return null;
            }));
        }
        for (Future<?> f : done) f.get();
        pool.shutdown();
    }

    static String device(int d) { return "dv_bench" + d; }

    static String kind(int d) { return d % 3 == 0 ? "fridge_sensor" : d % 3 == 1 ? "energy_meter" : "traffic_counter"; }

    static Map<String, Object> event(int d, long seq, Instant at) {
        Map<String, Object> readings = switch (kind(d)) {
            case "fridge_sensor" -> Map.of("temperatureC", 3.0 + (seq % 10) / 10.0, "doorOpen", false, "batteryPct", 90);
            case "energy_meter" -> Map.of("watts", 1500 + seq % 100, "kwhTotal", 1000.0 + seq * 0.05, "circuit", "lighting");
            default -> Map.of("visitorsIn", seq % 3, "visitorsOut", seq % 2, "zone", "entrance", "batteryPct", 80);
        };
        Map<String, Object> e = new LinkedHashMap<>();
        e.put("kind", kind(d));
        e.put("deviceId", device(d));
        e.put("seq", seq);
        e.put("at", at.toString());
        e.put("readings", readings);
        e.put("tenantId", TENANT);
        e.put("storeId", STORE);
        e.put("topicDeviceId", device(d));
        e.put("clientId", "zd-" + TENANT + "-" + device(d));
        return e;
    }

    static void invoke(IngestHandler h, Map<String, Object> event) throws Exception {
        invoke(h, Json.write(event).getBytes(StandardCharsets.UTF_8));
    }

    static void invoke(IngestHandler h, byte[] event) throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        h.handleRequest(new ByteArrayInputStream(event), out, null);
        String answer = out.toString(StandardCharsets.UTF_8);
        if (!answer.contains("stored")) throw new IllegalStateException("not stored: " + answer);
    }

    static void register(DynamoDbClient db, String device, String kind) {
        db.putItem(b -> b.tableName(Env.tableName()).item(Map.of("pk", AttributeValue.fromS(Keys.devices(TENANT)), "sk", AttributeValue.fromS(device),
                "storeId", AttributeValue.fromS(STORE), "kind", AttributeValue.fromS(kind))));
    }
}
