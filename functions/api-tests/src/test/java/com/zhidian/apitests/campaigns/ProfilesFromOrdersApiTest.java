package com.zhidian.apitests.campaigns;

import static com.zhidian.apitests.support.Api.map;
import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.JsonNode;
import com.zhidian.apitests.support.Api;
import com.zhidian.apitests.catalog.Catalog;
import com.zhidian.apitests.support.Fixtures;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Predicate;
import org.junit.jupiter.api.Test;

/**
 * Member profiles fed by real orders: an order paid through the API reaches the member's purchase-history profile
 * over the table's stream (the orders' order events → CampaignsProfileFunction), so a purchase-history segment matches
 * the member; refunding the whole order takes the purchase back out.
 */
class ProfilesFromOrdersApiTest {
    static final Fixtures.TenantFixture T = Fixtures.newTenant("premium", 1);
    static final String STORE = T.storeIds().get(0);

    private static String key() { return UUID.randomUUID().toString(); }

    private static JsonNode ok(Api.Res r, int status) {
        assertEquals(status, r.status(), r::toString);
        return r.json();
    }

    private static JsonNode await(Map<String, Object> body, Predicate<JsonNode> done) {
        Instant until = Instant.now().plus(Duration.ofMinutes(1));
        JsonNode r = ok(T.owner().post("/segments/preview", body), 200);
        while (!done.test(r)) {
            if (Instant.now().isAfter(until)) throw new AssertionError("the profile never got there: " + r);
            try { Thread.sleep(100); } catch (InterruptedException e) { throw new AssertionError(e); }
            r = ok(T.owner().post("/segments/preview", body), 200);
        }
        return r;
    }

    @Test
    void anOrderPaidThroughTheApi_makesTheMemberMatchAPurchaseHistorySegment_andAFullRefundTakesItBack() {
        String category = Catalog.category(T.owner(), "乳品");
        String gtin = Catalog.product(T.owner(), category, "画像牛奶" + key().substring(0, 6));
        ok(T.owner().put("/prices/" + gtin, map("price", 650)), 200);
        ok(T.owner().post("/stores/" + STORE + "/stock/" + gtin + "/receipts", map("quantity", 50, "cost", 1, "reference", "DN")), 201);
        CampaignsApiTest.Member buyer = CampaignsApiTest.member(T, STORE, map("marketing_push", true, "personalization", true));
        CampaignsApiTest.member(T, STORE, map("marketing_push", true, "personalization", true));

        Map<String, Object> bought = map("rules", List.of(map("kind", "bought_product", "values", List.of(gtin), "withinDays", 30)));
        assertEquals(0, ok(T.owner().post("/segments/preview", bought), 200).get("matching").asInt(), "nobody has bought it yet");

        Map<String, Object> order = new HashMap<>(map("storeId", STORE, "channel", "pos", "fulfilment", "in_store",
                "lines", List.of(map("gtin", gtin, "qty", 2))));
        order.put("memberId", buyer.memberId());
        JsonNode o = ok(T.owner().post("/orders", order, key()), 201);
        String orderId = o.get("orderId").asText();
        ok(T.owner().post("/orders/" + orderId + "/payments", map("method", "cash", "tendered", o.get("total").asLong()), key()), 200);

        await(bought, r -> r.get("matching").asInt() == 1);
        Map<String, Object> inCategory = map("rules", List.of(map("kind", "bought_category", "values", List.of(category), "withinDays", 30)));
        assertEquals(1, ok(T.owner().post("/segments/preview", inCategory), 200).get("matching").asInt(), "the category from the catalog");
        Map<String, Object> spent = map("rules", List.of(map("kind", "spend", "min", 1300, "withinDays", 30)));
        assertEquals(1, ok(T.owner().post("/segments/preview", spent), 200).get("matching").asInt(), "the spend is the order's net total");
        Map<String, Object> twice = map("rules", List.of(map("kind", "order_count", "min", 2, "withinDays", 30)));
        assertEquals(0, ok(T.owner().post("/segments/preview", twice), 200).get("matching").asInt(), "one order counts once");

        ok(T.owner().post("/orders/" + orderId + "/refunds", map("lines", List.of(map("gtin", gtin, "qty", 2)), "reason", "退货"), key()), 200);
        await(bought, r -> r.get("matching").asInt() == 0);
    }
}
