package com.zhidian.apitests.catalog;

import static com.zhidian.apitests.support.Api.map;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.zhidian.apitests.support.Api;
import com.zhidian.apitests.support.Fixtures;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/**
 * Receipts and adjustments are claimed routes: with an Idempotency-Key, the movement, the key's answer and the audit
 * entry go out in one TransactWriteItems. A copy replays; a decrease that another request got to first is still
 * 422 stock.insufficient (never a 500), and stock never goes below zero.
 */
class StockClaimedApiTest {
    private static final Fixtures.TenantFixture T = Fixtures.newTenant("premium", 1);

    @Test
    void aReceiptSentTwiceWithOneKey_movesStockOnce_andReplaysTheAnswer() {
        String store = T.storeIds().get(0);
        String gtin = Catalog.product(T.owner(), Catalog.category(T.owner(), "饮料"), "矿泉水");
        String key = UUID.randomUUID().toString();
        Object body = map("quantity", 12, "cost", 100, "reference", "DN-7");
        Api.Res first = T.owner().post("/stores/" + store + "/stock/" + gtin + "/receipts", body, key);
        assertEquals(201, first.status(), first::toString);
        Api.Res again = T.owner().post("/stores/" + store + "/stock/" + gtin + "/receipts", body, key);
        assertEquals(201, again.status(), again::toString);
        assertEquals(first.json().get("movementId").asText(), again.json().get("movementId").asText(), "the same answer, replayed");
        assertEquals(12, T.owner().get("/stores/" + store + "/stock/" + gtin).json().get("onHand").asLong());
        assertEquals(1, T.owner().get("/stores/" + store + "/stock/" + gtin + "/movements").json().get("items").size());
        Api.Res other = T.owner().post("/stores/" + store + "/stock/" + gtin + "/receipts", map("quantity", 13, "cost", 100, "reference", "DN-7"), key);
        assertEquals(422, other.status(), "another body under the key");
    }

    @Test
    void aKeyedMillionIsReceived_andKeyedDecreasesTakeFromIt() {
        String store = T.storeIds().get(0);
        String gtin = Catalog.product(T.owner(), Catalog.category(T.owner(), "水"), "矿泉水");
        Api.Res r = T.owner().post("/stores/" + store + "/stock/" + gtin.substring(1) + "/receipts",
                map("quantity", 1_000_000, "cost", 120, "reference", "BENCH"), UUID.randomUUID().toString());
        assertEquals(201, r.status(), r::toString);
        assertEquals(1_000_000, T.owner().get("/stores/" + store + "/stock/" + gtin).json().get("onHand").asLong());
        for (int i = 0; i < 3; i++) {
            Api.Res a = T.owner().post("/stores/" + store + "/stock/" + gtin + "/adjustments", map("delta", -1, "reason", "sample"), UUID.randomUUID().toString());
            assertEquals(201, a.status(), a::toString);
        }
        assertEquals(999_997, T.owner().get("/stores/" + store + "/stock/" + gtin).json().get("available").asLong());
    }

    @Test
    void concurrentKeyedDecreases_withStockEnough_allSucceed() throws Exception {
        String store = T.storeIds().get(0);
        String gtin = Catalog.product(T.owner(), Catalog.category(T.owner(), "水"), "苏打水");
        assertEquals(201, T.owner().post("/stores/" + store + "/stock/" + gtin + "/receipts", map("quantity", 1000, "cost", 50, "reference", "DN-9"),
                UUID.randomUUID().toString()).status());
        ExecutorService pool = Executors.newFixedThreadPool(16);
        Map<String, AtomicInteger> statuses = new ConcurrentHashMap<>();
        List<Future<?>> all = new ArrayList<>();
        for (int i = 0; i < 200; i++) {
            all.add(pool.submit(() -> {
                Api.Res r = T.owner().post("/stores/" + store + "/stock/" + gtin + "/adjustments", map("delta", -1, "reason", "damage"),
                        UUID.randomUUID().toString());
                statuses.computeIfAbsent(r.status() + (r.status() == 201 ? "" : " " + r.text()), k -> new AtomicInteger()).incrementAndGet();
            }));
        }
        for (Future<?> f : all) f.get();
        pool.shutdown();
        assertEquals(Map.of("201", 200), statuses.entrySet().stream().collect(java.util.stream.Collectors.toMap(Map.Entry::getKey, e -> e.getValue().get())));
        assertEquals(800, T.owner().get("/stores/" + store + "/stock/" + gtin).json().get("onHand").asLong());
    }

    @Test
    void concurrentKeyedDecreases_takeExactlyWhatIsThere_theRestAre422() throws Exception {
        String store = T.storeIds().get(0);
        String gtin = Catalog.product(T.owner(), Catalog.category(T.owner(), "零食"), "薯片");
        assertEquals(201, T.owner().post("/stores/" + store + "/stock/" + gtin + "/receipts", map("quantity", 10, "cost", 50, "reference", "DN-8")).status());
        ExecutorService pool = Executors.newFixedThreadPool(8);
        Map<Integer, AtomicInteger> statuses = new ConcurrentHashMap<>();
        List<Future<?>> all = new ArrayList<>();
        for (int i = 0; i < 24; i++) {
            all.add(pool.submit(() -> {
                Api.Res r = T.owner().post("/stores/" + store + "/stock/" + gtin + "/adjustments", map("delta", -1, "reason", "damage"),
                        UUID.randomUUID().toString());
                statuses.computeIfAbsent(r.status(), k -> new AtomicInteger()).incrementAndGet();
                if (r.status() == 422) assertEquals("stock.insufficient", r.json().get("code").asText(), r::toString);
            }));
        }
        for (Future<?> f : all) f.get();
        pool.shutdown();
        assertEquals(10, statuses.getOrDefault(201, new AtomicInteger()).get(), statuses::toString);
        assertEquals(14, statuses.getOrDefault(422, new AtomicInteger()).get(), statuses::toString);
        assertEquals(0, T.owner().get("/stores/" + store + "/stock/" + gtin).json().get("onHand").asLong());
        assertTrue(statuses.keySet().stream().allMatch(s -> s == 201 || s == 422), statuses::toString);
    }
}
