package com.zhidian.local.dynamodb;

import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.core.retry.RetryPolicy;
import software.amazon.awssdk.http.apache.ApacheHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.*;

import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.*;
import java.util.concurrent.*;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Side-by-side benchmark, not a test: the stand-in (in memory and persistent) and dynalite 4.0.0, same SDK client,
 * same machine, one run. {@code ./mvnw -q -B -pl infrastructure/local-dynamodb test-compile exec:java -Pbench}
 * (or run this main with the test classpath). Optional: -Dbench.n=2000 -Dbench.threads=8 -Dbench.seconds=5.
 */
public final class Benchmark {
    static final int N = Integer.getInteger("bench.n", 2000);
    static final int THREADS = Integer.getInteger("bench.threads", 8);
    static final int SECONDS = Integer.getInteger("bench.seconds", 5);

    record Result(String name, Map<String, String> figures) {}

    /** CPU time (ns) used so far by the server under test, to compare server cost independent of the shared client. */
    interface Cpu { long nanos(); }

    static Cpu inProcessCpu() {
        java.lang.management.ThreadMXBean mx = java.lang.management.ManagementFactory.getThreadMXBean();
        Map<Long, Long> seen = new HashMap<>(); // last CPU time of every server thread ever seen (threads come and go with connections)
        return () -> {
            for (java.lang.management.ThreadInfo ti : mx.getThreadInfo(mx.getAllThreadIds())) {
                if (ti == null || !ti.getThreadName().startsWith("local-dynamodb")) continue;
                long t = mx.getThreadCpuTime(ti.getThreadId());
                if (t > 0) seen.merge(ti.getThreadId(), t, Math::max);
            }
            long sum = 0;
            for (long v : seen.values()) sum += v;
            return sum;
        };
    }

    static Cpu processCpu(long pid) {
        return () -> {
            try {
                String stat = Files.readString(Path.of("/proc/" + pid + "/stat"));
                String[] f = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
                return (Long.parseLong(f[11]) + Long.parseLong(f[12])) * 10_000_000L; // utime + stime, USER_HZ = 100
            } catch (Exception e) {
                return -1;
            }
        };
    }

    static volatile Cpu cpu = () -> -1;

    public static void main(String[] args) throws Exception {
        List<Result> results = new ArrayList<>();
        double loadBefore = java.lang.management.ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage();
        long t0 = System.nanoTime();
        LocalDynamoDb mem = LocalDynamoDb.start(LocalDynamoDb.Options.inMemory().port(0));
        double startMs = (System.nanoTime() - t0) / 1e6;
        String why = Dynalite.unavailableReason();
        // a discarded pass first, so the client's JIT warm-up does not favour whichever server runs later
        try (LocalDynamoDb warm = LocalDynamoDb.start(LocalDynamoDb.Options.inMemory().port(0))) {
            System.out.println("(warm-up pass, discarded)");
            runQuiet(warm.endpoint());
        }
        try (mem) {
            cpu = inProcessCpu();
            results.add(run("local-dynamodb (in memory)", mem.endpoint(), true));
        }
        Path dir = Files.createTempDirectory("ldb-bench");
        try (LocalDynamoDb disk = LocalDynamoDb.start(LocalDynamoDb.Options.persistent(dir).port(0))) {
            cpu = inProcessCpu();
            results.add(run("local-dynamodb (persistent, fsync)", disk.endpoint(), true));
        }
        if (why == null) {
            try (Dynalite d = Dynalite.start()) {
                cpu = processCpu(d.process.pid());
                results.add(run("dynalite " + Dynalite.VERSION + " (in memory)", d.endpoint, false));
            }
        } else System.out.println("dynalite skipped: " + why);

        System.out.println();
        System.out.printf("start-up in-process (first start in this JVM): %.0f ms%n", startMs);
        System.out.println("machine: " + Runtime.getRuntime().availableProcessors() + " cores, Java " + System.getProperty("java.version")
                + ", N=" + N + " sequential ops, " + THREADS + " threads x " + SECONDS + " s for throughput, load average before: "
                + String.format("%.1f", loadBefore) + ", after: "
                + String.format("%.1f", java.lang.management.ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage()));
        System.out.println();
        List<String> keys = new ArrayList<>(results.get(0).figures().keySet());
        StringBuilder sb = new StringBuilder("| measure |");
        for (Result r : results) sb.append(' ').append(r.name()).append(" |");
        sb.append("\n|---|");
        results.forEach(r -> sb.append("---|"));
        for (String k : keys) {
            sb.append("\n| ").append(k).append(" |");
            for (Result r : results) sb.append(' ').append(r.figures().getOrDefault(k, "n/a")).append(" |");
        }
        System.out.println(sb);
    }

