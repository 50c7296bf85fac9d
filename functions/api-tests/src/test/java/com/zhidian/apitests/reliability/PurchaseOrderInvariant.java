package com.zhidian.apitests.reliability;

import static com.zhidian.apitests.support.Api.map;
import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.JsonNode;
import com.zhidian.apitests.catalog.Catalog;
import com.zhidian.apitests.purchasing.Purchasing;
import com.zhidian.apitests.support.Api;
import com.zhidian.apitests.support.Fixtures;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Receipts against a few sent purchase orders of one product, concurrently, some closing the order short: a line
 * never receives more than was ordered, what the order says was received equals the successful receipts, and the
 * store's stock went up by exactly that.
 */
final class PurchaseOrderInvariant implements InvariantsTest.Invariant {
    @Override
    public List<String> needs() {
        return List.of("POST /suppliers", "POST /purchase-orders", "POST /purchase-orders/{purchaseOrderId}/send",
                "POST /purchase-orders/{purchaseOrderId}/receipts", "GET /purchase-orders/{purchaseOrderId}");
    }

    @Override
    public List<String> run(long seed) throws Exception {
        Fixtures.TenantFixture t = Fixtures.newTenant("premium", 1);
        String store = t.storeIds().get(0);
        String gtin = Catalog.product(t.owner(), Catalog.category(t.owner(), "不变量"), "不变量矿泉水");
        String sup = Purchasing.supplier(t.owner(), "不变量供应商", List.of(Purchasing.item(gtin, 2, 1, 0, 100)));
        List<String> orders = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            String id = Purchasing.ok(t.owner().post("/purchase-orders", map("supplierId", sup, "storeId", store,
                    "lines", List.of(map("gtin", gtin, "quantity", 40)))), 201).get("purchaseOrderId").asText();
            Purchasing.ok(t.owner().post("/purchase-orders/" + id + "/send", map("via", "csv")), 200);
            orders.add(id);
        }
        Api staff = t.staff(store);
        Map<String, AtomicLong> received = new ConcurrentHashMap<>();
        Map<String, AtomicLong> receipts = new ConcurrentHashMap<>();
        orders.forEach(o -> { received.put(o, new AtomicLong()); receipts.put(o, new AtomicLong()); });
        List<String> violations = Collections.synchronizedList(new ArrayList<>());
        ExecutorService pool = Executors.newFixedThreadPool(InvariantsTest.THREADS);
        List<Future<?>> futures = new ArrayList<>();
        int perThread = InvariantsTest.OPS_PER_THREAD / 4;
        for (int th = 0; th < InvariantsTest.THREADS; th++) {
            Random r = new Random(seed * 1_000_003L + th);
            futures.add(pool.submit(() -> {
                for (int k = 0; k < perThread; k++) {
                    String o = orders.get(r.nextInt(orders.size()));
                    long q = r.nextInt(8);
                    boolean closes = r.nextInt(20) == 0;
                    Api who = r.nextBoolean() ? staff : t.owner();
                    Api.Res res = who.post("/purchase-orders/" + o + "/receipts", map("lines", List.of(map("gtin", gtin, "quantity", q)),
                            "closes", closes), UUID.randomUUID().toString());
                    if (res.status() == 201) {
                        received.get(o).addAndGet(q);
                        receipts.get(o).incrementAndGet();
                    } else if (res.status() != 409 && res.status() != 422) {
                        violations.add("unexpected answer " + res);
                    }
                }
                return null;
            }));
        }
        for (Future<?> f : futures) f.get();
        pool.shutdown();
        long total = 0;
        for (String o : orders) {
            JsonNode po = t.owner().get("/purchase-orders/" + o).json();
            JsonNode line = po.get("lines").get(0);
            long got = line.get("received").asLong();
            total += got;
            if (got > 40) violations.add(o + ": received " + got + " of 40 ordered");
            if (got != received.get(o).get()) violations.add(o + ": the order says " + got + ", the successful receipts add up to " + received.get(o));
            if (po.get("receipts").size() != receipts.get(o).get()) {
                violations.add(o + ": " + po.get("receipts").size() + " receipts recorded for " + receipts.get(o) + " successful calls");
            }
            String status = po.get("status").asText();
            boolean closed = false;
            for (JsonNode rc : po.get("receipts")) closed |= rc.get("closes").asBoolean();
            String expected = got == 40 || closed ? "received" : got > 0 || po.get("receipts").size() > 0 ? "partially_received" : "sent";
            if (!status.equals(expected)) violations.add(o + ": status " + status + ", expected " + expected);
        }
        Api.Res level = t.owner().get("/stores/" + store + "/stock/" + gtin);
        long onHand = level.status() == 200 ? level.json().get("onHand").asLong() : 0;
        if (onHand != total) violations.add("stock on hand " + onHand + " but the orders received " + total);
        assertEquals(true, receipts.values().stream().mapToLong(AtomicLong::get).sum() > 0, "the load received something");
        return violations;
    }
}
