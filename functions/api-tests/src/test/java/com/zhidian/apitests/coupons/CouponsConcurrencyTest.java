package com.zhidian.apitests.coupons;

import static com.zhidian.apitests.support.Api.map;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.zhidian.apitests.support.Api;
import com.zhidian.apitests.support.Fixtures;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** Over HTTP, many clients at once: a code is used once, and the stock and the per-member limit hold exactly. */
class CouponsConcurrencyTest {
    static final Fixtures.TenantFixture T = Fixtures.newTenant("premium", 1);

    @Test
    @Timeout(value = 120, unit = TimeUnit.SECONDS)
    void twoHundredConcurrentRedeems_ofOneCode_endWithExactlyOneSuccess() throws Exception {
        String id = Coupons.template(T, Coupons.amountOff(500, 0, 10, 1));
        String code = Coupons.claim(Coupons.customer(T), id).get("code").asText();
        Api cashier = T.staff(T.storeIds().get(0));
        Map<Integer, Integer> statuses = new ConcurrentHashMap<>();
        List<Callable<Void>> tasks = new ArrayList<>();
        for (int i = 0; i < 200; i++) {
            String order = "or_" + i;
            tasks.add(() -> {
                int s = cashier.post("/coupons/redeem", map("code", code, "storeId", T.storeIds().get(0), "orderId", order), Coupons.key()).status();
                statuses.merge(s, 1, Integer::sum);
                return null;
            });
        }
        run(tasks, 64);
        assertEquals(Map.of(200, 1, 409, 199), statuses);
        assertEquals(1, T.owner().get("/coupon-templates/" + id).json().at("/counts/redeemed").asInt());
    }

    @Test
    @Timeout(value = 180, unit = TimeUnit.SECONDS)
    void fiveHundredConcurrentClaims_ofAStockOf100_endWithExactly100_andNoMemberOverItsLimit() throws Exception {
        String id = Coupons.template(T, Coupons.amountOff(500, 0, 100, 3));
        List<Api> customers = new ArrayList<>();
        for (int i = 0; i < 50; i++) customers.add(Coupons.customer(T));
        Map<Integer, Integer> statuses = new ConcurrentHashMap<>();
        List<Callable<Void>> tasks = new ArrayList<>();
        for (int i = 0; i < 500; i++) {
            Api me = customers.get(i % customers.size());
            tasks.add(() -> {
                int s = me.post("/me/coupons", map("templateId", id), Coupons.key()).status();
                statuses.merge(s, 1, Integer::sum);
                return null;
            });
        }
        run(tasks, 64);
        assertEquals(100, statuses.getOrDefault(201, 0), statuses::toString);
        assertEquals(400, statuses.getOrDefault(422, 0), statuses::toString);
        int total = 0;
        for (Api me : customers) {
            int n = me.get("/me/coupons").json().get("items").size();
            assertTrue(n <= 3, "a member holds " + n);
            total += n;
        }
        assertEquals(100, total);
        JsonNode counts = T.owner().get("/coupon-templates/" + id).json().get("counts");
        assertEquals(100, counts.get("claimed").asInt());
        assertEquals(0, counts.get("remaining").asInt());
    }

    private static void run(List<Callable<Void>> tasks, int threads) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        try {
            for (Future<Void> f : pool.invokeAll(tasks)) f.get();
        } finally {
            pool.shutdown();
        }
    }
}
