package com.zhidian.apitests.reliability;

import static com.zhidian.apitests.support.Api.map;
import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.JsonNode;
import com.zhidian.apitests.catalog.Catalog;
import com.zhidian.apitests.reliability.IdempotencyStormTest.Prepared;
import com.zhidian.apitests.support.Api;
import com.zhidian.apitests.support.Fixtures;
import java.util.List;
import java.util.UUID;

/** The orders context's lines of {@link IdempotencyStormTest}: each storm moves stock, money or an order once. */
final class OrderStorms {
    private OrderStorms() {}

    private record World(Fixtures.TenantFixture t, String store, String gtin) {
        Api owner() { return t.owner(); }

        long stock(String field) {
            return owner().get("/stores/" + store + "/stock/" + gtin).json().get(field).asLong();
        }

        String place() {
            Api.Res r = owner().post("/orders", map("storeId", store, "channel", "pos", "fulfilment", "in_store",
                    "lines", List.of(map("gtin", gtin, "qty", 1))), UUID.randomUUID().toString());
            assertEquals(201, r.status(), r::toString);
            return r.json().get("orderId").asText();
        }

        JsonNode order(String id) {
            return owner().get("/orders/" + id).json();
        }
    }

    private static World world() {
        Fixtures.TenantFixture t = Fixtures.newTenant("premium", 1);
        String store = t.storeIds().get(0);
        return new World(t, store, Catalog.stocked(t, store));
    }

    static Prepared place() {
        World w = world();
        return new Prepared(w.owner(), "/orders", map("storeId", w.store(), "channel", "pos", "fulfilment", "in_store",
                "lines", List.of(map("gtin", w.gtin(), "qty", 2))), () -> new long[] {w.stock("reserved")}, new long[] {2});
    }

    static Prepared placeMine() {
        World w = world();
        String phone = Fixtures.uniquePhone();
        assertEquals(201, w.owner().post("/members", map("phone", phone, "name", "风暴", "storeId", w.store())).status());
        Api.Res login = Fixtures.anonymous().post("/local/auth/login", map("tenantId", w.t().tenantId(), "phone", phone, "otp", "000000"));
        Api me = w.owner().as(login.json().get("idToken").asText());
        return new Prepared(me, "/me/orders", map("storeId", w.store(), "fulfilment", "pickup", "lines", List.of(map("gtin", w.gtin(), "qty", 1))),
                () -> new long[] {w.stock("reserved"), me.get("/me/orders").json().get("items").size()}, new long[] {1, 1});
    }

    static Prepared cancel() {
        World w = world();
        String id = w.place();
        return new Prepared(w.owner(), "/orders/" + id + "/transitions", map("to", "cancelled"),
                () -> new long[] {w.stock("reserved"), w.order(id).get("timeline").size()}, new long[] {-1, 1});
    }

    static Prepared payCash() {
        World w = world();
        String id = w.place();
        return new Prepared(w.owner(), "/orders/" + id + "/payments", map("method", "cash", "tendered", 500),
                () -> new long[] {w.stock("onHand"), w.order(id).get("payments").size()}, new long[] {-1, 1});
    }

    static Prepared payMine() {
        World w = world();
        String phone = Fixtures.uniquePhone();
        assertEquals(201, w.owner().post("/members", map("phone", phone, "name", "风暴", "storeId", w.store())).status());
        Api.Res login = Fixtures.anonymous().post("/local/auth/login", map("tenantId", w.t().tenantId(), "phone", phone, "otp", "000000"));
        Api me = w.owner().as(login.json().get("idToken").asText());
        Api.Res placed = me.post("/me/orders", map("storeId", w.store(), "fulfilment", "pickup", "lines", List.of(map("gtin", w.gtin(), "qty", 1))),
                UUID.randomUUID().toString());
        String id = placed.json().get("orderId").asText();
        return new Prepared(me, "/me/orders/" + id + "/payments", map("method", "card"),
                () -> new long[] {w.order(id).get("payments").size()}, new long[] {1});
    }

    static Prepared refund() {
        World w = world();
        String id = w.place();
        assertEquals(200, w.owner().post("/orders/" + id + "/payments", map("method", "cash", "tendered", 200), UUID.randomUUID().toString()).status());
        return new Prepared(w.owner(), "/orders/" + id + "/refunds", map("reason", "退货"),
                () -> new long[] {w.stock("onHand"), w.order(id).get("refunded").asLong()}, new long[] {1, 200});
    }

    // ---- refund requests (orders3) ----

    /** A member's paid order of one unit, and the member signed in. */
    private record Paid(World w, String orderId, Api me, long total) {}

    private static Paid paidForMember() {
        World w = world();
        String phone = Fixtures.uniquePhone();
        Api.Res m = w.owner().post("/members", map("phone", phone, "name", "风暴", "storeId", w.store()));
        assertEquals(201, m.status(), m::toString);
        Api.Res placed = w.owner().post("/orders", map("storeId", w.store(), "channel", "pos", "fulfilment", "in_store",
                "memberId", m.json().get("memberId").asText(), "lines", List.of(map("gtin", w.gtin(), "qty", 1))), UUID.randomUUID().toString());
        assertEquals(201, placed.status(), placed::toString);
        String id = placed.json().get("orderId").asText();
        long total = placed.json().get("total").asLong();
        assertEquals(200, w.owner().post("/orders/" + id + "/payments", map("method", "cash", "tendered", total), UUID.randomUUID().toString()).status());
        Api.Res login = Fixtures.anonymous().post("/local/auth/login", map("tenantId", w.t().tenantId(), "phone", phone, "otp", "000000"));
        return new Paid(w, id, w.owner().as(login.json().get("idToken").asText()), total);
    }

    private static String requested(Paid p) {
        Api.Res r = p.me().post("/me/orders/" + p.orderId() + "/refund-requests", map("reason", "damaged"), UUID.randomUUID().toString());
        assertEquals(201, r.status(), r::toString);
        return r.json().get("requestId").asText();
    }

    static Prepared refundRequest() {
        Paid p = paidForMember();
        return new Prepared(p.me(), "/me/orders/" + p.orderId() + "/refund-requests", map("reason", "damaged"),
                () -> new long[] {p.me().get("/me/orders/" + p.orderId()).json().get("refundRequests").size()}, new long[] {1});
    }

    static Prepared approveRefundRequest() {
        Paid p = paidForMember();
        String rid = requested(p);
        return new Prepared(p.w().owner(), "/refund-requests/" + rid + "/approval", map(),
                () -> new long[] {p.w().stock("onHand"), p.w().order(p.orderId()).get("refunded").asLong()}, new long[] {1, p.total()});
    }

    static Prepared rejectRefundRequest() {
        Paid p = paidForMember();
        String rid = requested(p);
        String rejected = "/refund-requests?storeId=" + p.w().store() + "&state=rejected";
        return new Prepared(p.w().owner(), "/refund-requests/" + rid + "/rejection", map("reason", "已拆封"),
                () -> new long[] {p.w().owner().get(rejected).json().get("items").size(), p.w().order(p.orderId()).get("refunded").asLong()},
                new long[] {1, 0});
    }
}
