package com.zhidian.apitests.reliability;

import static com.zhidian.apitests.support.Api.map;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.zhidian.apitests.security.SpecOps;
import com.zhidian.apitests.support.Api;
import com.zhidian.apitests.support.Fixtures;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.Supplier;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

/**
 * Every POST that moves money, points, coupons or stock, sent 20 times at once with one Idempotency-Key:
 * one effect, and 20 identical answers. One line per operation in {@link #STORMS}; a line is skipped until its
 * operation is in docs/openapi.yaml, and a POST of the spec that looks like it moves value but has no line fails
 * {@link #everyValueMovingPost_hasAStormLine()}.
 */
class IdempotencyStormTest {
    static final int COPIES = 20;

    /** What one storm needs: who calls, where, with what, and the measures that must move by exactly {@code delta} once. */
    record Prepared(Api caller, String path, Object body, Supplier<long[]> measure, long[] delta) {}

    record Storm(String operation, Supplier<Prepared> prepare) {}

    static final List<Storm> STORMS = List.of(
            new Storm("POST /admin/tenants", IdempotencyStormTest::onboarding),
            new Storm("POST /admin/tenants/{tenantId}/billing", IdempotencyStormTest::billingRetry),
            new Storm("POST /members/{memberId}/points/adjust", () -> points(false)),
            new Storm("POST /members/{memberId}/points/redeem", () -> points(true)),
            new Storm("POST /stores/{storeId}/stock/{gtin}/receipts", () -> stock(0)),
            new Storm("POST /stores/{storeId}/stock/{gtin}/adjustments", () -> stock(1)),
            new Storm("POST /stock-transfers", () -> stock(2)),
            new Storm("POST /stores/{storeId}/stock-counts", () -> stockCount(0)),
            new Storm("POST /stores/{storeId}/stock-counts/{countId}/finish", () -> stockCount(1)),
            new Storm("POST /stores/{storeId}/stock-counts/{countId}/cancel", () -> stockCount(2)),
            new Storm("POST /coupon-templates", CouponStorms::create),
            new Storm("POST /coupon-templates/{templateId}/issue", CouponStorms::issueStorm),
            new Storm("POST /coupon-templates/{templateId}/issues", CouponStorms::issueToFilter),
            new Storm("POST /coupon-templates/{templateId}/stop", CouponStorms::stop),
            new Storm("POST /coupon-templates/{templateId}/void", CouponStorms::voidAll),
            new Storm("POST /coupons/check", CouponStorms::check),
            new Storm("POST /coupons/redeem", CouponStorms::redeem),
            new Storm("POST /coupons/void", CouponStorms::voidOne),
            new Storm("POST /me/coupons", CouponStorms::claim),
            new Storm("POST /orders", OrderStorms::place),
            new Storm("POST /orders/{orderId}/transitions", OrderStorms::cancel),
            new Storm("POST /orders/{orderId}/payments", OrderStorms::payCash),
            new Storm("POST /orders/{orderId}/refunds", OrderStorms::refund),
            new Storm("POST /me/orders", OrderStorms::placeMine),
            new Storm("POST /me/orders/{orderId}/payments", OrderStorms::payMine),
            new Storm("POST /purchase-orders/{purchaseOrderId}/receipts", IdempotencyStormTest::purchaseOrderReceipt),
            new Storm("POST /me/orders/{orderId}/refund-requests", OrderStorms::refundRequest),
            new Storm("POST /refund-requests/{requestId}/approval", OrderStorms::approveRefundRequest),
            new Storm("POST /refund-requests/{requestId}/rejection", OrderStorms::rejectRefundRequest),
            // parking: paying by plate at the exit (public: the car park's own key scope), a member paying a debt
            new Storm("POST /parking/{storeId}/payments", ParkingStorms::payByPlate),
            new Storm("POST /me/parking/debts/{sessionId}/payment", ParkingStorms::payDebt));

    /** Paths of POSTs that move money, points, coupons or stock (or set up billing, as onboarding does). */
    static final Pattern VALUE_MOVING = Pattern.compile(
            "/admin/tenants$|(?<!check)points|redeem|coupon|/orders|payment|refund|stock|receipt|/issue|billing|subscription|wallet|balance");

