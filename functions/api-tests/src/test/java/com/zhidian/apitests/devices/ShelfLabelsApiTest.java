package com.zhidian.apitests.devices;

import static com.zhidian.apitests.support.Api.map;
import static com.zhidian.apitests.support.Problems.assertFieldErrors;
import static com.zhidian.apitests.support.Problems.assertProblem;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.zhidian.apitests.catalog.Catalog;
import com.zhidian.apitests.support.Api;
import com.zhidian.apitests.support.Fixtures;
import com.zhidian.apitests.support.Local;
import com.zhidian.iot.Connections;
import com.zhidian.iot.DeviceConfig;
import com.zhidian.iot.ShelfLabel;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;

/**
 * Shelf labels that follow the price (issue 20): a price written through the catalog's API reaches the label's
 * {@code esl} shadow through the price outbox and the table's stream, a simulated label on the AWS IoT Device SDK v2
 * ({@link ShelfLabel}) shows it and reports its hash, and the device list turns {@code synced}. Waits are bounded
 * (20 s) and assert nothing about speed.
 */
class ShelfLabelsApiTest {
    private static final Fixtures.TenantFixture T = Fixtures.newTenant("premium", 2);
    private static final Fixtures.TenantFixture OTHER = Fixtures.newTenant("basic", 1);
    private static final String S1 = T.storeIds().get(0);
    private static final String S2 = T.storeIds().get(1);
    private static final Connections CONNECTIONS = new Connections(1);

    @AfterAll
    static void closeConnections() {
        CONNECTIONS.close();
    }

    private static String product(String name) {
        return Catalog.product(T.owner(), Catalog.category(T.owner(), "饮料"), name);
    }

    private static JsonNode register(String store, String gtin, String name) {
        Api.Res r = T.owner().post("/stores/" + store + "/devices", map("kind", "esl", "name", name, "gtin", gtin));
        assertEquals(201, r.status(), r::toString);
        return r.json();
    }

    private static ShelfLabel connect(JsonNode registered, String store) throws Exception {
        ShelfLabel label = new ShelfLabel(DeviceConfig.local("esl", registered.get("thingName").asText(), T.tenantId(), store,
                registered.get("deviceId").asText(), registered.at("/mqtt/host").asText(), registered.at("/mqtt/port").asInt(),
                registered.at("/credentials/password").asText()), CONNECTIONS);
        label.start();
        return label;
    }

    private static void setPrice(String store, String gtin, Object body) {
        Api.Res r = T.owner().put(store == null ? "/prices/" + gtin : "/stores/" + store + "/prices/" + gtin, body);
        assertEquals(200, r.status(), r::toString);
    }

    @Test
    void aPriceChangeReachesTheLabel_whichReportsIt_andTheListShowsSynced() throws Exception {
        String gtin = product("可乐 330ml");
        setPrice(S1, gtin, map("price", 350));
        JsonNode reg = register(S1, gtin, "价签 A1");
        String id = reg.get("deviceId").asText();
        try (ShelfLabel label = connect(reg, S1)) {
            JsonNode d = await(S1, id, n -> "synced".equals(text(n, "sync")) && n.path("shownPrice").asLong() == 350);
            assertEquals(350, d.get("wantedPrice").asLong());
            assertEquals("可乐 330ml", label.shown().get("name"));
            assertEquals(ShelfLabel.FIRMWARE, d.get("firmware").asText(), "firmware and battery as the label reports them");
            assertTrue(d.get("battery").asInt() >= 1 && d.get("battery").asInt() <= 100, d::toString);

            setPrice(S1, gtin, map("price", 390));
            d = await(S1, id, n -> n.path("wantedPrice").asLong() == 390 && "synced".equals(text(n, "sync")));
            assertEquals(390, d.get("shownPrice").asLong());
            assertEquals(390L, label.shown().get("price"));

            // a promotion running now: the label shows its price and end; the wanted price is what the customer pays
            Instant from = Instant.now().minus(1, ChronoUnit.HOURS).truncatedTo(ChronoUnit.SECONDS);
            Instant to = from.plus(3, ChronoUnit.DAYS);
            setPrice(S1, gtin, map("price", 390, "promoPrice", 299, "promoFrom", from.toString(), "promoTo", to.toString()));
            d = await(S1, id, n -> n.path("shownPrice").asLong() == 299 && "synced".equals(text(n, "sync")));
            assertEquals(299, d.get("wantedPrice").asLong());
            assertEquals(Map.of("price", 299L, "endsAt", to.toString()), label.shown().get("promotion"));
        }
    }

