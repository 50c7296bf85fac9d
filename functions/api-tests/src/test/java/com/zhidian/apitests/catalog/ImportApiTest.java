package com.zhidian.apitests.catalog;

import static com.zhidian.apitests.support.Api.map;
import static com.zhidian.apitests.support.Problems.assertFieldErrors;
import static com.zhidian.apitests.support.Problems.assertProblem;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.zhidian.apitests.support.Api;
import com.zhidian.apitests.support.Fixtures;
import java.io.ByteArrayOutputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Bulk import from CSV through the public API and the upload URL it hands out, as the portal does: start, PUT the
 * file to the URL, follow the import until it ends, read the row report.
 */
class ImportApiTest {
    private static final Fixtures.TenantFixture T = Fixtures.newTenant("premium", 2);
    private static final Fixtures.TenantFixture OTHER = Fixtures.newTenant("basic", 1);
    private static final String DRINKS = Catalog.category(T.owner(), "饮料");
    private static final HttpClient HTTP = HttpClient.newHttpClient();
    private static final Charset GB18030 = Charset.forName("GB18030");

    /** Starts an import, uploads the bytes, and waits for it to end; returns the import as the API shows it. */
    static JsonNode importFile(Api owner, String kind, byte[] file) throws Exception {
        JsonNode started = start(owner, kind, "items.csv", file.length);
        assertEquals(200, upload(started, file), "the upload URL takes the file");
        return await(owner, started.get("importId").asText());
    }

    static JsonNode start(Api owner, String kind, String name, long size) {
        Api.Res r = owner.post("/catalog/imports", map("kind", kind, "fileName", name, "size", size));
        assertEquals(201, r.status(), r::toString);
        JsonNode j = r.json();
        assertEquals("awaiting_upload", j.get("state").asText());
        assertEquals("PUT", j.get("upload").get("method").asText());
        return j;
    }

    static int upload(JsonNode started, byte[] file) throws Exception {
        URI url = URI.create(started.get("upload").get("url").asText());
        return HTTP.send(HttpRequest.newBuilder(url).PUT(HttpRequest.BodyPublishers.ofByteArray(file)).build(),
                HttpResponse.BodyHandlers.ofString()).statusCode();
    }

    /**
     * Polls until the import is done or failed. Progress never goes back; the deadline (two minutes without any
     * progress) only keeps a broken run from hanging the suite on a loaded machine.
     */
    static JsonNode await(Api owner, String importId) throws InterruptedException {
        long stall = 120_000_000_000L;
        long deadline = System.nanoTime() + stall;
        int seen = -1;
        while (true) {
            Api.Res r = owner.get("/catalog/imports/" + importId + "?limit=100");
            assertEquals(200, r.status(), r::toString);
            String state = r.json().get("state").asText();
            int processed = r.json().get("processed").asInt();
            assertTrue(processed >= seen, () -> "progress went back: " + r);
            if (processed > seen) {
                seen = processed;
                deadline = System.nanoTime() + stall;
            }
            if (state.equals("done") || state.equals("failed")) return r.json();
            if (System.nanoTime() > deadline) throw new AssertionError("import made no progress for two minutes: " + r);
            Thread.sleep(100);
        }
    }

    static byte[] utf8Bom(String text) {
        ByteArrayOutputStream b = new ByteArrayOutputStream();
        b.writeBytes(new byte[] {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF});
        b.writeBytes(text.getBytes(StandardCharsets.UTF_8));
        return b.toByteArray();
    }

    static JsonNode row(JsonNode imp, int row) {
        for (JsonNode i : imp.get("report").get("items")) if (i.get("row").asInt() == row) return i;
        throw new AssertionError("no report for row " + row + ": " + imp);
    }