    @TestFactory
    Stream<DynamicTest> twentyConcurrentCopies_oneEffect_identicalAnswers() {
        return STORMS.stream().map(s -> DynamicTest.dynamicTest(s.operation(), () -> {
            assumeTrue(SpecOps.exists(s.operation()), s.operation() + " is not in the spec yet");
            storm(s.prepare().get());
            System.out.printf("[reliability] idempotency storm %s: %d concurrent copies, one effect, identical answers%n",
                    s.operation(), COPIES);
        }));
    }

    @Test
    void everyValueMovingPost_hasAStormLine() {
        Set<String> lines = new TreeSet<>();
        STORMS.forEach(s -> lines.add(s.operation()));
        Set<String> missing = new TreeSet<>();
        for (SpecOps.Op op : SpecOps.all()) {
            // a webhook carries no Idempotency-Key: its events are deduplicated by id (OrderPaymentsTest, BillingTest)
            if (op.path().startsWith("/webhooks/")) continue;
            if (op.method().equals("POST") && VALUE_MOVING.matcher(op.path()).find() && !lines.contains(op.key())) missing.add(op.key());
        }
        assertEquals(Set.of(), missing, "add a line to IdempotencyStormTest.STORMS for each");
    }

    static void storm(Prepared p) throws Exception {
        String key = UUID.randomUUID().toString();
        long[] before = p.measure().get();
        ExecutorService pool = Executors.newFixedThreadPool(COPIES);
        CountDownLatch go = new CountDownLatch(1);
        List<Future<Api.Res>> all = new ArrayList<>();
        for (int i = 0; i < COPIES; i++) {
            all.add(pool.submit(() -> {
                go.await();
                return p.caller().post(p.path(), p.body(), key);
            }));
        }
        go.countDown();
        List<Api.Res> answers = new ArrayList<>();
        for (Future<Api.Res> f : all) answers.add(f.get());
        pool.shutdown();
        Api.Res first = answers.get(0);
        assertEquals(2, first.status() / 100, () -> "the storm's answer: " + first);
        JsonNode firstBody = first.json();
        for (Api.Res r : answers) {
            assertEquals(first.status(), r.status(), () -> "every copy answers alike: " + r);
            assertEquals(firstBody, r.json(), "every copy answers the same body");
        }
        long replayed = answers.stream().filter(r -> "true".equals(r.header("Idempotent-Replayed"))).count();
        assertEquals(COPIES - 1, replayed, "all but one answer are replays");
        long[] after = p.measure().get();
        for (int i = 0; i < before.length; i++) {
            assertEquals(before[i] + p.delta()[i], after[i], "measure " + i + " moved by exactly one effect");
        }
        // and once more, later: still the same answer, still one effect
        Api.Res late = p.caller().post(p.path(), p.body(), key);
        assertEquals(firstBody, late.json());
        long[] end = p.measure().get();
        for (int i = 0; i < before.length; i++) assertEquals(after[i], end[i], "a late retry changes nothing");
    }

    // ------------------------------------------------------------------------------------------- lines

    private static Prepared onboarding() {
        // copies wait 3 s for the first one's answer, then 409: one onboarding beforehand, so a cold JVM on a loaded
        // machine (Cognito, IoT groups, Stripe: the longest write there is) does not decide the storm
        Fixtures.newTenant("basic", 1);
        String name = "风暴便利 " + UUID.randomUUID().toString().substring(0, 8);
        Object body = Fixtures.onboardingBody(name, "basic", Fixtures.uniqueEmail("storm"), 2);
        return new Prepared(Fixtures.provider(), "/admin/tenants", body, () -> new long[] {tenantsNamed(name)}, new long[] {1});
    }

    /** A tenant onboarded while Stripe was down (billing pending): the retry creates one Stripe customer, whatever the storm. */
    private static Prepared billingRetry() {
        com.zhidian.local.stripe.StripeLocal stripe = com.zhidian.apitests.support.Local.instance().stripe();
        Fixtures.TenantFixture t;
        stripe.setUnavailable(true);
        try {
            t = Fixtures.newTenant("basic", 1);
        } finally {
            stripe.setUnavailable(false);
        }
        String id = t.tenantId();
        Supplier<long[]> customers = () -> new long[] {stripe.events().stream().map(stripe::object)
                .filter(e -> e.contains("\"customer.created\"") && e.contains(id)).count()};
        return new Prepared(Fixtures.provider(), "/admin/tenants/" + id + "/billing", map(), customers, new long[] {1});
    }

