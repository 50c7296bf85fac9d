package com.zhidian.catalog.application;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.zhidian.catalog.domain.CatalogImport;
import com.zhidian.catalog.domain.Category;
import com.zhidian.catalog.domain.ImportFiles;
import com.zhidian.catalog.domain.PriceChange;
import com.zhidian.catalog.domain.Product;
import com.zhidian.catalog.domain.RowIssue;
import com.zhidian.catalog.store.DynamoImportRepository;
import com.zhidian.catalog.store.DynamoPriceRepository;
import com.zhidian.catalog.store.DynamoProductRepository;
import com.zhidian.catalog.store.DynamoStockRepository;
import com.zhidian.catalog.store.Keys;
import com.zhidian.core.Env;
import com.zhidian.core.Ids;
import com.zhidian.core.auth.Caller;
import com.zhidian.core.auth.Role;
import com.zhidian.core.testing.TestTables;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.DynamoDbException;
import software.amazon.awssdk.services.dynamodb.model.TransactWriteItemsRequest;

/**
 * The price import's rules kept by its batched path (chunks of 99 rows sorted by GTIN, applied four at a time, 33 rows
 * to a transaction), on the DynamoDB stand-in: rows of one GTIN far apart in the file, a group that fails, receipt
 * costs, scheduled versions.
 */
class PriceImportTest {
    private static final DynamoDbClient DB = TestTables.client();
    private final String tenant = Ids.next("t");
    private final Caller owner = new Caller("u_owner", "owner@x", Role.OWNER, tenant, Set.of(), null);
    private final Map<String, byte[]> files = new HashMap<>();
    private final Fixture f = Fixture.on(DB, tenant, Clock.systemUTC());

    private CatalogServices services(DynamoDbClient db) {
        ImportFiles inMemory = new ImportFiles() {
            @Override public String uploadUrl(String key, long size, Duration valid) { return "memory:" + key; }
            @Override public byte[] read(String key, long max) { return files.get(key); }
        };
        return CatalogServices.of(new DynamoProductRepository(db), new DynamoPriceRepository(db), new DynamoStockRepository(db),
                (t, s) -> s.startsWith("st_"), new DynamoImportRepository(db), inMemory, Clock.systemUTC());
    }

    private CatalogImport importFile(DynamoDbClient db, String csv) {
        ImportService imports = services(db).imports();
        byte[] bytes = csv.getBytes(StandardCharsets.UTF_8);
        ImportService.Started s = imports.start(owner, CatalogImport.PRICES, "prices.csv", bytes.length);
        files.put(CatalogImport.objectKey(tenant, s.imp().importId()), bytes);
        imports.run(tenant, s.imp().importId());
        return imports.get(owner, s.imp().importId());
    }

