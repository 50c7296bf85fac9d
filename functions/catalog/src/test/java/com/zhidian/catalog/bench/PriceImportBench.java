package com.zhidian.catalog.bench;

import com.zhidian.catalog.application.CatalogServices;
import com.zhidian.catalog.application.ImportService;
import com.zhidian.catalog.domain.CatalogImport;
import com.zhidian.catalog.domain.Category;
import com.zhidian.catalog.domain.ImportFiles;
import com.zhidian.catalog.domain.Product;
import com.zhidian.catalog.store.DynamoImportRepository;
import com.zhidian.catalog.store.DynamoPriceRepository;
import com.zhidian.catalog.store.DynamoProductRepository;
import com.zhidian.catalog.store.DynamoStockRepository;
import com.zhidian.catalog.store.Keys;
import com.zhidian.core.Env;
import com.zhidian.core.Ids;
import com.zhidian.core.auth.Caller;
import com.zhidian.core.auth.Role;
import com.zhidian.core.testing.RawCalls;
import com.zhidian.core.testing.TestTables;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.BatchGetItemRequest;
import software.amazon.awssdk.services.dynamodb.model.KeysAndAttributes;
import software.amazon.awssdk.services.dynamodb.model.PutRequest;
import software.amazon.awssdk.services.dynamodb.model.TransactWriteItem;
import software.amazon.awssdk.services.dynamodb.model.TransactWriteItemsRequest;
import software.amazon.awssdk.services.dynamodb.model.WriteRequest;

/**
 * Issue 20's bulk price change, the catalog's half: a store's price file imported alone, by hand (not a test of the build):
 * <pre>
 * ./mvnw -B -q -o -pl functions/catalog -am test -Dskip.npm -Dtest=PriceImportBench -Dprice.import.bench=1000,10000 -Dsurefire.failIfNoSpecifiedTests=false
 * </pre>
 * ({@code -Dprice.import.rounds}, 2). In process on the DynamoDB stand-in over HTTP (no gateway, no S3, no stream
 * consumer): per size N, a tenant with N products, a tenant-wide price each and a stock level with a receipt cost in the
 * store for every other one (some new prices are below it). Each round imports a {@code gtin,store,price} file that
 * changes the store price of every product ({@link ImportService#run}: parse, read, decide, write, progress, report) and
 * is timed from the file read to {@code done}; then the same file again (nothing changes). Against it, <b>the floor</b>:
 * the calls a price import cannot avoid, on a second stand-in holding the same products: the products read in
 * BatchGetItems of 99, and exactly the items this import wrote (each row's version, history entry and outbox item)
 * in TransactWriteItems of 99 items (33 rows, each row's three items together as the no-partial-write rule wants),
 * on {@value #FLOOR_THREADS} threads. The import's calls are counted by kind ({@link RawCalls}).
 */
class PriceImportBench {
    static final int FLOOR_THREADS = 4;
    static final String STORE = "st_bench";

    @Test
    @EnabledIfSystemProperty(named = "price.import.bench", matches = "[0-9,]+")
    void aStoresPriceFileAgainstItsWrites() throws Exception {
        System.setProperty("LOG_LEVEL", "OFF");
        int rounds = Integer.getInteger("price.import.rounds", 2);
        System.out.printf(Locale.ROOT, "machine: %d cores, Java %s, load %s%n", Runtime.getRuntime().availableProcessors(),
                System.getProperty("java.version"), load());
        for (String size : System.getProperty("price.import.bench").split(",")) run(Integer.parseInt(size), rounds);
    }

    static void run(int n, int rounds) throws Exception {
        DynamoDbClient real = TestTables.client();
        RawCalls raw = new RawCalls(real);
        String tenant = Ids.next("t");
        Caller owner = new Caller("u_owner", "owner@bench", Role.OWNER, tenant, Set.of(), null);
        Map<String, byte[]> files = new ConcurrentHashMap<>();
        ImportFiles inMemory = new ImportFiles() {
            @Override public String uploadUrl(String key, long size, Duration valid) { return "memory:" + key; }
            @Override public byte[] read(String key, long max) { return files.get(key); }
        };
        CatalogServices services = services(raw.client(), inMemory);
        ImportService imports = services.imports();

        long s0 = System.nanoTime();
        List<String> gtins = seed(real, tenant, n);
        StringBuilder tenantWide = new StringBuilder("gtin,store,price\n");
        for (String g : gtins) tenantWide.append(g).append(",,9.00\n");
        CatalogImport first = importFile(imports, owner, files, tenantWide.toString());
        check(first, n, n, 0);
        System.out.printf(Locale.ROOT, "N = %d: %d products, a tenant-wide price each and %d receipt costs seeded in %d ms%n",
                n, n, (n + 1) / 2, ms(s0));

        DynamoDbClient floorDb = TestTables.fresh();
        copyProducts(real, floorDb, tenant);
        for (int round = 1; round <= rounds; round++) {
            long fen = 500 + round;
            StringBuilder csv = new StringBuilder("gtin,store,price\n");
            for (String g : gtins) csv.append(g).append(',').append(STORE).append(',').append(fen / 100).append('.')
                    .append(String.format(Locale.ROOT, "%02d", fen % 100)).append('\n');
            String text = csv.toString();
            raw.outside().clear();
            String load0 = load();
            long t0 = System.nanoTime();
            CatalogImport imp = importFile(imports, owner, files, text);
            long importMs = ms(t0);
            check(imp, n, n, 0);
            List<RawCalls.Call> calls = List.copyOf(raw.outside());
            raw.outside().clear();
            long a0 = System.nanoTime();
            CatalogImport again = importFile(imports, owner, files, text);
            long againMs = ms(a0);
            check(again, n, 0, n);

            long floorMs = floor(floorDb, tenant, gtins, calls);
            System.out.printf(Locale.ROOT, "N = %d round %d: import %d ms (%.2f ms a row), floor %d ms, import ÷ floor %.2f×; "
                            + "same file again %d ms; load %s → %s%n",
                    n, round, importMs, importMs / (double) n, floorMs, importMs / (double) floorMs, againMs, load0, load());
            System.out.printf(Locale.ROOT, "  the import's calls: %s%n", census(calls));
        }
    }