    private static Prepared points(boolean redeem) {
        Fixtures.TenantFixture t = Fixtures.newTenant("premium", 1);
        String store = t.storeIds().get(0);
        Api.Res m = t.owner().post("/members", map("phone", Fixtures.uniquePhone(), "name", "风暴", "storeId", store),
                UUID.randomUUID().toString());
        assertEquals(201, m.status(), m::toString);
        String member = m.json().get("memberId").asText();
        Api.Res seed = t.owner().post("/members/" + member + "/points/adjust", map("delta", 100, "reason", "开卡礼"),
                UUID.randomUUID().toString());
        assertEquals(200, seed.status(), seed::toString);
        Supplier<long[]> measure = () -> new long[] {balance(t.owner(), member), ledgerSize(t.owner(), member)};
        return redeem
                ? new Prepared(t.owner(), "/members/" + member + "/points/redeem", map("points", 30, "storeId", store, "reason", "兑换"),
                        measure, new long[] {-30, 1})
                : new Prepared(t.owner(), "/members/" + member + "/points/adjust", map("delta", 50, "reason", "补偿"),
                        measure, new long[] {50, 1});
    }

    /** A product with 10 in the first store: 0 receives 5 more, 1 writes 3 off, 2 moves 4 to the second store. */
    private static Prepared stock(int which) {
        Fixtures.TenantFixture t = Fixtures.newTenant("premium", 2);
        String a = t.storeIds().get(0);
        String b = t.storeIds().get(1);
        String gtin = com.zhidian.apitests.catalog.Catalog.product(t.owner(), com.zhidian.apitests.catalog.Catalog.category(t.owner(), "风暴"), "风暴矿泉水");
        Api.Res seed = t.owner().post("/stores/" + a + "/stock/" + gtin + "/receipts", map("quantity", 10, "cost", 100, "reference", "DN-0"),
                UUID.randomUUID().toString());
        assertEquals(201, seed.status(), seed::toString);
        Supplier<long[]> measure = () -> new long[] {onHand(t.owner(), a, gtin), onHand(t.owner(), b, gtin), movements(t.owner(), a, gtin)};
        return switch (which) {
            case 0 -> new Prepared(t.owner(), "/stores/" + a + "/stock/" + gtin + "/receipts", map("quantity", 5, "cost", 100, "reference", "DN-1"),
                    measure, new long[] {5, 0, 1});
            case 1 -> new Prepared(t.owner(), "/stores/" + a + "/stock/" + gtin + "/adjustments", map("delta", -3, "reason", "damage"),
                    measure, new long[] {-3, 0, 1});
            default -> new Prepared(t.owner(), "/stock-transfers", map("fromStoreId", a, "toStoreId", b, "lines", List.of(map("gtin", gtin, "quantity", 4))),
                    measure, new long[] {-4, 4, 1});
        };
    }

    /**
     * A stock count over one product with 10 on hand, counted 7: opening it makes one count, finishing it moves on hand
     * by −3 with one movement, cancelling it makes one cancelled count; each once.
     */
    private static Prepared stockCount(int which) {
        Fixtures.TenantFixture t = Fixtures.newTenant("premium", 1);
        String a = t.storeIds().get(0);
        String gtin = com.zhidian.apitests.catalog.Catalog.product(t.owner(), com.zhidian.apitests.catalog.Catalog.category(t.owner(), "风暴"), "风暴盘点水");
        Api.Res seed = t.owner().post("/stores/" + a + "/stock/" + gtin + "/receipts", map("quantity", 10, "cost", 100, "reference", "DN-0"),
                UUID.randomUUID().toString());
        assertEquals(201, seed.status(), seed::toString);
        String counts = "/stores/" + a + "/stock-counts";
        Object scope = map("scope", "gtins", "gtins", List.of(gtin));
        Supplier<long[]> measure = () -> new long[] {countsIn(t.owner(), counts, "open"), countsIn(t.owner(), counts, "cancelled"),
                onHand(t.owner(), a, gtin), movements(t.owner(), a, gtin)};
        if (which == 0) return new Prepared(t.owner(), counts, scope, measure, new long[] {1, 0, 0, 0});
        Api.Res opened = t.owner().post(counts, scope, UUID.randomUUID().toString());
        assertEquals(201, opened.status(), opened::toString);
        String id = opened.json().get("countId").asText();
        if (which == 2) return new Prepared(t.owner(), counts + "/" + id + "/cancel", map(), measure, new long[] {-1, 1, 0, 0});
        Api.Res counted = t.owner().put(counts + "/" + id + "/lines/" + gtin, map("counted", 7));
        assertEquals(200, counted.status(), counted::toString);
        return new Prepared(t.owner(), counts + "/" + id + "/finish", map(), measure, new long[] {-1, 0, -3, 1});
    }