    @Test
    void theLabelShowsTheUnitPriceOfWhatTheCustomerPays_fromTheProductsSpec() throws Exception {
        String g = Catalog.newGtin13();
        Api.Res p = T.owner().post("/products", map("gtin", g, "name", "绿茶", "unit", "瓶", "spec", "500ml",
                "categoryId", Catalog.category(T.owner(), "饮料")));
        assertEquals(201, p.status(), p::toString);
        String gtin = p.json().get("gtin").asText();
        setPrice(S1, gtin, map("price", 300));
        JsonNode reg = register(S1, gtin, "价签 U1");
        String id = reg.get("deviceId").asText();
        try (ShelfLabel label = connect(reg, S1)) {
            JsonNode d = await(S1, id, n -> "synced".equals(text(n, "sync")) && n.path("shownPrice").asLong() == 300);
            assertEquals(60, d.at("/unitPrice/price").asLong(), d::toString);
            assertEquals("100ml", d.at("/unitPrice/per").asText());
            assertEquals(Map.of("price", 60L, "per", "100ml"), label.shown().get("unitPrice"), "the label shows it and its hash covers it");

            Instant from = Instant.now().minus(1, ChronoUnit.HOURS).truncatedTo(ChronoUnit.SECONDS);
            setPrice(S1, gtin, map("price", 300, "promoPrice", 250, "promoFrom", from.toString(),
                    "promoTo", from.plus(2, ChronoUnit.DAYS).toString()));
            d = await(S1, id, n -> "synced".equals(text(n, "sync")) && n.path("shownPrice").asLong() == 250);
            assertEquals(50, d.at("/unitPrice/price").asLong(), "the promotion's price per 100 ml");
            assertEquals("绿茶 500ml ¥2.50 (¥3.00) ¥0.50/100ml", com.zhidian.iot.LabelRendering.text(label.shown()));
        }
        // a product whose spec names no weight or volume: no unit price
        String plain = product("纸巾");
        setPrice(S1, plain, map("price", 990));
        JsonNode other = register(S1, plain, "价签 U2");
        JsonNode d = await(S1, other.get("deviceId").asText(), n -> n.path("wantedPrice").asLong() == 990);
        assertTrue(d.get("unitPrice").isNull(), d::toString);
    }

    @Test
    void aLabelOfflineDuringAChangeCatchesUpWhenItReconnects() throws Exception {
        String gtin = product("雪碧 500ml");
        setPrice(S1, gtin, map("price", 400));
        JsonNode reg = register(S1, gtin, "价签 B2");
        String id = reg.get("deviceId").asText();
        try (ShelfLabel label = connect(reg, S1)) {
            await(S1, id, n -> "synced".equals(text(n, "sync")) && n.path("shownPrice").asLong() == 400);
        }
        setPrice(S1, gtin, map("price", 450));
        JsonNode behind = await(S1, id, n -> n.path("wantedPrice").asLong() == 450);
        assertEquals("pending", behind.get("sync").asText());
        assertEquals(400, behind.get("shownPrice").asLong(), "it shows the old price while away");
        try (ShelfLabel label = connect(reg, S1)) {
            await(S1, id, n -> "synced".equals(text(n, "sync")) && n.path("shownPrice").asLong() == 450);
            assertEquals(450L, label.shown().get("price"));
        }
    }