    static DynamoDbClient client(URI endpoint) {
        return DynamoDbClient.builder().endpointOverride(endpoint).region(Region.of("us-east-1"))
                .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create("bench", "bench")))
                .httpClient(ApacheHttpClient.builder().maxConnections(THREADS * 2).build())
                .overrideConfiguration(c -> c.retryPolicy(RetryPolicy.none())).build();
    }

    static Map<String, AttributeValue> item(String pk, int i) {
        return Map.of("pk", AttributeValue.fromS(pk), "sk", AttributeValue.fromS("s"), "n", AttributeValue.fromN(Integer.toString(i)),
                "payload", AttributeValue.fromS("x".repeat(100)));
    }

    static void runQuiet(URI endpoint) throws Exception {
        java.io.PrintStream out = System.out;
        System.setOut(new java.io.PrintStream(java.io.OutputStream.nullOutputStream()));
        try {
            run("warm-up", endpoint, true);
        } finally {
            System.setOut(out);
        }
    }

    static Result run(String name, URI endpoint, boolean tx) throws Exception {
        System.out.println("== " + name);
        Map<String, String> f = new LinkedHashMap<>();
        try (DynamoDbClient c = client(endpoint)) {
            c.createTable(b -> b.tableName("bench").billingMode(BillingMode.PAY_PER_REQUEST)
                    .attributeDefinitions(Clients.ad("pk"), Clients.ad("sk")).keySchema(Clients.ks("pk", KeyType.HASH), Clients.ks("sk", KeyType.RANGE)));
            // warm-up (JIT on both sides of the wire): sequential and concurrent, results discarded
            for (int i = 0; i < 2000; i++) { int k = i; c.putItem(b -> b.tableName("bench").item(item("w" + k, k))); c.getItem(b -> b.tableName("bench").key(Ops.key("w" + k, "s"))); }
            throughputFor(1, i -> c.updateItem(b -> b.tableName("bench").key(Ops.key("w" + (i % 100), "s"))
                    .updateExpression("ADD cnt :one").expressionAttributeValues(Map.of(":one", AttributeValue.fromN("1")))));
            long[] lat = new long[N];
            for (int i = 0; i < N; i++) {
                int k = i;
                long s = System.nanoTime();
                c.putItem(b -> b.tableName("bench").item(item("p" + k, k)));
                lat[i] = System.nanoTime() - s;
            }
            f.put("sequential PutItem latency, mean / p50 / p99 (ms)", stats(lat));
            for (int i = 0; i < N; i++) {
                int k = i;
                long s = System.nanoTime();
                c.getItem(b -> b.tableName("bench").key(Ops.key("p" + k, "s")));
                lat[i] = System.nanoTime() - s;
            }
            f.put("sequential GetItem latency, mean / p50 / p99 (ms)", stats(lat));
            f.put(THREADS + "-thread PutItem (ops/s)", throughput(c, i -> c.putItem(b -> b.tableName("bench").item(item("t" + (i % 5000), i)))));
            f.put(THREADS + "-thread GetItem (ops/s)", throughput(c, i -> c.getItem(b -> b.tableName("bench").key(Ops.key("p" + (i % N), "s")))));
            f.put(THREADS + "-thread same-item ADD (ops/s)", throughput(c, i -> c.updateItem(b -> b.tableName("bench").key(Ops.key("hot", "s"))
                    .updateExpression("ADD cnt :one").expressionAttributeValues(Map.of(":one", AttributeValue.fromN("1"))))));
            String txFig;
            try {
                txFig = throughput(c, i -> {
                    List<TransactWriteItem> items = new ArrayList<>();
                    for (int a = 0; a < 10; a++) items.add(TransactWriteItem.builder().update(Update.builder().tableName("bench")
                            .key(Ops.key("tx" + ((i * 10 + a) % 10000), "s")).updateExpression("ADD cnt :one")
                            .conditionExpression("attribute_not_exists(locked)")
                            .expressionAttributeValues(Map.of(":one", AttributeValue.fromN("1"))).build()).build());
                    c.transactWriteItems(b -> b.transactItems(items));
                });
            } catch (ExecutionException e) {
                txFig = "unsupported (" + (e.getCause() instanceof DynamoDbException d ? d.awsErrorDetails().errorCode() : e.getCause().toString()) + ")";
            }
            f.put(THREADS + "-thread 10-action TransactWriteItems (tx/s)", txFig);
        }
        // server capacity: the same work from a minimal raw HTTP client (no SDK), so the server's own cost dominates
        String item = ",\"sk\":{\"S\":\"s\"},\"payload\":{\"S\":\"" + "x".repeat(100) + "\"}";
        f.put("raw client: " + THREADS + "-thread PutItem (ops/s)", RawClient.throughput(endpoint, THREADS, SECONDS,
                i -> new RawClient.Call("PutItem", "{\"TableName\":\"bench\",\"Item\":{\"pk\":{\"S\":\"r" + (i % 5000) + "\"}" + item + ",\"n\":{\"N\":\"" + i + "\"}}}"), cpu));
        f.put("raw client: " + THREADS + "-thread GetItem (ops/s)", RawClient.throughput(endpoint, THREADS, SECONDS,
                i -> new RawClient.Call("GetItem", "{\"TableName\":\"bench\",\"Key\":{\"pk\":{\"S\":\"p" + (i % N) + "\"},\"sk\":{\"S\":\"s\"}}}"), cpu));
        f.put("raw client: " + THREADS + "-thread same-item ADD (ops/s)", RawClient.throughput(endpoint, THREADS, SECONDS,
                i -> new RawClient.Call("UpdateItem", "{\"TableName\":\"bench\",\"Key\":{\"pk\":{\"S\":\"hot\"},\"sk\":{\"S\":\"s\"}},"
                        + "\"UpdateExpression\":\"ADD cnt :one\",\"ExpressionAttributeValues\":{\":one\":{\"N\":\"1\"}}}"), cpu));
        f.forEach((k, v) -> System.out.println("  " + k + ": " + v));
        return new Result(name, f);
    }

    interface Work { void run(int i) throws Exception; }

    static String throughput(DynamoDbClient c, Work w) throws Exception {
        return throughputFor(SECONDS, w);
    }

    static String throughputFor(int seconds, Work w) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(THREADS);
        AtomicLong ops = new AtomicLong();
        long end = System.nanoTime() + seconds * 1_000_000_000L;
        List<Future<?>> fs = new ArrayList<>();
        long cpuBefore = cpu.nanos();
        long start = System.nanoTime();
        for (int t = 0; t < THREADS; t++) {
            int th = t;
            fs.add(pool.submit(() -> {
                for (int i = th * 1_000_000; System.nanoTime() < end; i++) {
                    w.run(i);
                    ops.incrementAndGet();
                }
                return null;
            }));
        }
        try {
            for (Future<?> fu : fs) fu.get();
        } finally {
            pool.shutdownNow();
        }
        double secs = (System.nanoTime() - start) / 1e9;
        long cpuAfter = cpu.nanos();
        String perOp = cpuBefore < 0 || cpuAfter < 0 ? "" : String.format(" (server CPU %.0f µs/op)", (cpuAfter - cpuBefore) / 1000.0 / Math.max(1, ops.get()));
        return String.format("%.0f", ops.get() / secs) + perOp;
    }

    static String stats(long[] ns) {
        long[] s = ns.clone();
        Arrays.sort(s);
        double mean = Arrays.stream(s).average().orElse(0) / 1e6;
        return String.format("%.2f / %.2f / %.2f", mean, s[s.length / 2] / 1e6, s[(int) (s.length * 0.99)] / 1e6);
    }
}
