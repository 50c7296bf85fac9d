package com.zhidian.apitests.orders;

import static com.zhidian.apitests.support.Api.map;

import com.fasterxml.jackson.databind.JsonNode;
import com.zhidian.apitests.catalog.Catalog;
import com.zhidian.apitests.support.Api;
import com.zhidian.apitests.support.Fixtures;
import com.zhidian.apitests.support.Local;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Predicate;

/** A tenant with products, prices, stock, members, coupons and points, made through the public API, for order tests. */
final class Shop {
    final Fixtures.TenantFixture t;
    final String store;
    final String otherStore;
    final String category;

    Shop() {
        t = Fixtures.newTenant("premium", 2);
        store = t.storeIds().get(0);
        otherStore = t.storeIds().get(1);
        category = Catalog.category(t.owner(), "饮料");
    }

    Api owner() { return t.owner(); }

    private Api cashier;

    /** One cashier of the store (an Idempotency-Key is the caller's: a replay comes from the same login). */
    synchronized Api cashier() {
        if (cashier == null) cashier = t.staff(store);
        return cashier;
    }

    /** A product priced {@code price} fen (tenant-wide) with {@code qty} on hand in the shop's store; its GTIN-14. */
    String product(long price, long qty) {
        String gtin = Catalog.product(owner(), category, "商品" + UUID.randomUUID().toString().substring(0, 6));
        ok(owner().put("/prices/" + gtin, map("price", price)), 200);
        if (qty > 0) ok(owner().post("/stores/" + store + "/stock/" + gtin + "/receipts", map("quantity", qty, "cost", 1, "reference", "DN")), 201);
        return gtin;
    }

    JsonNode stock(String gtin) {
        return ok(owner().get("/stores/" + store + "/stock/" + gtin), 200);
    }

    String member() {
        return ok(owner().post("/members", map("phone", Fixtures.uniquePhone(), "name", "李四", "storeId", store)), 201).get("memberId").asText();
    }

    void givePoints(String memberId, long points) {
        ok(owner().post("/members/" + memberId + "/points/adjust", map("delta", points, "reason", "welcome"), key()), 200);
    }

    JsonNode points(String memberId) {
        return ok(owner().get("/members/" + memberId + "/points"), 200);
    }

    /** An amount-off coupon issued to the member, valid in {@code storeIds} (none: every store); its code. */
    String coupon(String memberId, long value, long minSpend, String... storeIds) {
        Map<String, Object> body = map("name", "减" + value / 100, "kind", "amount_off", "value", value, "minSpend", minSpend,
                "validDays", 30, "totalStock", 100, "perMemberLimit", 5);
        if (storeIds.length > 0) body.put("storeIds", List.of(storeIds));
        String template = ok(owner().post("/coupon-templates", body), 201).get("templateId").asText();
        JsonNode r = ok(owner().post("/coupon-templates/" + template + "/issue", map("memberIds", List.of(memberId))), 200);
        return r.at("/results/0/code").asText();
    }

    String couponState(String memberId, String code) {
        for (JsonNode c : ok(owner().get("/members/" + memberId + "/coupons?limit=200"), 200).get("items")) {
            if (c.get("code").asText().equals(code)) return c.get("state").asText();
        }
        throw new AssertionError("no coupon " + code);
    }

    /** A customer signed in as this member (a new member with the phone). */
    record Customer(String memberId, Api api) {}

    Customer customer() {
        String phone = Fixtures.uniquePhone();
        String id = ok(owner().post("/members", map("phone", phone, "name", "王五", "storeId", store)), 201).get("memberId").asText();
        Api.Res r = Fixtures.anonymous().post("/local/auth/login", map("tenantId", t.tenantId(), "phone", phone, "otp", "000000"));
        if (r.status() != 200) throw new AssertionError("customer login failed: " + r);
        return new Customer(id, owner().as(r.json().get("idToken").asText()));
    }

    static Map<String, Object> line(String gtin, long qty) {
        return map("gtin", gtin, "qty", qty);
    }

    Map<String, Object> posOrder(Object... lines) {
        return map("storeId", store, "channel", "pos", "fulfilment", "in_store", "lines", List.of(lines));
    }

    JsonNode place(Map<String, Object> body) {
        return ok(cashier().post("/orders", body, key()), 201);
    }

    JsonNode payCash(String orderId, long tendered) {
        return ok(cashier().post("/orders/" + orderId + "/payments", map("method", "cash", "tendered", tendered), key()), 200);
    }

    JsonNode order(String orderId) {
        return ok(owner().get("/orders/" + orderId), 200);
    }

    /** Waits (at most a minute) until the order satisfies {@code done}: webhooks arrive asynchronously. */
    JsonNode await(String orderId, Predicate<JsonNode> done) {
        Instant until = Instant.now().plus(Duration.ofMinutes(1));
        JsonNode o = order(orderId);
        while (!done.test(o)) {
            if (Instant.now().isAfter(until)) throw new AssertionError("order never got there: " + o);
            try {
                Thread.sleep(50);
            } catch (InterruptedException e) {
                throw new AssertionError(e);
            }
            o = order(orderId);
        }
        return o;
    }

    static String key() {
        return UUID.randomUUID().toString();
    }

    static JsonNode ok(Api.Res r, int status) {
        if (r.status() != status) throw new AssertionError("expected " + status + ": " + r);
        return r.json();
    }

    static com.zhidian.local.ZhidianLocal local() {
        return Local.instance();
    }
}
