package com.zhidian.telemetry.api;

import com.zhidian.core.Env;
import com.zhidian.core.Json;
import com.zhidian.core.testing.RawCalls;
import com.zhidian.core.testing.TestTables;
import com.zhidian.telemetry.application.Telemetry;
import com.zhidian.telemetry.store.Keys;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
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
import software.amazon.awssdk.services.dynamodb.model.DynamoDbException;

/**
 * Issue 21's ingest figure, by hand (not a test of the build):
 * <pre>
 * ./mvnw -B -q -pl functions/telemetry -am test -Dskip.npm -Dtest=IngestBench -Dingest.bench=20000 [-Dingest.batchSize=250] -Dsurefire.failIfNoSpecifiedTests=false
 * </pre>
 * N telemetry messages of 300 devices (fridge sensors, energy meters, traffic counters, a third each) through the ingest
 * as Lambda runs it (SQS events of the telemetry queue, each record's body an IoT rule event, into Spring Cloud Function's
 * AWS adapter, the {@code ingestTelemetry} bean, the DynamoDB stand-in over HTTP), 4 threads (4 concurrent invocations),
 * each device's messages in order on one thread, {@code ingest.batchSize} records an invocation; against the raw
 * calls it must make: every DynamoDB request the ingest made, captured on the way ({@link RawCalls}), replayed in the same order and
 * threads against a second stand-in ({@link TestTables#fresh()}) holding the same data (the same engine, the same item sizes, nothing computed). Side by side:
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
        int batch = Integer.getInteger("ingest.batchSize", 250);
        RawCalls raw = new RawCalls(TestTables.client());
        DynamoDbClient db = raw.client();
        for (int d = 0; d < DEVICES + 100; d++) register(db, device(d), kind(d));
        IngestHandler handler = new IngestHandler(new IngestFunction(Telemetry.ingest(db, Clock.systemUTC())));
        Instant base = Instant.now().minus(Duration.ofHours(2));

        // warm-up: devices 300..399, in batches as the queue hands them over; its calls (and the registry's) go to
        // raw.outside(), replayed untimed on the fresh stand-in so that it holds what the ingest's stand-in holds
        List<List<byte[]>> warm = new ArrayList<>();
        for (int t = 0; t < THREADS; t++) warm.add(new ArrayList<>());
        for (int i = 0; i < 2000; i++) {
            int d = DEVICES + (i % DEVICES) % 100;
            warm.get(d % THREADS).add(Json.write(event(d, i, base.plusMillis(i))).getBytes(StandardCharsets.UTF_8));
        }
        perThread(warm, batch, (events, t) -> invoke(handler, events));
        DynamoDbClient fresh = TestTables.fresh();
        for (RawCalls.Call c : List.copyOf(raw.outside())) replay(fresh, c);
        // the raw side's warm-up: reads of the registry on the fresh stand-in
        run(THREADS, 2000, (i, t) -> fresh.getItem(b -> b.tableName(Env.tableName()).key(Map.of("pk", AttributeValue.fromS(Keys.devices(TENANT)),
                "sk", AttributeValue.fromS(device(i % DEVICES))))));

        // side by side: rounds of 1,000 messages through the ingest (captured), each followed at once by the replay of its
        // calls, so both sides see the same minutes of a shared machine; wall time and the worker threads' CPU time
        List<List<RawCalls.Call>> captured = new ArrayList<>();
        for (int t = 0; t < THREADS; t++) captured.add(new ArrayList<>());
        int rounds = Math.max(1, n / 1000);
        long ingestNs = 0, rawNs = 0, calls = 0;
        long[] ingestCpu = {0}, rawCpu = {0};
        ThreadMXBean mx = ManagementFactory.getThreadMXBean();
        for (int r = 0; r < rounds; r++) {
            int from = r * (n / rounds), to = (r + 1) * (n / rounds);
            for (List<RawCalls.Call> c : captured) c.clear();
            // the SQS events as Lambda hands them over (each record's body a rule event), made before the clock starts (the
            // runtime's work, not the function's); each thread its devices' messages, in order, in batches of ingest.batchSize
            List<List<byte[]>> byThread = new ArrayList<>();
            for (int t = 0; t < THREADS; t++) byThread.add(new ArrayList<>());
            for (int i = from; i < to; i++) {
                byThread.get((i % DEVICES) % THREADS).add(Json.write(event(i % DEVICES, i / DEVICES + 1, base.plusSeconds(1).plusMillis(i)))
                        .getBytes(StandardCharsets.UTF_8));
            }
            List<List<byte[]>> sqsEvents = new ArrayList<>();
            for (List<byte[]> mine : byThread) sqsEvents.add(sqsEvents(mine, batch));
            long t0 = System.nanoTime();
            perThread(sqsEvents, 1, (events, t) -> {
                raw.recordInto(captured.get(t));
                long c0 = mx.getCurrentThreadCpuTime();
                for (byte[] e : events) invokeSqs(handler, e);
                synchronized (ingestCpu) { ingestCpu[0] += mx.getCurrentThreadCpuTime() - c0; }
                raw.recordInto(null);
            });
            ingestNs += System.nanoTime() - t0;
            calls += captured.stream().mapToLong(List::size).sum();
            long t1 = System.nanoTime();
            ExecutorService pool = Executors.newFixedThreadPool(THREADS);
            List<Future<?>> done = new ArrayList<>();
            for (List<RawCalls.Call> list : captured) {
                done.add(pool.submit(() -> {
                    long c0 = mx.getCurrentThreadCpuTime();
                    for (RawCalls.Call c : list) replay(fresh, c);
                    synchronized (rawCpu) { rawCpu[0] += mx.getCurrentThreadCpuTime() - c0; }
                    return null;
                }));
            }
            for (Future<?> f : done) f.get();
            rawNs += System.nanoTime() - t1;
            pool.shutdown();
        }

        System.out.printf(Locale.ROOT, "ingest bench: %d messages, %d devices, %d threads, batches of %d, %d cores, Java %s%n", n, DEVICES, THREADS, batch,
                Runtime.getRuntime().availableProcessors(), System.getProperty("java.version"));
        System.out.printf(Locale.ROOT, "  ingest (adapter + bean + DynamoDB): %.2f s = %.0f messages/s%n", ingestNs / 1e9, n / (ingestNs / 1e9));
        System.out.printf(Locale.ROOT, "  raw DynamoDB calls it made (%d calls, %.3f a message): %.2f s = %.0f messages/s%n", calls, calls / (double) n,
                rawNs / 1e9, n / (rawNs / 1e9));
        System.out.printf(Locale.ROOT, "  ingest / raw: %.2f× wall time; CPU of the calling threads %.3f ms vs %.3f ms a message: %.2f×%n",
                ingestNs / (double) rawNs, ingestCpu[0] / 1e6 / n, rawCpu[0] / 1e6 / n, ingestCpu[0] / (double) rawCpu[0]);
    }

    /** A captured call on the fresh stand-in; a conditional write that failed the first time fails again: the same call, the same cost. */
    static void replay(DynamoDbClient db, RawCalls.Call call) {
        try {
            call.replay(db);
        } catch (DynamoDbException e) {
            // as it failed for the ingest
        }
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

    interface Batch {
        void run(List<byte[]> events, int thread) throws Exception;
    }

    /** Each thread's list on its own thread, in pieces of {@code size}. */
    static void perThread(List<List<byte[]>> lists, int size, Batch step) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(lists.size());
        List<Future<?>> done = new ArrayList<>();
        for (int t = 0; t < lists.size(); t++) {
            int thread = t;
            List<byte[]> mine = lists.get(t);
            done.add(pool.submit(() -> {
                for (int i = 0; i < mine.size(); i += size) step.run(mine.subList(i, Math.min(mine.size(), i + size)), thread);
                return null;
            }));
        }
        for (Future<?> f : done) f.get();
        pool.shutdown();
    }

    /** Rule events in SQS events of {@code batch} records, as the event source mapping hands them to Lambda. */
    static List<byte[]> sqsEvents(List<byte[]> bodies, int batch) {
        List<byte[]> out = new ArrayList<>();
        for (int i = 0; i < bodies.size(); i += batch) {
            List<Map<String, Object>> records = new ArrayList<>();
            for (int k = i; k < Math.min(bodies.size(), i + batch); k++) {
                records.add(Map.of("messageId", "m" + k, "receiptHandle", "r" + k, "body", new String(bodies.get(k), StandardCharsets.UTF_8),
                        "eventSource", "aws:sqs"));
            }
            out.add(Json.write(Map.of("Records", records)).getBytes(StandardCharsets.UTF_8));
        }
        return out;
    }

    static void invoke(IngestHandler h, List<byte[]> bodies) throws Exception {
        for (byte[] e : sqsEvents(bodies, bodies.size())) invokeSqs(h, e);
    }

    static void invokeSqs(IngestHandler h, byte[] event) throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        h.handleRequest(new ByteArrayInputStream(event), out, null);
        Map<?, ?> answer = Json.MAPPER.readValue(out.toByteArray(), Map.class);
        Map<?, ?> outcomes = (Map<?, ?>) answer.get("outcomes");
        if (!((List<?>) answer.get("batchItemFailures")).isEmpty() || outcomes.size() != 1 || !outcomes.containsKey("stored")) {
            throw new IllegalStateException("not all stored: " + answer);
        }
    }

    static void register(DynamoDbClient db, String device, String kind) {
        db.putItem(b -> b.tableName(Env.tableName()).item(Map.of("pk", AttributeValue.fromS(Keys.devices(TENANT)), "sk", AttributeValue.fromS(device),
                "storeId", AttributeValue.fromS(STORE), "kind", AttributeValue.fromS(kind))));
    }
}