    /** The catalog's composition on {@code db}, every store known (the stores context is not here). */
    static CatalogServices services(DynamoDbClient db, ImportFiles files) {
        return CatalogServices.of(new DynamoProductRepository(db), new DynamoPriceRepository(db), new DynamoStockRepository(db),
                (t, s) -> true, new DynamoImportRepository(db), files, Clock.systemUTC());
    }

    /** Starts an import, "uploads" the file and runs it as the storage event would; the import as it ended. */
    static CatalogImport importFile(ImportService imports, Caller owner, Map<String, byte[]> files, String csv) {
        byte[] bytes = csv.getBytes(StandardCharsets.UTF_8);
        ImportService.Started s = imports.start(owner, CatalogImport.PRICES, "prices.csv", bytes.length);
        files.put(CatalogImport.objectKey(owner.tenantId(), s.imp().importId()), bytes);
        imports.run(owner.tenantId(), s.imp().importId());
        return imports.get(owner, s.imp().importId());
    }

    static void check(CatalogImport imp, int processed, int updated, int unchanged) {
        if (!CatalogImport.DONE.equals(imp.state()) || imp.processed() != processed || imp.updated() != updated
                || imp.unchanged() != unchanged || imp.refused() != 0) {
            throw new AssertionError("unexpected import: " + imp);
        }
    }

    /** N products (GTIN-14), and in the store a stock level with a receipt cost of ¥5.50 for every other one; untimed. */
    static List<String> seed(DynamoDbClient db, String tenant, int n) throws Exception {
        DynamoProductRepository products = new DynamoProductRepository(db);
        products.createCategory(tenant, new Category("cat_bench", "饮料", null, "2026-01-01"));
        List<String> gtins = new ArrayList<>();
        java.util.Random random = new java.util.Random(n);
        java.util.Set<String> seen = new java.util.HashSet<>();
        while (gtins.size() < n) {
            String body = String.format(Locale.ROOT, "69%010d", Math.floorMod(random.nextLong(), 10_000_000_000L));
            String g = "0" + body + check(body);
            if (seen.add(g)) gtins.add(g);
        }
        parallel(gtins.size(), i -> products.create(tenant, new Product(gtins.get(i), "饮料 " + i, null, "cat_bench", "瓶", "500ml", 180,
                Product.ACTIVE, null, null, "2026-01-01T00:00:00.000Z", "2026-01-01T00:00:00.000Z")));
        List<WriteRequest> levels = new ArrayList<>();
        for (int i = 0; i < n; i += 2) {
            Map<String, AttributeValue> item = new HashMap<>();
            item.put("pk", AttributeValue.fromS(Keys.stock(tenant, STORE)));
            item.put("sk", AttributeValue.fromS(gtins.get(i)));
            item.put("storeId", AttributeValue.fromS(STORE));
            item.put("onHand", AttributeValue.fromN("24"));
            item.put("reserved", AttributeValue.fromN("0"));
            item.put("available", AttributeValue.fromN("24"));
            item.put("lastCost", AttributeValue.fromN("550"));
            item.put("updatedAt", AttributeValue.fromS("2026-01-01T00:00:00.000Z"));
            item.put("v", AttributeValue.fromN("1"));
            levels.add(WriteRequest.builder().putRequest(PutRequest.builder().item(item).build()).build());
        }
        batchWrite(db, levels);
        return gtins;
    }

    /** The GS1 check digit of 12 digits (for GTIN-13). */
    static int check(String twelve) {
        int sum = 0;
        for (int i = 0; i < twelve.length(); i++) sum += (twelve.charAt(i) - '0') * (i % 2 == 0 ? 1 : 3);
        return (10 - sum % 10) % 10;
    }

