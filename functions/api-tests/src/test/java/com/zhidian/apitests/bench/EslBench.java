package com.zhidian.apitests.bench;

import static com.zhidian.apitests.support.Api.map;

import com.fasterxml.jackson.databind.JsonNode;
import com.zhidian.apitests.catalog.Catalog;
import com.zhidian.apitests.support.Api;
import com.zhidian.apitests.support.Fixtures;
import com.zhidian.apitests.support.Local;
import com.zhidian.apitests.support.TenantSessions;
import com.zhidian.iot.DeviceConfig;
import com.zhidian.iot.Fleet;
import com.zhidian.devices.application.ParallelPushes;
import com.zhidian.local.iot.shadow.ShadowService;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.http.apache.ApacheHttpClient;
import software.amazon.awssdk.services.iotdataplane.IotDataPlaneClient;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Locale;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.WriteRequest;

/**
 * Issue 20's speed figures, by hand (not a test of the build; bench/RESULTS.md, "ESL"):
 * <pre>
 * ./mvnw -B -q -pl functions/api-tests -am test -Dskip.npm -Dtest=EslBench -Desl.bench=2000 -Dsurefire.failIfNoSpecifiedTests=false
 * </pre>
 * {@code -Desl.rounds} (3), {@code -Desl.jfr=file} (JFR over round 1's pipeline phase, dumped also when it fails),
 * {@code -Desl.wait} (seconds the pipeline phase may take before it fails, 600), {@code -Desl.childFleet=true} (the labels
 * in a child JVM, iot/ {@code Fleet}'s main: with broker and labels in one process every label costs it two file
 * descriptors, and the hard limit of 20,000 stopped 10,000 labels), {@code -Desl.pipeline=false} (no push-pipeline-alone
 * phase, which also waits up to 150 s for the sweep: a round is then the bulk change and the raw updates).
 * One store with N products (one product import), one shelf label each (registered through the API by 8 clients, bound
 * to its product, connected as an SDK label: iot/ Fleet). Per round: (1) a bulk price change of every GTIN of the store,
 * as an owner makes it: one price import (CSV, {@code gtin,store,price}) started, uploaded, until every label reported
 * the new price with no delta; against (2) the same number of raw shadow updates, the floor of any push: one
 * UpdateThingShadow per label through the AWS SDK over HTTP, 16 in flight as EslPushFunction's pool, whose deltas go
 * through the broker to the same labels, until every label reported them; and (2b) the push
 * pipeline alone: as many price.changed outbox items written at once (what the catalog's transactions write), through
 * the stream, EslPushFunction and UpdateThingShadow, until every label reported the catalog's price. (3) One price change
 * ({@code PUT /stores/{storeId}/prices/{gtin}}) to its label's report, 100 times in a row: p50, p99.
 */
class EslBench {
    private static final HttpClient HTTP = HttpClient.newHttpClient();

    @org.junit.jupiter.api.Test
    @org.junit.jupiter.api.condition.EnabledIfSystemProperty(named = "esl.bench", matches = "\\d+")
    void bulkPriceChangeToEveryLabel() throws Exception {
        run(Integer.getInteger("esl.bench"), Integer.getInteger("esl.rounds", 3));
    }