    @Test
    void productsWithAWrongCheckDigit_aDuplicate_andAnUnknownCategory_areReportedByRow_theRestImported() throws Exception {
        String a = Catalog.newGtin13(), b = Catalog.newGtin13(), c = Catalog.newGtin13();
        String wrong = a.substring(0, 12) + ((a.charAt(12) - '0' + 1) % 10);
        String csv = "gtin,name,brand,category,unit,spec,shelfLifeDays,status\r\n"
                + a + ",\"农夫山泉, 550ml\",农夫山泉,饮料,瓶,550ml,365,active\r\n"
                + wrong + ",坏条码,,饮料,瓶,,,\r\n"
                + b + ",可乐,可口可乐,饮料,瓶,330ml,,\r\n"
                + "0" + a + ",重复,,饮料,瓶,,,\r\n"
                + c + ",薯片,,不存在的分类,袋,,,\r\n"
                + Catalog.newGtin13() + ",,,,瓶,,,\r\n";
        JsonNode imp = importFile(T.owner(), "products", utf8Bom(csv));
        assertEquals("done", imp.get("state").asText(), imp::toString);
        assertEquals("UTF-8", imp.get("encoding").asText());
        assertEquals(6, imp.get("total").asInt());
        assertEquals(6, imp.get("processed").asInt());
        assertEquals(2, imp.get("created").asInt());
        assertEquals(4, imp.get("refused").asInt());
        JsonNode bad = row(imp, 3);
        assertEquals("gtin", bad.get("column").asText());
        assertEquals("gtin.check_digit", bad.get("code").asText());
        assertEquals(wrong, bad.get("value").asText());
        assertTrue(bad.get("words").get("zh-CN").asText().contains("校验位"), bad::toString);
        assertTrue(bad.get("words").get("en").asText().contains("check digit"), bad::toString);
        JsonNode dup = row(imp, 5);
        assertEquals("import.row.duplicate", dup.get("code").asText());
        assertEquals("2", dup.get("facts").get("firstRow").asText(), "the GTIN-14 form of row 2's GTIN-13 is the same article");
        assertEquals("category.not_found", row(imp, 6).get("code").asText());
        assertEquals("name", row(imp, 7).get("column").asText());
        assertEquals("import.row.required", row(imp, 7).get("code").asText());
        JsonNode p = T.owner().get("/products/" + a).json();
        assertEquals("农夫山泉, 550ml", p.get("name").asText(), "a quoted cell keeps its comma");
        assertEquals(DRINKS, p.get("categoryId").asText(), "the category named in the file");
        assertEquals(365, p.get("shelfLifeDays").asInt());
        assertProblem(T.owner().get("/products/" + c), 404);
    }

    @Test
    void theSameFileTwice_changesNothing_andAChangedRowIsUpdated() throws Exception {
        String a = Catalog.newGtin13(), b = Catalog.newGtin13();
        String csv = "条码,品名,品牌,分类,单位,规格,保质期,状态\n" + a + ",绿茶 500ml,康师傅,饮料,瓶,500ml,270,在售\n" + b + ",红茶,,,瓶,,,\n"
                + "12345678,坏行,,,瓶,,,\n";
        byte[] file = csv.getBytes(StandardCharsets.UTF_8);
        JsonNode first = importFile(T.owner(), "products", file);
        assertEquals(2, first.get("created").asInt(), first::toString);
        String updatedAt = T.owner().get("/products/" + a).json().get("updatedAt").asText();
        JsonNode again = importFile(T.owner(), "products", file);
        assertEquals("done", again.get("state").asText());
        assertEquals(0, again.get("created").asInt(), again::toString);
        assertEquals(0, again.get("updated").asInt());
        assertEquals(2, again.get("unchanged").asInt());
        assertEquals(1, again.get("refused").asInt(), "the refused row is refused again, for the same reason");
        assertEquals("gtin.check_digit", row(again, 4).get("code").asText());
        assertEquals(updatedAt, T.owner().get("/products/" + a).json().get("updatedAt").asText(), "an unchanged row writes nothing");

        JsonNode changed = importFile(T.owner(), "products", csv.replace("绿茶 500ml", "绿茶 550ml").getBytes(StandardCharsets.UTF_8));
        assertEquals(1, changed.get("updated").asInt(), changed::toString);
        assertEquals(1, changed.get("unchanged").asInt());
        assertEquals("绿茶 550ml", T.owner().get("/products/" + a).json().get("name").asText());
    }

    @Test
    void gb18030_asChineseExcelSavesIt_roundTripsChineseNames() throws Exception {
        String a = Catalog.newGtin13();
        String name = "统一老坛酸菜牛肉面 𠮷 桶装";
        byte[] file = ("条码,品名,分类,单位,规格\r\n" + a + "," + name + ",饮料,桶,120克\r\n").getBytes(GB18030);
        JsonNode imp = importFile(T.owner(), "products", file);
        assertEquals("done", imp.get("state").asText(), imp::toString);
        assertEquals("GB18030", imp.get("encoding").asText());
        assertEquals(1, imp.get("created").asInt());
        JsonNode p = T.owner().get("/products/" + a).json();
        assertEquals(name, p.get("name").asText());
        assertEquals("桶", p.get("unit").asText());
        assertEquals("120克", p.get("spec").asText());
    }

