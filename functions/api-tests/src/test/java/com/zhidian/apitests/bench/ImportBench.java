package com.zhidian.apitests.bench;

import static com.zhidian.apitests.support.Api.map;

import com.fasterxml.jackson.databind.JsonNode;
import com.zhidian.apitests.catalog.Catalog;
import com.zhidian.apitests.support.Api;
import com.zhidian.apitests.support.Fixtures;
import com.zhidian.core.Env;
import com.zhidian.core.aws.AwsClients;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.KeysAndAttributes;

/**
 * Issue 17's import figure, by hand (not a test of the build):
 * <pre>
 * ./mvnw -B -q -pl functions/api-tests -am test -Dskip.npm -Dtest=ImportBench -Dimport.bench=3 -Dsurefire.failIfNoSpecifiedTests=false
 * </pre>
 * ({@code import.bench} = rounds). Each round: a new tenant's 10,000-row product CSV (UTF-8, GTIN, name, unit, category)
 * uploaded to the S3 stand-in's presigned URL; the time is from the upload's PUT to the import read back {@code done}
 * (polled every 20 ms), so it includes the S3 event, the function's start, parsing, the reads and writes and the report.
 * Then the same file again (every row unchanged: nothing written). Next to each, in the same round, the <b>bare
 * writes</b> it must make, with the AWS SDK against the same DynamoDB stand-in, one after the other as the import's one
 * invocation makes them: 10,000 conditional PutItems of a real product item's shape (a product is created with
 * {@code attribute_not_exists(pk)}, so it cannot be batched), and with them the 100 BatchGetItems of 100 products that
 * tell a new row from an existing one; for the second import, those 100 BatchGetItems alone.
 */
class ImportBench {
    private static final int ROWS = 10_000;
    private static final HttpClient HTTP = HttpClient.newHttpClient();

    @org.junit.jupiter.api.Test
    @org.junit.jupiter.api.condition.EnabledIfSystemProperty(named = "import.bench", matches = "\\d+")
    void tenThousandRowsAgainstTheBareWrites() throws Exception {
        run(Integer.getInteger("import.bench"));
    }

    static void run(int rounds) throws Exception {
        System.setProperty("LOG_LEVEL", "OFF");
        com.zhidian.apitests.support.Local.gatewayUrl();  // starts Zhidian Local, which points the AWS SDK at its stand-ins
        DynamoDbClient db = AwsClients.dynamo();
        String table = Env.tableName();
        System.out.printf(Locale.ROOT, "machine: %d cores, Java %s, load %s%n", Runtime.getRuntime().availableProcessors(),
                System.getProperty("java.version"), OrdersBench.load());
        double[] sums = new double[4];
        for (int round = 0; round <= rounds; round++) {
            Fixtures.TenantFixture t = Fixtures.newTenant("premium", 1);
            String category = Catalog.category(t.owner(), "饮料");
            StringBuilder csv = new StringBuilder("gtin,name,unit,category\n");
            List<String> gtins = new ArrayList<>();
            for (int i = 0; i < ROWS; i++) {
                String g = Catalog.newGtin13();
                gtins.add(g);
                csv.append(g).append(",压测商品 ").append(i).append(",瓶,").append(category).append('\n');
            }
            byte[] file = csv.toString().getBytes(StandardCharsets.UTF_8);
            long first = timeImport(t.owner(), file, ROWS);
            long second = timeImport(t.owner(), file, 0);

            // the bare calls, under the bench's own keys, with a real product item's attributes
            Map<String, AttributeValue> shape = db.getItem(b -> b.tableName(table)
                    .key(key(com.zhidian.catalog.store.Keys.products(t.tenantId()), "0" + gtins.get(0)))).item();
            if (shape == null || shape.isEmpty()) {
                shape = db.getItem(b -> b.tableName(table).key(key(com.zhidian.catalog.store.Keys.products(t.tenantId()), gtins.get(0)))).item();
            }
            if (shape == null || shape.isEmpty()) throw new AssertionError("no product item to copy the shape of");
            String pk = "BENCH#import#" + UUID.randomUUID();
            long f0 = System.nanoTime();
            for (int from = 0; from < ROWS; from += 100) {
                batchGet(db, table, pk, from);
                for (int i = from; i < from + 100; i++) {
                    Map<String, AttributeValue> item = new HashMap<>(shape);
                    item.put("pk", AttributeValue.fromS(pk));
                    item.put("sk", AttributeValue.fromS(String.format(Locale.ROOT, "%014d", i)));
                    db.putItem(b -> b.tableName(table).item(item).conditionExpression("attribute_not_exists(pk)"));
                }
            }
            long floor1 = (System.nanoTime() - f0) / 1_000_000;
            long g0 = System.nanoTime();
            for (int from = 0; from < ROWS; from += 100) batchGet(db, table, pk, from);
            long floor2 = (System.nanoTime() - g0) / 1_000_000;
            String label = round == 0 ? "warm-up" : "round " + round;
            System.out.printf(Locale.ROOT, "%s: import %d ms, bare writes %d ms (%.2f×); same file again %d ms, its reads %d ms (%.2f×); load %s%n",
                    label, first, floor1, (double) first / floor1, second, floor2, (double) second / floor2, OrdersBench.load());
            if (round > 0) {
                sums[0] += first;
                sums[1] += floor1;
                sums[2] += second;
                sums[3] += floor2;
            }
        }
        System.out.printf(Locale.ROOT, "mean of %d rounds: import %.0f ms vs bare writes %.0f ms = %.2f×; again %.0f ms vs %.0f ms = %.2f×%n",
                rounds, sums[0] / rounds, sums[1] / rounds, sums[0] / sums[1], sums[2] / rounds, sums[3] / rounds, sums[2] / sums[3]);
    }