    static void run(int n, int rounds) throws Exception {
        Fixtures.TenantFixture t = Fixtures.newTenant("premium", 1);
        String store = t.storeIds().get(0);
        Catalog.category(t.owner(), "饮料");
        long t0 = System.nanoTime();
        List<String> gtins = new ArrayList<>();
        StringBuilder products = new StringBuilder("gtin,name,brand,category,unit,spec,shelfLifeDays,status\n");
        StringBuilder prices = new StringBuilder("gtin,store,price\n");
        for (int i = 0; i < n; i++) {
            String g = Catalog.newGtin13();
            gtins.add("0" + g);
            products.append(g).append(",饮料 ").append(i).append(",,饮料,瓶,500ml,180,在售\n");
            prices.append(g).append(",,1.00\n");
        }
        importFile(t.owner(), "products", products.toString());
        importFile(t.owner(), "prices", prices.toString());
        System.out.printf(Locale.ROOT, "machine: %d cores, Java %s; %d products with a price imported in %d ms%n",
                Runtime.getRuntime().availableProcessors(), System.getProperty("java.version"), n, ms(t0));

        long r0 = System.nanoTime();
        DeviceConfig[] devices = new DeviceConfig[n];
        ExecutorService register = Executors.newFixedThreadPool(8);
        List<Future<?>> done = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            int k = i;
            done.add(register.submit(() -> {
                Api.Res r = t.owner().post("/stores/" + store + "/devices", map("kind", "esl", "name", "价签 " + k, "gtin", gtins.get(k)));
                if (r.status() != 201) throw new AssertionError("register: " + r);
                JsonNode d = r.json();
                devices[k] = DeviceConfig.local("esl", d.get("thingName").asText(), t.tenantId(), store, d.get("deviceId").asText(),
                        d.at("/mqtt/host").asText(), d.at("/mqtt/port").asInt(), d.at("/credentials/password").asText());
                return null;
            }));
        }
        for (Future<?> f : done) f.get();
        register.shutdown();
        List<DeviceConfig> labels = Arrays.asList(devices);
        System.out.printf(Locale.ROOT, "%d labels registered through the API (8 clients) in %d ms%n", n, ms(r0));

