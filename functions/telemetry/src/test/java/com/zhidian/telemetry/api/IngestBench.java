package com.zhidian.telemetry.api;

import com.zhidian.core.Env;
import com.zhidian.core.Json;
import com.zhidian.core.testing.TestTables;
import com.zhidian.local.dynamodb.LocalDynamoDb;
import com.zhidian.telemetry.application.Telemetry;
import com.zhidian.telemetry.store.Keys;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.core.SdkRequest;
import software.amazon.awssdk.http.apache.ApacheHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeDefinition;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.BillingMode;
import software.amazon.awssdk.services.dynamodb.model.GlobalSecondaryIndex;
import software.amazon.awssdk.services.dynamodb.model.KeySchemaElement;
import software.amazon.awssdk.services.dynamodb.model.KeyType;
import software.amazon.awssdk.services.dynamodb.model.ProjectionType;
import software.amazon.awssdk.services.dynamodb.model.ScalarAttributeType;

/**
 * Issue 21's ingest figure, by hand (not a test of the build):
 * <pre>
 * ./mvnw -B -q -pl functions/telemetry -am test -Dskip.npm -Dtest=IngestBench -Dingest.bench=20000 [-Dingest.batchSize=250] -Dsurefire.failIfNoSpecifiedTests=false
 * </pre>
 * N telemetry messages of 300 devices (fridge sensors, energy meters, traffic counters, a third each) through the ingest
 * as Lambda runs it (SQS events of the telemetry queue, each record's body an IoT rule event, into Spring Cloud Function's
 * AWS adapter, the {@code ingestTelemetry} bean, the DynamoDB stand-in over HTTP), 4 threads (4 concurrent invocations),
 * each device's messages in order on one thread, {@code ingest.batchSize} records an invocation; against the raw
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
        DynamoDbClient fresh = freshStandIn();
        for (DynamoDbClient db : List.of(real, fresh)) {
            for (int d = 0; d < DEVICES + 100; d++) register(db, device(d), kind(d));
        }
        List<List<Object[]>> captured = new ArrayList<>();
        for (int t = 0; t < THREADS; t++) captured.add(new ArrayList<>());
        ThreadLocal<List<Object[]>> sink = new ThreadLocal<>();
        DynamoDbClient capturing = (DynamoDbClient) Proxy.newProxyInstance(DynamoDbClient.class.getClassLoader(), new Class<?>[] {DynamoDbClient.class},
                (proxy, m, args) -> {
                    if (args != null && args.length == 1 && args[0] instanceof SdkRequest && sink.get() != null) sink.get().add(new Object[] {m, args[0]});
                    // a builder overload (a default method) runs on the proxy, so the request it builds is captured too
                    if (m.isDefault() && args != null && args.length == 1 && args[0] instanceof java.util.function.Consumer) return java.lang.reflect.InvocationHandler.invokeDefault(proxy, m, args);
                    try {
                        return m.invoke(real, args);
                    } catch (InvocationTargetException e) {
                        throw e.getCause();
                    }
                });
        IngestHandler handler = new IngestHandler(new IngestFunction(Telemetry.ingest(capturing, Clock.systemUTC())));
        Instant base = Instant.now().minus(Duration.ofHours(2));

        // warm-up: devices 300..399, not captured, in batches as the queue hands them over
        int batch = Integer.getInteger("ingest.batchSize", 250);
        List<List<byte[]>> warm = new ArrayList<>();
        for (int t = 0; t < THREADS; t++) warm.add(new ArrayList<>());
        for (int i = 0; i < 2000; i++) {
            int d = DEVICES + (i % DEVICES) % 100;
            warm.get(d % THREADS).add(Json.write(event(d, i, base.plusMillis(i))).getBytes(StandardCharsets.UTF_8));
        }
        perThread(warm, batch, (events, t) -> invoke(handler, events));
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
            for (List<Object[]> c : captured) c.clear();
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
                sink.set(captured.get(t));
                long c0 = mx.getCurrentThreadCpuTime();
                for (byte[] e : events) invokeSqs(handler, e);
                synchronized (ingestCpu) { ingestCpu[0] += mx.getCurrentThreadCpuTime() - c0; }
                sink.remove();
            });
            ingestNs += System.nanoTime() - t0;
            calls += captured.stream().mapToLong(List::size).sum();
            long t1 = System.nanoTime();
            ExecutorService pool = Executors.newFixedThreadPool(THREADS);
            List<Future<?>> done = new ArrayList<>();
            for (List<Object[]> list : captured) {
                done.add(pool.submit(() -> {
                    long c0 = mx.getCurrentThreadCpuTime();
                    for (Object[] c : list) {
                        try {
                            ((Method) c[0]).invoke(fresh, c[1]);
                        } catch (ReflectiveOperationException e) {
                            throw new IllegalStateException(e.getCause());
                        }
                    }
                    synchronized (rawCpu) { rawCpu[0] += mx.getCurrentThreadCpuTime() - c0; }
                    return null;
                }));
            }
            for (Future<?> f : done) f.get();
            rawNs += System.nanoTime() - t1;
            pool.shutdown();
        }

        System.out.printf(Locale.ROOT, "ingest bench: %d messages, %d devices, %d threads, batches of %d, %d cores, Java %s%n", n, DEVICES, THREADS, Integer.getInteger("ingest.batchSize", 250),
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

    static DynamoDbClient freshStandIn() {
        LocalDynamoDb second = LocalDynamoDb.start(LocalDynamoDb.Options.inMemory().port(0));
        Runtime.getRuntime().addShutdownHook(new Thread(second::close));
        DynamoDbClient c = DynamoDbClient.builder().endpointOverride(second.endpoint()).region(Region.of("cn-north-1"))
                .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create("local", "local")))
                .httpClient(ApacheHttpClient.create()).build();
        c.createTable(b -> b.tableName(Env.tableName()).billingMode(BillingMode.PAY_PER_REQUEST)
                .attributeDefinitions(Arrays.stream(new String[] {"pk", "sk", "gsi1pk", "gsi1sk", "gsi2pk", "gsi2sk"})
                        .map(x -> AttributeDefinition.builder().attributeName(x).attributeType(ScalarAttributeType.S).build()).toList())
                .keySchema(KeySchemaElement.builder().attributeName("pk").keyType(KeyType.HASH).build(),
                        KeySchemaElement.builder().attributeName("sk").keyType(KeyType.RANGE).build())
                .globalSecondaryIndexes(gsi("gsi1"), gsi("gsi2")));
        return c;
    }

    static GlobalSecondaryIndex gsi(String name) {
        return GlobalSecondaryIndex.builder().indexName(name)
                .keySchema(KeySchemaElement.builder().attributeName(name + "pk").keyType(KeyType.HASH).build(),
                        KeySchemaElement.builder().attributeName(name + "sk").keyType(KeyType.RANGE).build())
                .projection(p -> p.projectionType(ProjectionType.ALL)).build();
    }
}
