package com.zhidian.samplestore;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.zhidian.core.aws.AwsClients;
import com.zhidian.samplestore.year.SampleYear;
import com.zhidian.samplestore.year.YearOrders;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The small year goes through the services; its orders are then there for the owner through the public API. */
class SampleYearLoaderTest {

    @Test
    void theSmallYear_isLoadedThroughTheServices_andListedByGetOrders() {
        SampleStoreLoader.Loaded sample = SampleLocal.loaded();
        SampleYear year = new SampleYear(SampleYear.Config.small(7, LocalDate.of(2025, 3, 3)));
        SampleYearLoader loader = new SampleYearLoader(AwsClients.dynamo(), year, sample.tenantId(), sample.storeIds());
        long paid = loader.load(System.out::println);
        assertEquals(0, loader.failures(), "every order, refund and price went through");
        assertEquals("done", loader.progress().state());
        long expected = 0, refunds = 0;
        for (int d = 0; d < year.days(); d++)
            for (YearOrders.Order o : YearOrders.on(year, 0, d))
                if (o.lines().stream().anyMatch(l -> !year.product(l.gtin()).weighed())) { expected++; if (o.refund() != null) refunds++; }
        assertEquals(expected, paid);
        assertTrue(paid > 50, "four weeks of a small store have some dozens of orders: " + paid);

        Http http = new Http(SampleLocal.local().gatewayUrl());
        String owner = http.call("POST", "/local/auth/login", null,
                Map.of("username", "owner@sample.zhidian.local", "password", "Zhidian-Local-1"), null).body().get("idToken").asText();
        String from = year.date(0).atStartOfDay(SampleYearLoader.ZONE).toInstant().toString();
        String to = year.date(year.days()).atStartOfDay(SampleYearLoader.ZONE).toInstant().toString();
        long listed = 0, refunded = 0;
        String cursor = null;
        do {
            JsonNode page = http.call("GET", "/orders?storeId=" + sample.storeIds().get(0) + "&from=" + from + "&to=" + to + "&limit=100"
                    + (cursor == null ? "" : "&cursor=" + cursor), owner, null, null).expect(200).body();
            for (JsonNode o : page.get("items")) {
                listed++;
                if (o.path("refunded").asLong() > 0) refunded++;
                assertTrue(List.of("paid", "completed", "refunded", "partially_refunded").contains(o.get("status").asText()), o.toString());
            }
            cursor = page.path("nextCursor").isTextual() ? page.get("nextCursor").asText() : null;
        } while (cursor != null);
        assertEquals(paid, listed, "GET /orders lists every order of the year, placed at its historical time");
        assertEquals(refunds, refunded);
    }
}
