package com.zhidian.apitests.reports;

import static com.zhidian.apitests.reports.SalesReportApiTest.ok;
import static com.zhidian.apitests.reports.SalesReportApiTest.paidOrder;
import static com.zhidian.apitests.reports.SalesReportApiTest.product;
import static com.zhidian.apitests.support.Api.map;
import static com.zhidian.apitests.support.Problems.assertProblem;
import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.JsonNode;
import com.zhidian.apitests.catalog.Catalog;
import com.zhidian.apitests.sensors.Sensors;
import com.zhidian.apitests.support.Api;
import com.zhidian.apitests.support.Fixtures;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import org.junit.jupiter.api.Test;

/** Visitors from the door counter, orders from the sales buckets, conversion = orders ÷ visitors, dwell by zone. */
class TrafficReportApiTest {
    @Test
    void visitorsAndOrders_giveTheConversion_byDayAndHour() {
        Fixtures.TenantFixture t = Fixtures.newTenant("premium", 1);
        String store = t.storeIds().get(0);
        String today = LocalDate.now(ZoneId.of("Asia/Shanghai")).toString();
        String g = product(t, Catalog.category(t.owner(), "日用"), 500);
        Api cashier = t.staff(store);
        try (Sensors.Device door = Sensors.connect(t, store, "traffic_counter", "入口")) {
            Instant now = Instant.now();
            door.send(1, now.minusSeconds(60), map("visitorsIn", 8, "visitorsOut", 0, "zone", "entrance"));
            door.send(2, now, map("visitorsIn", 0, "visitorsOut", 8, "zone", "entrance"));
            paidOrder(cashier, store, g, 1, 500);
            paidOrder(cashier, store, g, 2, 1000);
            String q = "/reports/traffic?from=" + today + "&to=" + today + "&storeId=" + store;
            JsonNode day = Sensors.until(() -> t.owner().get(q), r -> r.at("/totals/visitors").asLong() == 8 && r.at("/totals/orders").asLong() == 2,
                    "visitors and orders");
            assertEquals(0.25, day.at("/totals/conversion").asDouble(), 1e-9, "2 orders of 8 visitors");
            assertEquals(1500, day.at("/totals/net").asLong());
            assertEquals("entrance", day.at("/zones/0/zone").asText());
            JsonNode hours = ok(cashier.get(q + "&groupBy=hour"), 200);
            assertEquals(24, hours.get("rows").size());
            long v = 0;
            for (JsonNode h : hours.get("rows")) v += h.get("visitors").asLong();
            assertEquals(8, v);
        }
        assertEquals("report.unknown_group_by",
                assertProblem(t.owner().get("/reports/traffic?from=" + today + "&to=" + today + "&storeId=" + store + "&groupBy=week"), 400)
                        .get("code").asText());
        assertProblem(t.owner().get("/reports/traffic?from=" + today + "&to=" + today), 400);
        Fixtures.TenantFixture other = Fixtures.newTenant("premium", 1);
        assertProblem(other.owner().get("/reports/traffic?from=" + today + "&to=" + today + "&storeId=" + store), 404);
    }
}
