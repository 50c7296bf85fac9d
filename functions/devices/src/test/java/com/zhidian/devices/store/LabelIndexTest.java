package com.zhidian.devices.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.zhidian.core.Env;
import com.zhidian.core.testing.TestTables;
import com.zhidian.devices.domain.Device;
import com.zhidian.devices.domain.Presence;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.core.interceptor.Context;
import software.amazon.awssdk.core.interceptor.ExecutionAttributes;
import software.amazon.awssdk.core.interceptor.ExecutionInterceptor;
import software.amazon.awssdk.http.apache.ApacheHttpClient;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.QueryRequest;

/**
 * gsi1 holds a tenant's bound labels sorted by product ({@link Keys#labels}): the labels of a slice of GTINs in one range
 * read, checked against one read a product over random fleets (products with no label, one, or many in several stores,
 * past the range read's cap); the Queries a slice of neighbours costs; and labels bound before the layout (one gsi1
 * partition a product) found and moved.
 */
class LabelIndexTest {
    private static final String[] STORES = {"st_a", "st_b", "st_c"};

    @ParameterizedTest
    @ValueSource(longs = {1, 2, 3, 4, 5})
    void aSlicesLabelsAreWhatEachProductsOwnReadFinds(long seed) {
        Random random = new Random(seed);
        DynamoDeviceRepository devices = new DynamoDeviceRepository(TestTables.client());
        String tenant = "t_idx" + System.nanoTime();
        List<String> gtins = gtins(random, 40);
        int n = 0;
        for (String g : gtins) {
            int labels = random.nextInt(4) == 0 ? 7 : random.nextInt(3);
            for (int k = 0; k < labels; k++) devices.add(tenant, label("dv" + n++, STORES[random.nextInt(STORES.length)], g, tenant));
        }
        // another tenant's labels of the same products never show
        String other = "t_idx_other" + System.nanoTime();
        for (String g : gtins) devices.add(other, label("dv_o" + g, "st_a", g, other));

        for (int round = 0; round < 4; round++) {
            Set<String> asked = new TreeSet<>();
            for (String g : gtins) if (random.nextInt(3) != 0) asked.add(g);
            Map<String, List<Device>> answer = devices.labelsOf(tenant, asked);
            int found = 0;
            for (String g : asked) {
                List<String> expected = ids(devices.labelsOf(tenant, null, g));
                assertEquals(expected, ids(answer.getOrDefault(g, List.of())), "product " + g);
                found += expected.size();
            }
            assertTrue(asked.containsAll(answer.keySet()), "only the products asked");
            assertTrue(found > 0, "the seed bound some labels to the products asked");
        }
        for (String g : gtins) {
            assertEquals(ids(devices.labelsOf(tenant, null, g).stream().filter(d -> d.storeId().equals("st_b")).toList()),
                    ids(devices.labelsOf(tenant, "st_b", g)), "one store's labels of " + g);
        }
    }

    @Test
    void aSliceOfNeighboursIsOneQuery() {
        AtomicInteger queries = new AtomicInteger();
        DynamoDeviceRepository devices = new DynamoDeviceRepository(counting(queries));
        String tenant = "t_idx" + System.nanoTime();
        List<String> gtins = gtins(new Random(9), 16);
        for (String g : gtins) devices.add(tenant, label("dv" + g, "st_a", g, tenant));
        queries.set(0);

        Map<String, List<Device>> answer = devices.labelsOf(tenant, Set.copyOf(gtins));

        assertEquals(16, answer.size());
        assertEquals(1, queries.get(), "one range read for 16 neighbours (it was one Query a product)");
    }

    @Test
    void labelsBoundBeforeTheLayoutAreFoundAndMoved() {
        DynamoDbClient db = TestTables.client();
        String tenant = "t_old" + System.nanoTime();
        List<String> gtins = gtins(new Random(10), 5);
        for (int i = 0; i < gtins.size(); i++) {
            // what add wrote before: gsi1 one partition a product, sk <store>#<device>
            Map<String, AttributeValue> item = new HashMap<>();
            item.put("pk", s(Keys.devices(tenant)));
            item.put("sk", s("dv" + i));
            item.put("storeId", s("st_a"));
            item.put("kind", s(Device.ESL));
            item.put("name", s("价签 " + i));
            item.put("thingName", s(Device.thingName(tenant, "dv" + i)));
            item.put("createdAt", s("2026-12-01T00:00:00Z"));
            item.put("gtin", s(gtins.get(i)));
            item.put("gsi1pk", s(Keys.oldLabelsOf(tenant, gtins.get(i))));
            item.put("gsi1sk", s("st_a#dv" + i));
            db.putItem(b -> b.tableName(Env.tableName()).item(item));
        }

        DynamoDeviceRepository devices = new DynamoDeviceRepository(db);
        Map<String, List<Device>> answer = devices.labelsOf(tenant, Set.copyOf(gtins));

        assertEquals(5, answer.size());
        for (int i = 0; i < gtins.size(); i++) {
            assertEquals(List.of("dv" + i), ids(answer.get(gtins.get(i))));
            String id = "dv" + i;
            Map<String, AttributeValue> now = db.getItem(b -> b.tableName(Env.tableName())
                    .key(Map.of("pk", s(Keys.devices(tenant)), "sk", s(id)))).item();
            assertEquals(Keys.labels(tenant), now.get("gsi1pk").s());
        }
        // a second repository (another function) finds them moved, and new binds sit beside them
        DynamoDeviceRepository later = new DynamoDeviceRepository(db);
        later.add(tenant, label("dv_new", "st_b", gtins.get(0), tenant));
        assertEquals(List.of("dv0", "dv_new"), ids(later.labelsOf(tenant, null, gtins.get(0))));
    }

    private static Device label(String id, String store, String gtin, String tenant) {
        return new Device(id, store, Device.ESL, "价签", gtin, Device.thingName(tenant, id), "2026-12-05T00:00:00Z", Presence.NEVER, Device.Push.NONE);
    }

    private static List<String> ids(List<Device> labels) {
        return labels.stream().map(Device::deviceId).sorted().toList();
    }

    private static List<String> gtins(Random random, int n) {
        TreeSet<String> gtins = new TreeSet<>();
        while (gtins.size() < n) gtins.add(String.format("069%011d", random.nextInt(1_000_000)));
        return new ArrayList<>(gtins);
    }

    private static AttributeValue s(String v) {
        return AttributeValue.fromS(v);
    }

    private static DynamoDbClient counting(AtomicInteger queries) {
        DynamoDbClient plain = TestTables.client();
        return DynamoDbClient.builder()
                .endpointOverride(plain.serviceClientConfiguration().endpointOverride().orElseThrow())
                .region(plain.serviceClientConfiguration().region())
                .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create("local", "local")))
                .httpClient(ApacheHttpClient.create())
                .overrideConfiguration(o -> o.addExecutionInterceptor(new ExecutionInterceptor() {
                    @Override
                    public void beforeExecution(Context.BeforeExecution c, ExecutionAttributes a) {
                        if (c.request() instanceof QueryRequest) queries.incrementAndGet();
                    }
                })).build();
    }
}