    static long countsIn(Api owner, String counts, String status) {
        Api.Res r = owner.get(counts + "?status=" + status);
        assertEquals(200, r.status(), r::toString);
        return r.json().get("items").size();
    }

    /** A sent purchase order of 12: receiving 5 raises on hand by 5 and adds one movement and one receipt, once. */
    private static Prepared purchaseOrderReceipt() {
        Fixtures.TenantFixture t = Fixtures.newTenant("premium", 1);
        String a = t.storeIds().get(0);
        String gtin = com.zhidian.apitests.catalog.Catalog.product(t.owner(), com.zhidian.apitests.catalog.Catalog.category(t.owner(), "风暴"), "风暴牛奶");
        String sup = com.zhidian.apitests.purchasing.Purchasing.supplier(t.owner(), "风暴供应商",
                List.of(com.zhidian.apitests.purchasing.Purchasing.item(gtin, 2, 6, 0, 300)));
        Api.Res po = t.owner().post("/purchase-orders", map("supplierId", sup, "storeId", a, "lines", List.of(map("gtin", gtin, "quantity", 12))));
        assertEquals(201, po.status(), po::toString);
        String id = po.json().get("purchaseOrderId").asText();
        Api.Res sent = t.owner().post("/purchase-orders/" + id + "/send", map("via", "csv"));
        assertEquals(200, sent.status(), sent::toString);
        Supplier<long[]> measure = () -> {
            Api.Res r = t.owner().get("/purchase-orders/" + id);
            assertEquals(200, r.status(), r::toString);
            long movements = t.owner().get("/stores/" + a + "/stock/" + gtin).status() == 200 ? movements(t.owner(), a, gtin) : 0;
            long onHand = t.owner().get("/stores/" + a + "/stock/" + gtin).status() == 200 ? onHand(t.owner(), a, gtin) : 0;
            return new long[] {onHand, movements, r.json().get("receipts").size()};
        };
        return new Prepared(t.owner(), "/purchase-orders/" + id + "/receipts", map("lines", List.of(map("gtin", gtin, "quantity", 5))),
                measure, new long[] {5, 1, 1});
    }

    static long onHand(Api owner, String store, String gtin) {
        Api.Res r = owner.get("/stores/" + store + "/stock/" + gtin);
        assertEquals(200, r.status(), r::toString);
        return r.json().get("onHand").asLong();
    }

    static long movements(Api owner, String store, String gtin) {
        Api.Res r = owner.get("/stores/" + store + "/stock/" + gtin + "/movements?limit=200");
        assertEquals(200, r.status(), r::toString);
        return r.json().get("items").size();
    }

    static long balance(Api owner, String member) {
        Api.Res r = owner.get("/members/" + member + "/points");
        assertEquals(200, r.status(), r::toString);
        return r.json().get("balance").asLong();
    }

    static long ledgerSize(Api owner, String member) {
        return Ledger.entries(owner, member).size();
    }

    static long tenantsNamed(String name) {
        long n = 0;
        String cursor = null;
        do {
            Api.Res r = Fixtures.provider().get("/admin/tenants?limit=200" + (cursor == null ? "" : "&cursor=" + cursor));
            assertEquals(200, r.status(), r::toString);
            for (JsonNode t : r.json().get("items")) if (name.equals(t.path("name").asText())) n++;
            cursor = r.json().path("nextCursor").isNull() ? null : r.json().path("nextCursor").asText(null);
        } while (cursor != null);
        return n;
    }
}