    @Test
    void aFileInNeitherEncoding_orWithoutTheRequiredColumns_failsAsAWhole_andWritesNothing() throws Exception {
        String a = Catalog.newGtin13();
        byte[] utf16 = ("gtin,name,unit\n" + a + ",x,瓶\n").getBytes(StandardCharsets.UTF_16);
        JsonNode imp = importFile(T.owner(), "products", utf16);
        assertEquals("failed", imp.get("state").asText(), imp::toString);
        assertEquals("import.encoding", imp.get("failure").get("code").asText());
        assertTrue(imp.get("failure").get("words").get("zh-CN").asText().contains("GB18030"));
        byte[] junk = {'g', 't', 'i', 'n', '\n', (byte) 0x81, (byte) 0x20, (byte) 0xFF, (byte) 0xFF};
        assertEquals("import.encoding", importFile(T.owner(), "products", junk).get("failure").get("code").asText());
        JsonNode header = importFile(T.owner(), "products", ("gtin,name,colour\n" + a + ",x,red\n").getBytes(StandardCharsets.UTF_8));
        assertEquals("import.header", header.get("failure").get("code").asText(), header::toString);
        assertEquals("colour", header.get("failure").get("facts").get("column").asText());
        JsonNode missing = importFile(T.owner(), "products", ("gtin,name\n" + a + ",x\n").getBytes(StandardCharsets.UTF_8));
        assertEquals("unit", missing.get("failure").get("facts").get("column").asText());
        assertEquals("import.empty", importFile(T.owner(), "products", "gtin,name,unit\n\n".getBytes(StandardCharsets.UTF_8))
                .get("failure").get("code").asText());
        assertProblem(T.owner().get("/products/" + a), 404);
    }

    @Test
    void aFileOver50MB_isRefused413_andAnUploadOfAnotherLengthThanDeclared_isRefusedByTheStorage() throws Exception {
        long max = 50L * 1024 * 1024;
        JsonNode p = assertProblem(T.owner().post("/catalog/imports", map("kind", "products", "fileName", "big.csv", "size", max + 1)), 413);
        assertEquals("import.too_large", p.get("code").asText());
        assertEquals(201, T.owner().post("/catalog/imports", map("kind", "products", "fileName", "big.csv", "size", max)).status());
        JsonNode started = start(T.owner(), "products", "x.csv", 100);
        assertEquals(403, upload(started, new byte[101]), "the URL is signed for exactly the declared size");
        assertEquals("awaiting_upload", T.owner().get("/catalog/imports/" + started.get("importId").asText()).json().get("state").asText());
    }

    @Test
    void badStarts_otherTenants_andStaff_areRefused() {
        assertFieldErrors(T.owner().post("/catalog/imports", map("kind", "stock", "fileName", "", "size", 0)), "kind", "fileName", "size");
        assertFieldErrors(T.owner().post("/catalog/imports", map("kind", "products", "fileName", "a.csv", "size", 10, "tenantId", "t")), "tenantId");
        String id = T.owner().post("/catalog/imports", map("kind", "products", "fileName", "a.csv", "size", 10)).json().get("importId").asText();
        assertProblem(OTHER.owner().get("/catalog/imports/" + id), 404);
        assertProblem(T.owner().get("/catalog/imports/imp_0000000000000000"), 404);
        assertProblem(T.owner().get("/catalog/imports/nope"), 404);
        assertProblem(T.staff(T.storeIds().get(0)).post("/catalog/imports", map("kind", "products", "fileName", "a.csv", "size", 10)), 403);
        assertProblem(T.staff(T.storeIds().get(0)).get("/catalog/imports/" + id), 403);
    }