    /** Upload to done, in ms; checks every row came through as expected (created on the first run, unchanged after). */
    static long timeImport(Api owner, byte[] file, int created) throws Exception {
        Api.Res r = owner.post("/catalog/imports", map("kind", "products", "fileName", "bench.csv", "size", file.length));
        if (r.status() != 201) throw new AssertionError(r.toString());
        JsonNode started = r.json();
        String id = started.get("importId").asText();
        long t0 = System.nanoTime();
        int put = HTTP.send(HttpRequest.newBuilder(URI.create(started.at("/upload/url").asText()))
                .PUT(HttpRequest.BodyPublishers.ofByteArray(file)).build(), HttpResponse.BodyHandlers.ofString()).statusCode();
        if (put != 200) throw new AssertionError("upload " + put);
        while (true) {
            JsonNode imp = owner.get("/catalog/imports/" + id + "?limit=1").json();
            String state = imp.get("state").asText();
            if ("done".equals(state)) {
                long ms = (System.nanoTime() - t0) / 1_000_000;
                if (imp.get("created").asInt() != created || imp.get("refused").asInt() != 0 || imp.get("processed").asInt() != ROWS) {
                    throw new AssertionError("unexpected import result: " + imp);
                }
                return ms;
            }
            if ("failed".equals(state)) throw new AssertionError(imp.toString());
            Thread.sleep(20);
        }
    }

    private static void batchGet(DynamoDbClient db, String table, String pk, int from) {
        List<Map<String, AttributeValue>> keys = new ArrayList<>();
        for (int i = from; i < from + 100; i++) keys.add(key(pk, String.format(Locale.ROOT, "%014d", i)));
        Map<String, KeysAndAttributes> ask = Map.of(table, KeysAndAttributes.builder().keys(keys).build());
        while (ask != null && !ask.isEmpty()) {
            Map<String, KeysAndAttributes> now = ask;
            var res = db.batchGetItem(b -> b.requestItems(now));
            ask = res.hasUnprocessedKeys() ? res.unprocessedKeys() : null;
        }
    }

    private static Map<String, AttributeValue> key(String pk, String sk) {
        Map<String, AttributeValue> k = new HashMap<>();
        k.put("pk", AttributeValue.fromS(pk));
        k.put("sk", AttributeValue.fromS(sk));
        return k;
    }
}