        ShadowService shadows = Local.instance().iot().shadows();
        IotDataPlaneClient data = IotDataPlaneClient.builder()
                .httpClient(ApacheHttpClient.builder().maxConnections(ParallelPushes.DEFAULT_WIDTH * 2).build()).build();
        DynamoDbClient db = new TenantSessions().unscoped();
        long c0 = System.nanoTime();
        try (AutoCloseable fleet = Boolean.getBoolean("esl.childFleet") ? childFleet(labels) : Fleet.start(labels, Duration.ofHours(1), Clock.systemUTC())) {
            System.out.printf(Locale.ROOT, "%d SDK labels connected in %d ms%n", n, ms(c0));
            awaitAll(shadows, labels, "price", 100, Duration.ofSeconds(300));

            for (int round = 1; round <= rounds; round++) {
                long price = 1000 + round;
                StringBuilder csv = new StringBuilder("gtin,store,price\n");
                for (String g : gtins) csv.append(g).append(',').append(store).append(',').append(price / 100).append('.')
                        .append(String.format(Locale.ROOT, "%02d", price % 100)).append('\n');
                long b0 = System.nanoTime();
                JsonNode started = start(t.owner(), "prices", csv.toString());
                long[] importDone = {-1};
                Thread watcher = new Thread(() -> {
                    try {
                        await(t.owner(), started.get("importId").asText());
                        importDone[0] = ms(b0);
                    } catch (InterruptedException stop) {
                        // the round ended first
                    }
                });
                watcher.start();
                String bulkTail = awaitAll(shadows, labels, "price", price, Duration.ofSeconds(600), b0);
                long cloud = ms(b0);
                watcher.join();
                System.out.printf(Locale.ROOT, "round %d: bulk change (price import of %d rows) until every label reported: %d ms (import done at %d ms; %s)%n",
                        round, n, cloud, importDone[0], bulkTail);

                // the baseline: the floor a perfect push must pay, N UpdateThingShadow calls through the AWS SDK over HTTP
                // (IotDataPlaneClient, as EslPushFunction makes them, as many in flight as its pool: ParallelPushes'
                // width), whose deltas go through the broker to the labels, until every label reported them; a field of
                // its own, so the minute sweep (which puts the catalog's content back on a label that is behind) cannot
                // undo it
                long seq = 5000 + round;
                long s0 = System.nanoTime();
                rawUpdates(data, labels, ("{\"state\":{\"desired\":{\"rawSeq\":" + seq + "}}}").getBytes(StandardCharsets.UTF_8));
                String rawTail = awaitAll(shadows, labels, "rawSeq", seq, Duration.ofSeconds(600), s0);
                long raw = ms(s0);
                System.out.printf(Locale.ROOT, "round %d: %d raw shadow updates until every label reported: %d ms; ratio bulk/raw %.2f (%s)%n",
                        round, n, raw, raw == 0 ? 0.0 : (double) cloud / raw, rawTail);

                // the push pipeline alone: N price.changed outbox items, as the catalog's transactions write them, put
                // into the table at once (BatchWriteItem, 8 threads): stream poller -> EslPushFunction -> N
                // UpdateThingShadow -> labels, until every label shows the catalog's price again. First (not timed) the
                // labels are made to show a wrong price, once the sweep has checked the last push (no label of the
                // tenant on its due list: a sweep would otherwise put the catalog's price back midway).
                if (!Boolean.parseBoolean(System.getProperty("esl.pipeline", "true"))) continue;  // the bulk change and raw only
                awaitSweptOff(db, t.tenantId(), Duration.ofSeconds(150));
                for (DeviceConfig d : labels) {
                    shadows.update(d.thingName(), "esl", "{\"state\":{\"desired\":{\"price\":1}}}".getBytes(StandardCharsets.UTF_8));
                }
                awaitAll(shadows, labels, "price", 1, Duration.ofSeconds(600));
                java.nio.file.Path jfr = round == 1 && System.getProperty("esl.jfr") != null ? java.nio.file.Path.of(System.getProperty("esl.jfr")) : null;
                jdk.jfr.Recording recording = null;
                if (jfr != null) {
                    recording = new jdk.jfr.Recording(jdk.jfr.Configuration.getConfiguration("profile"));
                    recording.start();
                }
                long p0 = System.nanoTime();
                long written, pipeline;
                try {
                    writeOutbox(db, t.tenantId(), store, gtins, round);
                    written = ms(p0);
                    awaitAll(shadows, labels, "price", price, Duration.ofSeconds(Integer.getInteger("esl.wait", 600)));
                    pipeline = ms(p0);
                } finally {
                    // dumped when the phase fails too (a skipped stream batch): that is the run worth profiling
                    if (recording != null) {
                        recording.stop();
                        recording.dump(jfr);
                        recording.close();
                    }
                }
                System.out.printf(Locale.ROOT, "round %d: push pipeline alone (%d outbox items written in %d ms) until every label reported: %d ms; ratio pipeline/raw %.2f%n",
                        round, n, written, pipeline, raw == 0 ? 0.0 : (double) pipeline / raw);
            }

            long[] one = new long[100];
            for (int i = 0; i < one.length; i++) {
                long price = 2000 + i;
                long s0 = System.nanoTime();
                Api.Res r = t.owner().put("/stores/" + store + "/prices/" + gtins.get(i % n), map("price", price));
                if (r.status() != 200) throw new AssertionError(r.toString());
                awaitAll(shadows, labels.subList(i % n, i % n + 1), "price", price, Duration.ofSeconds(30));
                one[i] = (System.nanoTime() - s0) / 1_000;
            }
            Arrays.sort(one);
            System.out.printf(Locale.ROOT, "one price change to its label's report, %d times: p50 %.1f ms, p99 %.1f ms, max %.1f ms%n",
                    one.length, one[one.length / 2] / 1000.0, one[(int) Math.ceil(one.length * 0.99) - 1] / 1000.0, one[one.length - 1] / 1000.0);
        }
    }

    /**
     * The labels as iot/ {@code Fleet}'s main runs them (a fleet file, {@code java com.zhidian.iot.Fleet fleet.json}),
     * in a child JVM on the test's class path: the broker in this JVM holds one descriptor a label, the child the
     * other. Ready when it prints that every label connected; closing it stops the child.
     */
    private static AutoCloseable childFleet(List<DeviceConfig> labels) throws Exception {
        com.fasterxml.jackson.databind.ObjectMapper mapper = new com.fasterxml.jackson.databind.ObjectMapper();
        com.fasterxml.jackson.databind.node.ObjectNode file = mapper.createObjectNode();
        file.put("host", labels.get(0).host()).put("port", labels.get(0).port()).put("telemetrySeconds", 3600);
        var devices = file.putArray("devices");
        for (DeviceConfig d : labels) {
            devices.addObject().put("kind", d.kind()).put("thingName", d.thingName()).put("tenantId", d.tenantId())
                    .put("storeId", d.storeId()).put("deviceId", d.deviceId()).put("secret", d.secret());
        }
        java.nio.file.Path json = java.nio.file.Files.createTempFile("esl-fleet", ".json");
        java.nio.file.Files.write(json, mapper.writeValueAsBytes(file));
        String cp = System.getProperty("surefire.test.class.path", System.getProperty("java.class.path"));
        Process child = new ProcessBuilder(java.nio.file.Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", cp, "com.zhidian.iot.Fleet", json.toString()).redirectErrorStream(true).start();
        java.io.BufferedReader out = new java.io.BufferedReader(new java.io.InputStreamReader(child.getInputStream(), StandardCharsets.UTF_8));
        String line;
        while ((line = out.readLine()) != null && !line.startsWith("fleet: ")) System.out.println("[fleet] " + line);
        if (line == null) throw new AssertionError("the fleet's JVM ended before its labels connected: " + child.waitFor());
        System.out.println("[fleet] " + line);
        Thread drain = new Thread(() -> out.lines().forEach(l -> System.out.println("[fleet] " + l)), "fleet-output");
        drain.setDaemon(true);
        drain.start();
        return () -> {
            // its shutdown hook disconnects the labels one by one (minutes for 10,000, holding the build lock): a few
            // seconds, then stopped outright
            child.destroy();
            if (!child.waitFor(10, java.util.concurrent.TimeUnit.SECONDS)) child.destroyForcibly().waitFor();
            java.nio.file.Files.deleteIfExists(json);
        };
    }

    /** One UpdateThingShadow per label through the SDK, {@link ParallelPushes#DEFAULT_WIDTH} in flight. */
    private static void rawUpdates(IotDataPlaneClient data, List<DeviceConfig> labels, byte[] body) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(ParallelPushes.DEFAULT_WIDTH);
        try {
            List<Future<?>> sent = new ArrayList<>();
            for (DeviceConfig d : labels) {
                sent.add(pool.submit(() -> data.updateThingShadow(b -> b.thingName(d.thingName()).shadowName("esl")
                        .payload(SdkBytes.fromByteArray(body)))));
            }
            for (Future<?> f : sent) f.get();
        } finally {
            pool.shutdown();
        }
    }

    private static long ms(long since) {
        return (System.nanoTime() - since) / 1_000_000;
    }

    /** Until no label of the tenant is on the sweep's due list (gsi2 {@code ESLDUE}): the sweep has checked every push. */
    private static void awaitSweptOff(DynamoDbClient db, String tenant, Duration limit) throws InterruptedException {
        long deadline = System.nanoTime() + limit.toNanos();
        while (System.nanoTime() < deadline) {
            int due = 0;
            Map<String, AttributeValue> start = null;
            do {
                Map<String, AttributeValue> from = start;
                var r = db.query(b -> b.tableName(Local.instance().tableName()).indexName("gsi2").keyConditionExpression("gsi2pk = :pk")
                        // not gsi2sk: a filter may not name a key of the index; a bulk push's check items name their tenant
                        .filterExpression("begins_with(thingName, :t) OR checkOf = :tenant")
                        .expressionAttributeValues(Map.of(":pk", AttributeValue.fromS("ESLDUE"), ":t", AttributeValue.fromS("zd-" + tenant + "-"),
                                ":tenant", AttributeValue.fromS(tenant)))
                        .exclusiveStartKey(from));
                due += r.count();
                start = r.hasLastEvaluatedKey() && !r.lastEvaluatedKey().isEmpty() ? r.lastEvaluatedKey() : null;
            } while (start != null);
            if (due == 0) return;
            Thread.sleep(1000);
        }
        throw new AssertionError("labels of " + tenant + " still on the sweep's due list after " + limit);
    }

    /** The catalog's price.changed outbox items (functions/catalog DynamoPriceRepository.priceChanged), under the bench's own key. */
    private static void writeOutbox(DynamoDbClient db, String tenant, String store, List<String> gtins, int round) throws Exception {
        String table = Local.instance().tableName();
        String at = java.time.Instant.now().toString();
        ExecutorService pool = Executors.newFixedThreadPool(8);
        List<Future<?>> writes = new ArrayList<>();
        for (int from = 0; from < gtins.size(); from += 25) {
            List<String> slice = gtins.subList(from, Math.min(gtins.size(), from + 25));
            int first = from;
            writes.add(pool.submit(() -> {
                List<WriteRequest> puts = new ArrayList<>();
                for (int i = 0; i < slice.size(); i++) {
                    Map<String, AttributeValue> item = new HashMap<>();
                    item.put("pk", AttributeValue.fromS("BENCH#ESL#" + tenant));
                    item.put("sk", AttributeValue.fromS(at + "#r" + round + "-" + (first + i)));
                    item.put("kind", AttributeValue.fromS("price.changed"));
                    item.put("tenantId", AttributeValue.fromS(tenant));
                    item.put("gtin", AttributeValue.fromS(slice.get(i)));
                    item.put("storeId", AttributeValue.fromS(store));
                    puts.add(WriteRequest.builder().putRequest(r -> r.item(item)).build());
                }
                Map<String, List<WriteRequest>> left = Map.of(table, puts);
                while (!left.isEmpty()) {
                    Map<String, List<WriteRequest>> req = left;
                    left = db.batchWriteItem(b -> b.requestItems(req)).unprocessedItems();
                }
                return null;
            }));
        }
        for (Future<?> f : writes) f.get();
        pool.shutdown();
    }

    private static JsonNode importFile(Api owner, String kind, String csv) throws Exception {
        JsonNode started = start(owner, kind, csv);
        JsonNode done = await(owner, started.get("importId").asText());
        if (!"done".equals(done.get("state").asText()) || done.path("refused").asInt() > 0) throw new AssertionError(done.toString());
        return done;
    }

    /** Starts an import and uploads the file to the URL it hands out, as the portal does. */
    private static JsonNode start(Api owner, String kind, String csv) throws Exception {
        byte[] file = csv.getBytes(StandardCharsets.UTF_8);
        Api.Res r = owner.post("/catalog/imports", map("kind", kind, "fileName", kind + ".csv", "size", file.length));
        if (r.status() != 201) throw new AssertionError("import: " + r);
        URI url = URI.create(r.json().at("/upload/url").asText());
        int status = HTTP.send(HttpRequest.newBuilder(url).PUT(HttpRequest.BodyPublishers.ofByteArray(file)).build(),
                HttpResponse.BodyHandlers.discarding()).statusCode();
        if (status != 200) throw new AssertionError("upload answered " + status);
        return r.json();
    }

    private static JsonNode await(Api owner, String importId) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofMinutes(10).toNanos();
        while (System.nanoTime() < deadline) {
            JsonNode j = owner.get("/catalog/imports/" + importId + "?limit=10").json();
            String state = j.get("state").asText();
            if (state.equals("done") || state.equals("failed")) return j;
            Thread.sleep(50);
        }
        throw new AssertionError("import " + importId + " did not end in 10 minutes");
    }

    /**
     * Until every label's shadow reports {@code value} at its top-level reported {@code field} with no delta (polled every
     * 100 ms, 10 ms near the end), through {@link ShadowService#reportsInSync}: no copy of each document, which made the
     * bench's own polling the largest CPU user of its runs (journal/esl.md).
     */
    private static void awaitAll(ShadowService shadows, List<DeviceConfig> devices, String field, long value, Duration limit)
            throws InterruptedException {
        awaitAll(shadows, devices, field, value, limit, System.nanoTime());
    }

    /** As above; says when half, 90 %, 99 % and all of the labels had reported, in ms from {@code t0}: the tail's shape. */
    private static String awaitAll(ShadowService shadows, List<DeviceConfig> devices, String field, long value, Duration limit, long t0)
            throws InterruptedException {
        long deadline = System.nanoTime() + limit.toNanos();
        boolean[] done = new boolean[devices.size()];
        int left = devices.size();
        double[] marks = {0.5, 0.9, 0.99, 1.0};
        long[] at = new long[marks.length];
        int next = 0;
        while (left > 0) {
            for (int i = 0; i < devices.size(); i++) {
                if (done[i]) continue;
                if (shadows.reportsInSync(devices.get(i).thingName(), "esl", field, value)) {
                    done[i] = true;
                    left--;
                }
            }
            while (next < marks.length && devices.size() - left >= Math.ceil(marks[next] * devices.size())) at[next++] = ms(t0);
            if (left == 0) {
                return String.format(Locale.ROOT, "reported: half at %d ms, 90 %% at %d, 99 %% at %d, all at %d", at[0], at[1], at[2], at[3]);
            }
            if (System.nanoTime() > deadline) throw new AssertionError(left + " labels never reported " + value);
            Thread.sleep(left > 50 ? 100 : 10);
        }
        return "no labels";
    }
}