    /** The tenant's product items, copied to the floor's stand-in so its reads answer what the import's read. */
    static void copyProducts(DynamoDbClient from, DynamoDbClient to, String tenant) throws Exception {
        List<WriteRequest> puts = new ArrayList<>();
        Map<String, AttributeValue> start = null;
        do {
            Map<String, AttributeValue> s = start;
            var r = from.query(b -> b.tableName(Env.tableName()).keyConditionExpression("pk = :pk")
                    .expressionAttributeValues(Map.of(":pk", AttributeValue.fromS(Keys.products(tenant)))).exclusiveStartKey(s));
            r.items().forEach(i -> puts.add(WriteRequest.builder().putRequest(PutRequest.builder().item(i).build()).build()));
            start = r.hasLastEvaluatedKey() && !r.lastEvaluatedKey().isEmpty() ? r.lastEvaluatedKey() : null;
        } while (start != null);
        batchWrite(to, puts);
    }

    /**
     * The floor: per 99 rows, one BatchGetItem of their products and the rows' written items (what the import put, in
     * its order) in TransactWriteItems of 99; the chunks on {@value #FLOOR_THREADS} threads. Each round's items are new
     * keys (new history and outbox items, a new version start), so the floor inserts as the import did.
     */
    static long floor(DynamoDbClient db, String tenant, List<String> gtins, List<RawCalls.Call> calls) throws Exception {
        List<TransactWriteItem> written = new ArrayList<>();
        for (RawCalls.Call c : calls) {
            if (c.request() instanceof TransactWriteItemsRequest t) written.addAll(t.transactItems());
        }
        if (written.size() != gtins.size() * 3) throw new AssertionError("expected 3 items a row, got " + written.size());
        int chunks = (gtins.size() + 98) / 99;
        long t0 = System.nanoTime();
        parallel(chunks, c -> {
            List<Map<String, AttributeValue>> keys = new ArrayList<>();
            for (int i = c * 99; i < Math.min(gtins.size(), c * 99 + 99); i++) {
                keys.add(Map.of("pk", AttributeValue.fromS(Keys.products(tenant)), "sk", AttributeValue.fromS(gtins.get(i))));
            }
            Map<String, KeysAndAttributes> ask = Map.of(Env.tableName(), KeysAndAttributes.builder().keys(keys).build());
            while (ask != null && !ask.isEmpty()) {
                var r = db.batchGetItem(BatchGetItemRequest.builder().requestItems(ask).build());
                ask = r.hasUnprocessedKeys() ? r.unprocessedKeys() : null;
            }
            List<TransactWriteItem> mine = written.subList(c * 297, Math.min(written.size(), c * 297 + 297));
            for (int from = 0; from < mine.size(); from += 99) {
                List<TransactWriteItem> tx = mine.subList(from, Math.min(mine.size(), from + 99));
                db.transactWriteItems(b -> b.transactItems(tx));
            }
        });
        return ms(t0);
    }

    /** How many calls of each kind, e.g. {@code Query 10000, TransactWriteItems 10000 (30000 items)}. */
    static String census(List<RawCalls.Call> calls) {
        Map<String, int[]> by = new TreeMap<>();
        for (RawCalls.Call c : calls) {
            int[] n = by.computeIfAbsent(c.method().getName(), k -> new int[2]);
            n[0]++;
            if (c.request() instanceof TransactWriteItemsRequest t) n[1] += t.transactItems().size();
        }
        StringBuilder s = new StringBuilder();
        by.forEach((k, v) -> s.append(s.length() == 0 ? "" : ", ").append(k).append(' ').append(v[0])
                .append(v[1] > 0 ? " (" + v[1] + " items)" : ""));
        return s.toString();
    }

    static void batchWrite(DynamoDbClient db, List<WriteRequest> all) throws Exception {
        parallel((all.size() + 24) / 25, c -> {
            Map<String, List<WriteRequest>> left = Map.of(Env.tableName(), all.subList(c * 25, Math.min(all.size(), c * 25 + 25)));
            while (left != null && !left.isEmpty()) {
                Map<String, List<WriteRequest>> now = left;
                left = db.batchWriteItem(b -> b.requestItems(now)).unprocessedItems();
            }
        });
    }

    interface Task {
        void run(int i) throws Exception;
    }

    /** Tasks 0..count-1 on {@value #FLOOR_THREADS} threads; the first failure is thrown. */
    static void parallel(int count, Task task) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(FLOOR_THREADS);
        try {
            List<Future<?>> done = new ArrayList<>();
            for (int i = 0; i < count; i++) {
                int k = i;
                done.add(pool.submit(() -> {
                    task.run(k);
                    return null;
                }));
            }
            for (Future<?> f : done) f.get();
        } finally {
            pool.shutdown();
        }
    }

    static long ms(long since) {
        return (System.nanoTime() - since) / 1_000_000;
    }

    /** The 1-minute load average, as /proc/loadavg says. */
    static String load() {
        try {
            return java.nio.file.Files.readString(java.nio.file.Path.of("/proc/loadavg")).split(" ")[0];
        } catch (java.io.IOException e) {
            return "?";
        }
    }
}
