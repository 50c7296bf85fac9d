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
        SampleYearLoader loader = new SampleYearLoader(AwsClients.dynamo(), year, sample.tenantId(), sample.storeIds(),
                SampleLocal.local().gatewayUrl().toString());
        java.util.List<Integer> percents = new java.util.ArrayList<>();
        com.zhidian.local.SampleYearStatus.waiting(sample.tenantId());
        loader.onProgress(p -> {
            percents.add(p.percent());
            if ("done".equals(p.state())) com.zhidian.local.SampleYearStatus.done(p.loaded());
            else com.zhidian.local.SampleYearStatus.loading(p.percent(), p.step(), p.loaded());
        });
        long paid = loader.load(System.out::println);
        assertEquals(0, loader.failures(), "every order, refund, price, member, coupon, card payment and reading went through");
        assertEquals("done", loader.progress().state());
        for (int i = 1; i < percents.size(); i++) assertTrue(percents.get(i) >= percents.get(i - 1), "progress never goes back");
        assertEquals(100, percents.get(percents.size() - 1));
        Map<String, Long> loaded = loader.progress().loaded();
        assertTrue(loaded.get("members") > 10, "members joined: " + loaded);
        assertTrue(loaded.get("memberOrders") > 0 && loaded.get("cardPayments") > 0 && loaded.get("couponsIssued") >= loaded.get("members"), loaded.toString());
        assertEquals(28L * 24, loaded.get("telemetryHours"), "every hour of the four weeks has its traffic and energy");
        long expected = 0, refunds = 0, withWeighed = 0;
        for (int d = 0; d < year.days(); d++)
            for (YearOrders.Order o : YearOrders.on(year, 0, d)) {
                expected++; // weighed goods too: sold by weight, at the till as the scale's label
                if (o.refund() != null) refunds++;
                if (o.lines().stream().anyMatch(l -> year.product(l.gtin()).weighed())) withWeighed++;
            }
        assertTrue(withWeighed > 0, "the year sells fruit, vegetables and deli by weight");
        assertEquals(expected, paid);
        assertTrue(paid > 50, "four weeks of a small store have some dozens of orders: " + paid);

        Http http = new Http(SampleLocal.local().gatewayUrl());
        String owner = http.call("POST", "/local/auth/login", null,
                Map.of("username", "owner@sample.zhidian.local", "password", "Zhidian-Local-1"), null).body().get("idToken").asText();
        String from = year.date(0).atStartOfDay(SampleYearLoader.ZONE).toInstant().toString();
        String to = year.date(year.days()).atStartOfDay(SampleYearLoader.ZONE).toInstant().toString();
        long listed = 0, refunded = 0, listedWeighed = 0;
        String cursor = null;
        do {
            JsonNode page = http.call("GET", "/orders?storeId=" + sample.storeIds().get(0) + "&from=" + from + "&to=" + to + "&limit=100"
                    + (cursor == null ? "" : "&cursor=" + cursor), owner, null, null).expect(200).body();
            for (JsonNode o : page.get("items")) {
                listed++;
                if (o.path("refunded").asLong() > 0) refunded++;
                boolean weighed = false;
                for (JsonNode l : o.path("lines")) {
                    if (!"weight".equals(l.path("soldBy").asText())) continue;
                    weighed = true;
                    // grams at the price per kg, half up to the fen, as every weighed line
                    assertEquals((l.get("pricePerKg").asLong() * l.get("weightGrams").asLong() + 500) / 1000,
                            l.get("lineTotal").asLong() + l.get("discount").asLong(), l.toString());
                }
                if (weighed) listedWeighed++;
                assertTrue(List.of("paid", "completed", "refunded", "partially_refunded").contains(o.get("status").asText()), o.toString());
            }
            cursor = page.path("nextCursor").isTextual() ? page.get("nextCursor").asText() : null;
        } while (cursor != null);
        assertEquals(paid, listed, "GET /orders lists every order of the year, placed at its historical time");
        assertEquals(refunds, refunded);
        assertEquals(withWeighed, listedWeighed, "every order with weighed goods has its weighed lines");

        JsonNode status = http.call("GET", "/local/sample-year", null, null, null).expect(200).body();
        assertEquals("done", status.get("state").asText());
        assertEquals(100, status.get("percent").asInt());
        assertEquals(loaded.get("members").longValue(), status.at("/loaded/members").asLong());

        // the member report reads what the loader did through the members and coupons services (the stream's rollup)
        String range = "from=" + year.date(0) + "&to=" + year.date(year.days() - 1) + "&storeId=" + sample.storeIds().get(0) + "&groupBy=month";
        JsonNode report = null;
        for (int i = 0; i < 600; i++) {
            report = http.call("GET", "/reports/members?" + range, owner, null, null).expect(200).body();
            if (report.at("/totals/memberOrders").asLong() >= loaded.get("memberOrders")) break;
            try { Thread.sleep(100); } catch (InterruptedException e) { throw new AssertionError(e); }
        }
        assertEquals(loaded.get("memberOrders").longValue(), report.at("/totals/memberOrders").asLong(), report.toString());
        assertTrue(report.at("/totals/pendingPoints").asLong() + report.at("/totals/pointsIssued").asLong() > 0, "points earned on members' orders: " + report);
        // the members' points job ran on the year's clock: earnings whose return window passed were released
        assertTrue(loaded.get("pointsReleases") > 0, "pending points released by the members' job: " + loaded);
        long promotions = year.promotions().stream().filter(p -> p.fromDay() < year.days()).count();
        assertEquals(promotions, loaded.get("promotions").longValue(), "every promotion of the four weeks set as a promotion price");
        assertTrue(report.at("/totals/newMembers").asLong() + report.at("/totals/activeMembers").asLong() > 0, report.toString());
        long redeemed = 0;
        for (JsonNode c : report.get("coupons")) redeemed += c.get("redeemed").asLong();
        assertTrue(redeemed <= loaded.get("couponOrders") && redeemed >= loaded.get("couponOrders") - loaded.get("refunds"),
                "every coupon an order took is redeemed in the report, less any a refund gave back: " + redeemed + " of " + loaded);

        JsonNode traffic = http.call("GET", "/reports/traffic?from=" + year.date(0) + "&to=" + year.date(year.days() - 1) + "&storeId="
                + sample.storeIds().get(0) + "&groupBy=day", owner, null, null).expect(200).body();
        assertTrue(traffic.at("/totals/visitors").asLong() >= paid / 2, "the year's footfall reached the traffic report: " + traffic.get("totals"));
    }
}
