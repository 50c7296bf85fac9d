package com.zhidian.apitests.reports;

import static com.zhidian.apitests.support.Api.map;
import static com.zhidian.apitests.support.Problems.assertProblem;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.zhidian.apitests.catalog.Catalog;
import com.zhidian.apitests.support.Api;
import com.zhidian.apitests.support.Fixtures;
import java.io.ByteArrayInputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.function.Predicate;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;

/**
 * Orders placed, paid and refunded through the API reach the sales report through the order events and the rollup
 * (asynchronous: the test polls until the figures are there); the CSV and the XLSX say what the JSON says; bad ranges
 * are problems with stable codes; another tenant's store is 404.
 */
class SalesReportApiTest {
    static final Fixtures.TenantFixture T = Fixtures.newTenant("premium", 2);
    static final String STORE = T.storeIds().get(0), OTHER = T.storeIds().get(1);
    static final String CATEGORY = Catalog.category(T.owner(), "饮料");
    static final LocalDate TODAY = LocalDate.now(ZoneId.of("Asia/Shanghai"));
    static final String RANGE = "from=" + TODAY.minusDays(1) + "&to=" + TODAY.plusDays(1);

    static String key() { return UUID.randomUUID().toString(); }

    static JsonNode ok(Api.Res r, int status) {
        if (r.status() != status) throw new AssertionError("expected " + status + ": " + r);
        return r.json();
    }

    static String product(long price) {
        return product(T, CATEGORY, price);
    }

    static String product(Fixtures.TenantFixture t, String category, long price) {
        String gtin = Catalog.product(t.owner(), category, "报表商品" + UUID.randomUUID().toString().substring(0, 6));
        ok(t.owner().put("/prices/" + gtin, map("price", price)), 200);
        for (String s : t.storeIds()) {
            ok(t.owner().post("/stores/" + s + "/stock/" + gtin + "/receipts", map("quantity", 100, "cost", 1, "reference", "DN")), 201);
        }
        return gtin;
    }

    static String paidOrder(Api cashier, String store, String gtin, long qty, long total) {
        JsonNode o = ok(cashier.post("/orders", map("storeId", store, "channel", "pos", "fulfilment", "in_store",
                "lines", List.of(map("gtin", gtin, "qty", qty))), key()), 201);
        assertEquals(total, o.get("total").asLong());
        String id = o.get("orderId").asText();
        ok(cashier.post("/orders/" + id + "/payments", map("method", "cash", "tendered", total), key()), 200);
        return id;
    }

    static JsonNode await(String path, Predicate<JsonNode> done) {
        return await(T.owner(), path, done);
    }

    static JsonNode await(Api as, String path, Predicate<JsonNode> done) {
        Instant until = Instant.now().plus(Duration.ofMinutes(1));
        JsonNode r = ok(as.get(path), 200);
        while (!done.test(r)) {
            if (Instant.now().isAfter(until)) throw new AssertionError("the report never got there: " + r);
            try { Thread.sleep(100); } catch (InterruptedException e) { throw new AssertionError(e); }
            r = ok(as.get(path), 200);
        }
        return r;
    }

    static JsonNode row(JsonNode report, String key) {
        for (JsonNode r : report.get("rows")) if (r.get("key").asText().equals(key)) return r;
        return null;
    }

    @Test
    void paidAndRefundedOrders_showUpInTheReport_netOfRefunds_byDayProductStoreAndChannel() {
        Api cashier = T.staff(STORE);
        String a = product(350), b = product(1200);
        paidOrder(cashier, STORE, a, 2, 700);
        String refunded = paidOrder(cashier, STORE, b, 1, 1200);
        paidOrder(T.owner(), OTHER, a, 1, 350);
        ok(cashier.post("/orders/" + refunded + "/refunds", map("lines", List.of(map("gtin", b, "qty", 1)), "reason", "不想要了"), key()), 200);

        JsonNode day = await("/reports/sales?" + RANGE + "&storeId=" + STORE + "&groupBy=day",
                r -> r.at("/totals/refunds").asLong() == 1200 && r.at("/totals/orders").asLong() == 2);
        assertEquals(3, day.get("rows").size(), "every day of the range, zeros included");
        assertEquals(1900, day.at("/totals/gross").asLong());
        assertEquals(700, day.at("/totals/net").asLong(), "paid 1900, refunded 1200");
        assertEquals(2, day.at("/totals/units").asLong(), "3 units sold, 1 returned");
        assertEquals(700, row(day, TODAY.toString()).get("net").asLong());
        assertEquals("Asia/Shanghai", day.get("timeZone").asText());

        JsonNode byProduct = ok(T.owner().get("/reports/sales?" + RANGE + "&storeId=" + STORE + "&groupBy=product"), 200);
        assertEquals(700, row(byProduct, a).get("net").asLong());
        assertEquals(0, row(byProduct, b).get("net").asLong());
        assertEquals(1200, row(byProduct, b).get("refunds").asLong());
        assertEquals(a, byProduct.at("/rows/0/key").asText(), "largest net first");

        JsonNode byCategory = ok(T.owner().get("/reports/sales?" + RANGE + "&storeId=" + STORE + "&groupBy=category"), 200);
        assertEquals(700, row(byCategory, CATEGORY).get("net").asLong(), "the product's category from the catalog");

        JsonNode byStore = await("/reports/sales?" + RANGE + "&groupBy=store", r -> r.at("/totals/orders").asLong() == 3);
        assertEquals(700, row(byStore, STORE).get("net").asLong());
        assertEquals(350, row(byStore, OTHER).get("net").asLong());
        assertEquals(1050, byStore.at("/totals/net").asLong());

        JsonNode byChannel = ok(T.owner().get("/reports/sales?" + RANGE + "&groupBy=channel"), 200);
        assertEquals(1050, row(byChannel, "pos").get("net").asLong());

        JsonNode byHour = ok(T.owner().get("/reports/sales?from=" + TODAY + "&to=" + TODAY + "&storeId=" + STORE + "&groupBy=hour"), 200);
        assertEquals(24, byHour.get("rows").size());
        long hours = 0;
        for (JsonNode r : byHour.get("rows")) hours += r.get("net").asLong();
        assertEquals(700, hours, "the hours add up to the day");

        JsonNode staffView = ok(cashier.get("/reports/sales?" + RANGE + "&groupBy=store"), 200);
        assertEquals(1, staffView.get("rows").size(), "staff see their own store only");
        assertProblem(cashier.get("/reports/sales?" + RANGE + "&storeId=" + OTHER), 404);
    }