    @Test
    void prices_tenantWideAndPerStore_inYuan_withTheirRowRefusals_andTwiceChangesNothing() throws Exception {
        String a = Catalog.product(T.owner(), DRINKS, "矿泉水");
        String b = Catalog.product(T.owner(), DRINKS, "苏打水");
        String store = T.storeIds().get(0);
        String a13 = a.substring(1);
        String csv = "gtin,store,price,promoPrice,promoFrom,promoTo\n"
                + a13 + ",,2.00,,,\n"
                + a13 + "," + store + ",¥1.80,1.50,2026-01-01 08:00,2099-01-01 00:00\n"
                + b + ",,3.5,,,\n"
                + Catalog.newGtin13() + ",,1,,,\n"
                + b + ",st_nope,1,,,\n"
                + b + "," + store + ",1.234,,,\n"
                + b + "," + store + ",2,1,2026-02-01 00:00,2026-01-01 00:00\n"
                + a + ",,9.99,,,\n";
        byte[] file = csv.getBytes(StandardCharsets.UTF_8);
        JsonNode imp = importFile(T.owner(), "prices", file);
        assertEquals("done", imp.get("state").asText(), imp::toString);
        assertEquals(3, imp.get("updated").asInt(), imp::toString);
        assertEquals(5, imp.get("refused").asInt());
        assertEquals("product.not_found", row(imp, 5).get("code").asText());
        assertEquals("store.not_found", row(imp, 6).get("code").asText());
        assertEquals("import.row.money", row(imp, 7).get("code").asText());
        assertEquals("price.promo_window_backwards", row(imp, 8).get("code").asText());
        assertEquals("import.row.duplicate", row(imp, 9).get("code").asText());
        assertEquals(200, T.owner().get("/prices/" + a).json().get("price").asLong());
        JsonNode inStore = T.owner().get("/stores/" + store + "/prices/" + a).json();
        assertEquals(150, inStore.get("price").asLong(), inStore::toString);
        assertEquals(350, T.owner().get("/stores/" + store + "/prices/" + b).json().get("price").asLong(), "the store inherits the tenant's price");
        int history = T.owner().get("/prices/" + a + "/history").json().get("items").size();

        JsonNode again = importFile(T.owner(), "prices", file);
        assertEquals(0, again.get("updated").asInt(), again::toString);
        assertEquals(3, again.get("unchanged").asInt());
        assertEquals(history, T.owner().get("/prices/" + a + "/history").json().get("items").size(), "no new price history");
    }

    @Test
    void tenThousandRows_runInTheBackground_toTheEnd_withAReportPagedByRow() throws Exception {
        Fixtures.TenantFixture t = Fixtures.newTenant("premium", 1);
        StringBuilder csv = new StringBuilder("gtin,name,unit\n");
        List<String> gtins = new ArrayList<>();
        for (int i = 0; i < 10_000; i++) {
            String g = Catalog.newGtin13();
            gtins.add(g);
            csv.append(i % 1000 == 999 ? "12345678" : g).append(",商品 ").append(i).append(",个\n");
        }
        byte[] file = csv.toString().getBytes(StandardCharsets.UTF_8);
        JsonNode started = start(t.owner(), "products", "big.csv", file.length);
        assertEquals(200, upload(started, file));
        String id = started.get("importId").asText();
        JsonNode imp = await(t.owner(), id);
        assertEquals("done", imp.get("state").asText(), imp::toString);
        assertEquals(10_000, imp.get("total").asInt());
        assertEquals(10_000, imp.get("processed").asInt());
        int refused = imp.get("refused").asInt();
        assertEquals(10, refused, "every thousandth row has a wrong check digit");
        assertEquals(10_000 - refused - imp.get("created").asInt(), 0, "GTINs drawn twice would be duplicates: " + imp);
        assertNotNull(t.owner().get("/products/" + gtins.get(0)).json().get("name"));
        JsonNode page1 = t.owner().get("/catalog/imports/" + id + "?limit=4").json().get("report");
        assertEquals(4, page1.get("items").size());
        assertEquals(1001, page1.get("items").get(0).get("row").asInt(), "row 1 is the header; data row 1000 is file row 1001");
        String cursor = page1.get("nextCursor").asText();
        JsonNode page2 = t.owner().get("/catalog/imports/" + id + "?limit=10&cursor=" + java.net.URLEncoder.encode(cursor, StandardCharsets.UTF_8))
                .json().get("report");
        assertEquals(6, page2.get("items").size());
        assertEquals(5001, page2.get("items").get(0).get("row").asInt());
        assertTrue(page2.get("nextCursor").isNull());
    }
}