    @Test
    void aTenantWidePriceReachesLabelsInEveryStore_unlessTheStoreHasItsOwn() {
        String gtin = product("矿泉水 550ml");
        String a = register(S1, gtin, "价签 C1").get("deviceId").asText();
        String b = register(S2, gtin, "价签 C2").get("deviceId").asText();
        setPrice(S2, gtin, map("price", 180));
        setPrice(null, gtin, map("price", 200));
        await(S1, a, n -> n.path("wantedPrice").asLong() == 200);
        await(S2, b, n -> n.path("wantedPrice").asLong() == 180);
        assertEquals(180, await(S2, b, n -> true).get("wantedPrice").asLong(), "the store's own price wins over the tenant's");
    }

    @Test
    void aScheduledPriceGoesAheadOfTime_andTheSweepSwitchesItWhenItsTimeComes() throws Throwable {
        String gtin = product("牛奶 1L");
        setPrice(S1, gtin, map("price", 1200));
        JsonNode reg = register(S1, gtin, "价签 D1");
        String id = reg.get("deviceId").asText();
        Instant at = Instant.now().plusSeconds(2).truncatedTo(ChronoUnit.SECONDS).plusSeconds(1);
        setPrice(S1, gtin, map("price", 990, "effectiveAt", at.toString()));
        try (ShelfLabel label = connect(reg, S1)) {
            await(S1, id, n -> "synced".equals(text(n, "sync")) && n.path("shownPrice").asLong() == 1200);
            Map<?, ?> next = (Map<?, ?>) label.shown().get("next");
            assertEquals(990L, next.get("price"), "the label holds the next price ahead");
            assertEquals(at.toString(), next.get("at"));
            while (!Instant.now().isAfter(at)) Thread.sleep(100);
            Local.instance().scheduler().runNow("EslSweepFunction");
            JsonNode d = await(S1, id, n -> "synced".equals(text(n, "sync")) && n.path("shownPrice").asLong() == 990);
            assertEquals(990, d.get("wantedPrice").asLong());
            assertEquals(false, label.shown().get("next"));
        }
    }

    @Test
    void aLabelThatStaysBehindIsRetried_thenFailed_andAnOwnerRepushes() throws Throwable {
        String gtin = product("面包");
        setPrice(S1, gtin, map("price", 800));
        JsonNode reg = register(S1, gtin, "价签 E1");   // never connects
        String id = reg.get("deviceId").asText();
        assertEquals("pending", await(S1, id, n -> n.path("wantedPrice").asLong() == 800).get("sync").asText());
        for (int i = 0; i < 3; i++) Local.instance().scheduler().runNow("EslSweepFunction");
        await(S1, id, n -> "failed".equals(text(n, "sync")));

        Api.Res again = T.owner().post("/stores/" + S1 + "/devices/" + id + "/push", map());
        assertEquals(200, again.status(), again::toString);
        assertEquals("pending", again.json().get("sync").asText(), "a re-push starts the count again");
        try (ShelfLabel label = connect(reg, S1)) {
            await(S1, id, n -> "synced".equals(text(n, "sync")) && n.path("shownPrice").asLong() == 800);
        }
    }

    @Test
    void staffMakeTheLabelsOfAPickListFlash_andTheLabelReportsItsAcknowledgement() throws Exception {
        String gtin = product("饼干");
        String other = product("薯片");
        setPrice(S1, gtin, map("price", 600));
        JsonNode reg = register(S1, gtin, "价签 F1");
        String id = reg.get("deviceId").asText();
        try (ShelfLabel label = connect(reg, S1)) {
            await(S1, id, n -> "synced".equals(text(n, "sync")));
            Api.Res r = T.staff(S1).post("/stores/" + S1 + "/labels/flash", map("gtins", List.of(gtin.substring(1), other), "minutes", 10));
            assertEquals(200, r.status(), r::toString);
            String requestId = r.json().get("requestId").asText();
            assertEquals(1, r.json().get("deviceIds").size(), r::toString);
            assertEquals(id, r.json().get("deviceIds").get(0).asText());
            assertEquals(other, r.json().get("unmatched").get(0).asText(), "no label shows that product");
            await(S1, id, n -> requestId.equals(n.at("/flash/requestId").asText()) && "synced".equals(text(n, "sync")));
            assertTrue(waitUntil(() -> label.acknowledgeFlash(Instant.now())), "the label shows the flash");
            JsonNode acked = await(S1, id, n -> n.at("/flash/acknowledgedAt").isTextual());
            assertEquals(requestId, acked.at("/flash/requestId").asText());
        }
    }

