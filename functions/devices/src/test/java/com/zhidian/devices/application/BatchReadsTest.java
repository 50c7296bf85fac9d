package com.zhidian.devices.application;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.zhidian.catalog.application.ShelfPrices;
import com.zhidian.catalog.domain.Category;
import com.zhidian.catalog.domain.PriceChange;
import com.zhidian.catalog.domain.PriceVersion;
import com.zhidian.catalog.domain.Product;
import com.zhidian.catalog.store.DynamoPriceRepository;
import static com.zhidian.catalog.store.DynamoPriceRepository.RANGE_ITEMS_A_PRODUCT;
import com.zhidian.catalog.store.DynamoProductRepository;
import com.zhidian.core.testing.TestTables;
import com.zhidian.devices.domain.Device;
import com.zhidian.devices.domain.LabelShadows;
import com.zhidian.devices.domain.Presence;
import com.zhidian.devices.store.DynamoDeviceRepository;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.core.interceptor.Context;
import software.amazon.awssdk.core.interceptor.ExecutionAttributes;
import software.amazon.awssdk.core.interceptor.ExecutionInterceptor;
import software.amazon.awssdk.http.apache.ApacheHttpClient;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.BatchGetItemResponse;
import software.amazon.awssdk.services.dynamodb.model.QueryResponse;

/**
 * A stream batch of price changes reads what its labels need (their products, their labels, those products' price
 * versions), not what the tenant holds: before, one range Query read every price version from the batch's lowest
 * to its highest GTIN and one Query read the tenant's whole device partition, so a batch of scattered GTINs grew
 * with the catalog and every import until it ran past the SDK's 5 s call timeout (bench/journal/esl.md). Against
 * the DynamoDB stand-in, counting the items every Query and BatchGetItem of the batch examined.
 */
class BatchReadsTest {
    private static final Instant NOW = Instant.parse("2026-12-04T12:00:00Z");
    private static final String STORE = "st_1";

    /** Items examined by Queries (ScannedCount: what a filter drops counts too) and returned by BatchGetItem; the Queries. */
    static final class ItemsRead implements ExecutionInterceptor {
        final AtomicLong items = new AtomicLong();
        final AtomicLong queries = new AtomicLong();

        @Override
        public void afterUnmarshalling(Context.AfterUnmarshalling c, ExecutionAttributes a) {
            if (c.response() instanceof QueryResponse q) {
                items.addAndGet(q.scannedCount());
                queries.incrementAndGet();
            }
            if (c.response() instanceof BatchGetItemResponse b) b.responses().values().forEach(l -> items.addAndGet(l.size()));
        }
    }

    /** A valid GTIN-14 (check digit: weights 3 and 1 from the right) for product {@code i}. */
    private static String gtin14(int i) {
        String body = String.format("0690000000%03d", i);
        int sum = 0;
        for (int k = 0; k < body.length(); k++) sum += (body.charAt(body.length() - 1 - k) - '0') * (k % 2 == 0 ? 3 : 1);
        return body + (10 - sum % 10) % 10;
    }

    @Test
    void aBatchOfScatteredProductsReadsItsOwnLabelsAndVersions_notTheTenantsHistory() {
        // 120 products with 12 versions and a label each; the batch every sixth, spread from the first GTIN to the last
        Run run = run(120, 12, 6);
        // what those labels need: their labels, their products, their products' versions; beyond that, each slice's two
        // range reads may read up to their caps before the rest are read one product at a time. The other products'
        // versions and labels stay unread.
        long needed = run.changed * (1L + 1 + run.history);
        long caps = (long) run.changed * (com.zhidian.devices.store.DynamoDeviceRepository.RANGE_LABELS_A_PRODUCT + RANGE_ITEMS_A_PRODUCT);
        assertTrue(run.read.items.get() <= needed + caps, "items read " + run.read.items.get() + ", the batch's labels need " + needed
                + " and the range reads' caps are " + caps + "; the tenant holds " + run.n * (1L + 1 + run.history));
    }