    @Test
    void csvAndXlsx_holdTheJsonRows() throws Exception {
        Fixtures.TenantFixture t = Fixtures.newTenant("premium", 1);
        String store = t.storeIds().get(0);
        Api cashier = t.staff(store);
        String category = Catalog.category(t.owner(), "零食, \"进口\"");
        String g = product(t, category, 990), h = product(t, category, 450);
        paidOrder(cashier, store, g, 3, 2970);
        paidOrder(cashier, store, h, 1, 450);
        String q = "?" + RANGE + "&storeId=" + store + "&groupBy=category";
        JsonNode json = await(t.owner(), "/reports/sales" + q, r -> row(r, category) != null && row(r, category).get("units").asLong() == 4);

        Api.Res csv = t.owner().with("Accept", "text/csv").get("/reports/sales" + q);
        assertEquals(200, csv.status(), csv::toString);
        assertTrue(csv.contentType().startsWith("text/csv"), csv.contentType());
        assertTrue(csv.text().startsWith("\uFEFF"), "a byte-order mark for Excel");
        List<List<String>> expected = expectedCells(json);
        assertEquals("零食, \"进口\"", row(json, category).get("label").asText(), "the category's name beside its id");
        StringBuilder csvExpected = new StringBuilder("\uFEFF");
        for (List<String> l : expected) {
            List<String> quoted = new ArrayList<>();
            for (String c : l) quoted.add(c.contains(",") || c.contains("\"") ? "\"" + c.replace("\"", "\"\"") + "\"" : c);
            csvExpected.append(String.join(",", quoted)).append("\r\n");
        }
        assertEquals(csvExpected.toString(), csv.text(), "RFC 4180 quoting of the Chinese name with a comma and quotes");

        HttpResponse<byte[]> x = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(t.owner().base() + "/reports/sales.xlsx" + q))
                .header("Authorization", "Bearer " + t.owner().token()).build(), HttpResponse.BodyHandlers.ofByteArray());
        assertEquals(200, x.statusCode(), () -> new String(x.body()));
        try (XSSFWorkbook wb = new XSSFWorkbook(new ByteArrayInputStream(x.body()))) {
            Sheet s = wb.getSheetAt(0);
            assertEquals(expected.size(), s.getLastRowNum() + 1);
            for (int i = 0; i < expected.size(); i++) {
                Row r = s.getRow(i);
                List<String> cells = new ArrayList<>();
                for (int c = 0; c < expected.get(i).size(); c++) {
                    Cell cell = r.getCell(c);
                    cells.add(cell == null ? "" : cell.getCellType() == CellType.NUMERIC ? Long.toString((long) cell.getNumericCellValue()) : cell.getStringCellValue());
                }
                assertEquals(expected.get(i), cells, "row " + i);
            }
        }
    }

    private static List<List<String>> expectedCells(JsonNode json) {
        List<String> cols = List.of("orders", "units", "gross", "discounts", "refunds", "net");
        List<List<String>> out = new ArrayList<>();
        List<String> head = new ArrayList<>(List.of("key", "label"));
        head.addAll(cols);
        out.add(head);
        for (JsonNode r : json.get("rows")) {
            List<String> l = new ArrayList<>(List.of(r.get("key").asText(), r.path("label").asText("")));
            for (String c : cols) l.add(r.get(c).asText());
            out.add(l);
        }
        List<String> t = new ArrayList<>(List.of("total", ""));
        for (String c : cols) t.add(json.get("totals").get(c).asText());
        out.add(t);
        return out;
    }

    @Test
    void badRanges_areProblemsWithStableCodes_andAnotherTenantsStoreIs404() {
        Api o = T.owner();
        assertEquals("report.bad_range", assertProblem(o.get("/reports/sales?from=2026-03-02&to=2026-03-01"), 400).get("code").asText());
        assertEquals("report.range_too_long", assertProblem(o.get("/reports/sales?from=2025-01-01&to=2026-03-01"), 400).get("code").asText());
        assertEquals("report.range_too_long",
                assertProblem(o.get("/reports/sales?from=2026-01-01&to=2026-03-01&groupBy=hour"), 400).get("code").asText());
        assertEquals("report.unknown_group_by", assertProblem(o.get("/reports/sales?" + RANGE + "&groupBy=weekday"), 400).get("code").asText());
        assertEquals("report.bad_date", assertProblem(o.get("/reports/sales?from=2026-02-30&to=2026-03-01"), 400).get("code").asText());
        assertEquals("report.bad_date", assertProblem(o.get("/reports/sales?to=2026-03-01"), 400).get("code").asText());
        Fixtures.TenantFixture other = Fixtures.newTenant("premium", 1);
        assertProblem(other.owner().get("/reports/sales?" + RANGE + "&storeId=" + STORE), 404);
        assertProblem(other.owner().get("/reports/sales.xlsx?" + RANGE + "&storeId=" + STORE), 404);
    }
}