    private List<String> products(int n) {
        f.products.createCategory(tenant, new Category("cat_1", "c", null, "2026-01-01"));
        List<String> gtins = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            gtins.add(gtin14(i));
            f.products.create(tenant, new Product(gtin14(i), "p" + i, null, "cat_1", "瓶", null, null, Product.ACTIVE, null, null, "2026", "2026"));
        }
        return gtins;
    }

    /** Scattered GTINs (so the file's order is not the sorted one), valid check digits. */
    private static String gtin14(int i) {
        String body = String.format("0690%09d", (i * 7919L) % 1_000_000_000L);
        int sum = 0;
        for (int k = 0; k < 13; k++) sum += (body.charAt(k) - '0') * (k % 2 == 0 ? 3 : 1);
        return body + (10 - sum % 10) % 10;
    }

    private long count(String pk) {
        return items(pk).size();
    }

    private List<Map<String, AttributeValue>> items(String pk) {
        List<Map<String, AttributeValue>> out = new ArrayList<>();
        Map<String, AttributeValue> start = null;
        do {
            Map<String, AttributeValue> from = start;
            var r = DB.query(b -> b.tableName(Env.tableName()).keyConditionExpression("pk = :pk")
                    .expressionAttributeValues(Map.of(":pk", AttributeValue.fromS(pk))).exclusiveStartKey(from));
            out.addAll(r.items());
            start = r.hasLastEvaluatedKey() && !r.lastEvaluatedKey().isEmpty() ? r.lastEvaluatedKey() : null;
        } while (start != null);
        return out;
    }

    /** The GTINs of the items of a partition (their {@code gtin} attribute), each once. */
    private Set<String> gtinsIn(String pk) {
        Set<String> out = new HashSet<>();
        for (Map<String, AttributeValue> i : items(pk)) assertTrue(out.add(i.get("gtin").s()), "one item per product: " + i);
        return out;
    }

    private List<PriceChange> history(String gtin) {
        return f.services.prices().history(owner, gtin, 100, null).items();
    }

    @Test
    void rowsOfOneGtin_farApartInTheFile_areEachApplied_onceAndWhole_andTheFileAgainChangesNothing() {
        List<String> gtins = products(250);
        String first = gtins.get(0);
        StringBuilder csv = new StringBuilder("gtin,store,price\n");
        csv.append(first).append(",,2.00\n");                                             // row 2
        for (String g : gtins.subList(1, gtins.size())) csv.append(g).append(",,3.00\n");  // rows 3..251
        csv.append(first).append(",st_a,1.80\n");                                         // row 252: the same GTIN, one store
        csv.append(first.substring(1)).append(",st_a,1.10\n");                            // row 253: its GTIN-13, the same store
        CatalogImport imp = importFile(DB, csv.toString());

        assertEquals(CatalogImport.DONE, imp.state(), imp::toString);
        assertEquals(252, imp.processed());
        assertEquals(251, imp.updated());
        assertEquals(1, imp.refused());
        RowIssue dup = services(DB).imports().issues(owner, imp.importId(), 10, null).items().get(0);
        assertEquals(253, dup.row());
        assertEquals("import.row.duplicate", dup.code());
        assertEquals("252", dup.facts().get("firstRow"));
        assertEquals(200, f.services.prices().tenantInForce(owner, first, null).price());
        assertEquals(180, f.services.prices().inForce(owner, "st_a", first, null).price(), "the first of the two store rows applies");
        assertEquals(300, f.services.prices().inForce(owner, "st_a", gtins.get(249), null).price(), "the store follows the tenant");
        assertEquals(2, history(first).size());
        assertEquals(251, count(Keys.priceOutbox(tenant)), "one notice per saved row");
        assertEquals(251, count(Keys.prices(tenant)));

        CatalogImport again = importFile(DB, csv.toString());
        assertEquals(0, again.updated(), again::toString);
        assertEquals(251, again.unchanged());
        assertEquals(251, count(Keys.priceOutbox(tenant)), "nothing written the second time");
        assertEquals(2, history(first).size());
    }

    @Test
    void aGroupThatFails_writesNoneOfItsRows_theRowsWrittenStayWhole_andTheFileAgainFinishesTheRest() {
        List<String> gtins = products(396);  // four chunks of 99, all four running when the fifth transaction fails
        StringBuilder csv = new StringBuilder("gtin,store,price\n");
        for (String g : gtins) csv.append(g).append(",st_a,4.00\n");
        // DynamoDB refuses the fifth transaction of the run (the second group of the second chunk to write)
        AtomicInteger transactions = new AtomicInteger();
        DynamoDbClient failing = (DynamoDbClient) Proxy.newProxyInstance(DynamoDbClient.class.getClassLoader(), new Class<?>[] {DynamoDbClient.class},
                (proxy, m, args) -> {
                    if (args != null && args.length == 1 && args[0] instanceof TransactWriteItemsRequest && transactions.incrementAndGet() == 5) {
                        throw DynamoDbException.builder().message("injected: service unavailable").statusCode(503).build();
                    }
                    // a builder overload runs on the proxy, so the request it builds comes back through here
                    if (m.isDefault() && args != null && args.length == 1 && args[0] instanceof java.util.function.Consumer) {
                        return java.lang.reflect.InvocationHandler.invokeDefault(proxy, m, args);
                    }
                    try {
                        return m.invoke(DB, args);
                    } catch (InvocationTargetException e) {
                        throw e.getCause();
                    }
                });
        CatalogImport failed;
        try {
            failed = importFile(failing, csv.toString());
            throw new AssertionError("the import should have thrown: " + failed);
        } catch (DynamoDbException expected) {
            failed = services(DB).imports().get(owner, files.keySet().stream().findFirst().map(k -> k.replaceAll(".*/(imp_[0-9a-z]+)\\.csv", "$1")).orElseThrow());
        }
        assertEquals(CatalogImport.FAILED, failed.state());
        assertEquals("import.interrupted", failed.failure());

        // every row either whole (version, history entry, notice) or not written at all
        Set<String> written = gtinsIn(Keys.prices(tenant));
        assertEquals(written, gtinsIn(Keys.priceOutbox(tenant)), "a notice for every version, none without one");
        Set<String> withHistory = new HashSet<>();
        for (String g : gtins) if (!history(g).isEmpty()) withHistory.add(g);
        assertEquals(written, withHistory, "a history entry for every version, none without one");
        assertTrue(written.size() % 33 == 0 && written.size() < 396, "whole groups of 33 rows, not all: " + written.size());
        assertEquals(failed.updated(), failed.processed(), "progress counts the chunks that were written whole");
        assertTrue(failed.processed() <= written.size());

        CatalogImport again = importFile(DB, csv.toString());
        assertEquals(CatalogImport.DONE, again.state(), again::toString);
        assertEquals(written.size(), again.unchanged());
        assertEquals(396 - written.size(), again.updated());
        assertEquals(396, gtinsIn(Keys.prices(tenant)).size());
        assertEquals(396, gtinsIn(Keys.priceOutbox(tenant)).size());
        for (String g : gtins) assertEquals(1, history(g).size());
    }

    @Test
    void belowCost_isTheStoresLastReceiptCost_elseTheProducts() {
        List<String> gtins = products(3);
        String a = gtins.get(0), b = gtins.get(1), c = gtins.get(2);
        f.services.stock().receive(owner, "st_a", a, 10, 300L, "DN1", null);
        f.services.stock().receive(owner, "st_b", b, 10, 400L, "DN2", null);
        String csv = "gtin,store,price\n" + a + ",st_a,2.50\n" + a + ",st_b,3.50\n" + b + ",st_a,3.50\n" + c + ",st_a,1.00\n" + a + ",,9.00\n";
        CatalogImport imp = importFile(DB, csv);
        assertEquals(5, imp.updated(), imp::toString);
        Map<String, Boolean> below = new HashMap<>();
        for (String g : gtins) for (PriceChange ch : history(g)) below.put(g + "@" + ch.storeId(), ch.belowCost());
        assertTrue(below.get(a + "@st_a"), "2.50 under st_a's receipt at 3.00");
        assertFalse(below.get(a + "@st_b"), "3.50 over the product's last receipt cost, 3.00 (st_b has none of a)");
        assertTrue(below.get(b + "@st_a"), "3.50 under b's last receipt cost, 4.00, when st_a has none");
        assertFalse(below.get(c + "@st_a"), "no cost known");
        assertFalse(below.get(a + "@null"));
    }

    @Test
    void aScheduledVersion_staysAhead_andTheImportFollowsTheOneInForce() {
        String g = products(1).get(0);
        f.services.prices().setForStore(owner, "st_a", g, new PriceService.Input(500, null, null, null, null));
        Instant tomorrow = Instant.now().plus(Duration.ofDays(1));
        f.services.prices().setForStore(owner, "st_a", g, new PriceService.Input(700, null, null, null, tomorrow));

        CatalogImport same = importFile(DB, "gtin,store,price\n" + g + ",st_a,5.00\n");
        assertEquals(1, same.unchanged(), "5.00 is what is in force: the scheduled 7.00 is not followed yet");
        CatalogImport changed = importFile(DB, "gtin,store,price\n" + g + ",st_a,6.00\n");
        assertEquals(1, changed.updated());
        PriceChange latest = history(g).get(0);
        assertEquals(500L, latest.oldPrice());
        assertEquals(600, latest.newPrice());
        assertEquals(600, f.services.prices().inForce(owner, "st_a", g, null).price());
        assertEquals(700, f.services.prices().inForce(owner, "st_a", g, tomorrow.plusSeconds(1)).price(), "the scheduled price still comes");
    }
}