    @Test
    void badInputOnTheLabelRoutes() {
        String gtin = product("酸奶");
        String label = register(S1, gtin, "价签 G1").get("deviceId").asText();
        String flash = "/stores/" + S1 + "/labels/flash";
        assertFieldErrors(T.owner().post(flash, map()), "gtins");
        assertFieldErrors(T.owner().post(flash, map("gtins", List.of())), "gtins");
        assertFieldErrors(T.owner().post(flash, map("gtins", "6901234567892")), "gtins");
        assertFieldErrors(T.owner().post(flash, map("gtins", List.of("12ab"))), "gtins[0]");
        String wrongCheck = gtin.substring(0, 13) + (char) ('0' + (gtin.charAt(13) - '0' + 1) % 10);
        assertFieldErrors(T.owner().post(flash, map("gtins", List.of(wrongCheck))), "gtins");
        assertFieldErrors(T.owner().post(flash, map("gtins", List.of(gtin), "minutes", 0)), "minutes");
        assertFieldErrors(T.owner().post(flash, map("gtins", List.of(gtin), "colour", "red")), "colour");
        assertProblem(OTHER.owner().post(flash, map("gtins", List.of(gtin))), 404);
        assertEquals("product.not_found", assertProblem(OTHER.owner().post("/stores/" + OTHER.storeIds().get(0) + "/labels/flash",
                map("gtins", List.of(gtin))), 404).get("code").asText(), "another tenant's product is unknown");
        assertProblem(T.staff(S1).post("/stores/" + S2 + "/labels/flash", map("gtins", List.of(gtin))), 404);

        String locker = T.owner().post("/stores/" + S1 + "/devices", map("kind", "locker", "name", "柜")).json().get("deviceId").asText();
        assertEquals("device.not_a_bound_label", assertProblem(T.owner().post("/stores/" + S1 + "/devices/" + locker + "/push", map()), 409)
                .get("code").asText());
        assertProblem(T.owner().post("/stores/" + S1 + "/devices/dv_nosuchdevice/push", map()), 404);
        assertProblem(T.owner().post("/stores/" + S2 + "/devices/" + label + "/push", map()), 404);
        assertProblem(T.staff(S1).post("/stores/" + S1 + "/devices/" + label + "/push", map()), 403);
        assertProblem(OTHER.owner().post("/stores/" + OTHER.storeIds().get(0) + "/devices/" + label + "/push", map()), 404);
    }

    private static String text(JsonNode n, String field) {
        return n.path(field).asText(null);
    }

    /** The device as the owner's list shows it, once {@code until} holds (at most 20 s). */
    private static JsonNode await(String store, String deviceId, Predicate<JsonNode> until) {
        JsonNode last = null;
        for (int i = 0; i < 200; i++) {
            Api.Res list = T.owner().get("/stores/" + store + "/devices");
            assertEquals(200, list.status(), list::toString);
            for (JsonNode n : list.json().get("items")) {
                if (n.get("deviceId").asText().equals(deviceId)) last = n;
            }
            if (last != null && until.test(last)) return last;
            sleep();
        }
        throw new AssertionError("device " + deviceId + " never got there; last seen: " + last);
    }

    private static boolean waitUntil(java.util.function.BooleanSupplier condition) {
        for (int i = 0; i < 200; i++) {
            if (condition.getAsBoolean()) return true;
            sleep();
        }
        return false;
    }

    private static void sleep() {
        try {
            Thread.sleep(100);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        }
    }
}