    /** A slice of neighbours (a bulk change's GTINs come sorted): one Query of its labels and one of its versions. */
    @Test
    void aSliceOfNeighboursIsTwoQueries() {
        Run run = run(LabelService.READ_SLICE, 3, 1);
        assertEquals(2, run.read.queries.get(), "one range read of the labels, one of the versions (it was two a product)");
    }

    private record Run(int n, int history, int changed, ItemsRead read) {}

    /** n products with a label each and {@code history} versions; every {@code every}th and the last one's price changed. */
    private Run run(int n, int history, int every) {
        DynamoDbClient plain = TestTables.client();
        ItemsRead read = new ItemsRead();
        DynamoDbClient counted = DynamoDbClient.builder()
                .endpointOverride(plain.serviceClientConfiguration().endpointOverride().orElseThrow())
                .region(plain.serviceClientConfiguration().region())
                .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create("local", "local")))
                .httpClient(ApacheHttpClient.create())
                .overrideConfiguration(o -> o.addExecutionInterceptor(read)).build();
        String tenant = "t_reads" + System.nanoTime();
        DynamoProductRepository products = new DynamoProductRepository(plain);
        DynamoPriceRepository prices = new DynamoPriceRepository(plain);
        DynamoDeviceRepository devices = new DynamoDeviceRepository(plain);
        products.createCategory(tenant, new Category("cat_1", "饮料", null, "2026-01-01"));

        List<String> gtins = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            String g = gtin14(i);
            gtins.add(g);
            products.create(tenant, new Product(g, "饮料 " + i, null, "cat_1", "瓶", "500ml", null, Product.ACTIVE, null, null, "2026", "2026"));
            for (int v = 0; v < history; v++) {
                Instant at = NOW.minusSeconds(3600L * (history - v));
                prices.save(tenant, new PriceVersion(g, null, at, 100 + v, null, null, null, "u_1", at),
                        new PriceChange("pc" + i + "_" + v, g, null, at.toString(), null, 100 + v, null, null, null, null, false, "u_1", at.toString()));
            }
            devices.add(tenant, new Device("dv" + i, STORE, Device.ESL, "价签 " + i, g, Device.thingName(tenant, "dv" + i), "2026",
                    Presence.NEVER, Device.Push.NONE));
        }
        // the batch: products spread from the first GTIN to the last (as a stream batch of a bulk change may be)
        List<LabelService.PriceChange> batch = new ArrayList<>();
        List<String> changed = new ArrayList<>();
        for (int i = 0; i < n - 1; i += every) {
            batch.add(new LabelService.PriceChange(tenant, STORE, gtins.get(i)));
            changed.add(gtins.get(i));
        }
        batch.add(new LabelService.PriceChange(tenant, STORE, gtins.get(n - 1)));
        changed.add(gtins.get(n - 1));

        Map<String, Map<String, Object>> desired = new ConcurrentHashMap<>();
        LabelShadows shadows = new LabelShadows() {
            @Override
            public void desire(String thingName, Map<String, Object> fields) {
                desired.put(thingName, fields);
            }

            @Override
            public State get(String thingName) {
                return State.NONE;
            }
        };
        LabelService labels = new LabelService(new DynamoDeviceRepository(counted), (t, s) -> true, (t, g) -> true,
                new CatalogShelfPrices(new ShelfPrices(new DynamoProductRepository(counted), new DynamoPriceRepository(counted))),
                shadows, Clock.fixed(NOW, ZoneOffset.UTC), new ParallelPushes(4));
        read.items.set(0);
        read.queries.set(0);

        assertEquals(changed.size(), labels.pricesChanged(batch));

        // every label of the batch got its product's price in force (the newest version), and no other label
        assertEquals(changed.size(), desired.size());
        for (String g : changed) {
            String thing = Device.thingName(tenant, "dv" + gtins.indexOf(g));
            assertEquals(100L + history - 1, ((Number) desired.get(thing).get("price")).longValue(), thing);
        }
        return new Run(n, history, changed.size(), read);
    }
}
