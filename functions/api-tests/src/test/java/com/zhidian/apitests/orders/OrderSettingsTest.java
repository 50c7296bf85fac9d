package com.zhidian.apitests.orders;

import static com.zhidian.apitests.orders.Shop.line;
import static com.zhidian.apitests.orders.Shop.ok;
import static com.zhidian.apitests.support.Api.map;
import static com.zhidian.apitests.support.Problems.assertProblem;
import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

/** The unpaid timeout is the tenant's setting: 15 minutes by default, 5 to 120, and a new order's payBy follows it. */
class OrderSettingsTest {
    @Test
    void theTimeToPay_isTheTenantsSetting_withinItsBounds() {
        Shop s = new Shop();
        assertEquals(15, ok(s.cashier().get("/orders-settings"), 200).get("payMinutes").asInt());
        String g = s.product(300, 5);
        JsonNode before = s.place(s.posOrder(line(g, 1)));
        assertEquals(Duration.ofMinutes(15), Duration.between(Instant.parse(before.get("placedAt").asText()), Instant.parse(before.get("payBy").asText())));

        assertEquals(45, ok(s.owner().put("/orders-settings", map("payMinutes", 45)), 200).get("payMinutes").asInt());
        JsonNode after = s.place(s.posOrder(line(g, 1)));
        assertEquals(Duration.ofMinutes(45), Duration.between(Instant.parse(after.get("placedAt").asText()), Instant.parse(after.get("payBy").asText())));

        assertProblem(s.owner().put("/orders-settings", map("payMinutes", 4)), 400);
        assertProblem(s.owner().put("/orders-settings", map("payMinutes", 121)), 400);
        assertProblem(s.owner().put("/orders-settings", map()), 400);
        assertEquals(403, s.cashier().put("/orders-settings", map("payMinutes", 30)).status());
        assertEquals(15, ok(new Shop().owner().get("/orders-settings"), 200).get("payMinutes").asInt(), "another tenant keeps its own");
        assertEquals(45, ok(s.owner().get("/orders-settings"), 200).get("payMinutes").asInt());
    }
}
