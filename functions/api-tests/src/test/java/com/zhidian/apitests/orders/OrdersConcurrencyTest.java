package com.zhidian.apitests.orders;

import static com.zhidian.apitests.orders.Shop.key;
import static com.zhidian.apitests.orders.Shop.line;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.zhidian.apitests.support.Api;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;

/** Many cashiers and customers at once against a little stock: no oversell, no gap in the numbers. */
class OrdersConcurrencyTest {
    static final Shop S = new Shop();
    static final int ORDERS = 1000;
    static final int THREADS = 16;

    @Test
    void aThousandConcurrentOrders_againstTenUnits_endWithTenOrders_stockZero_andNumbersWithoutGaps() throws Exception {
        String g = S.product(990, 10);
        Api cashier = S.cashier();
        ExecutorService pool = Executors.newFixedThreadPool(THREADS);
        List<Future<Api.Res>> results = new ArrayList<>();
        try {
            for (int i = 0; i < ORDERS; i++) results.add(pool.submit(() -> cashier.post("/orders", S.posOrder(line(g, 1)), key())));
            List<JsonNode> placed = new ArrayList<>();
            for (Future<Api.Res> f : results) {
                Api.Res r = f.get();
                if (r.status() == 201) placed.add(r.json());
                else assertTrue(r.status() == 422 && r.text().contains("stock.insufficient"), r::toString);
            }
            assertEquals(10, placed.size());
            Set<Integer> seq = new HashSet<>();
            for (JsonNode o : placed) seq.add(Integer.parseInt(o.get("number").asText().substring(o.get("number").asText().lastIndexOf('-') + 1)));
            int min = seq.stream().min(Integer::compare).orElseThrow();
            for (int i = 0; i < 10; i++) assertTrue(seq.contains(min + i), "numbers without gaps: " + seq);
            JsonNode level = S.stock(g);
            assertEquals(0, level.get("available").asLong());
            assertEquals(10, level.get("reserved").asLong());
            List<Future<Api.Res>> pays = new ArrayList<>();
            for (JsonNode o : placed) {
                pays.add(pool.submit(() -> cashier.post("/orders/" + o.get("orderId").asText() + "/payments",
                        com.zhidian.apitests.support.Api.map("method", "cash", "tendered", 1000), key())));
            }
            for (Future<Api.Res> f : pays) assertEquals(200, f.get().status());
            level = S.stock(g);
            assertEquals(0, level.get("onHand").asLong());
            assertEquals(0, level.get("reserved").asLong());
        } finally {
            pool.shutdownNow();
        }
    }
}
