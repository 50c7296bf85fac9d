package com.zhidian.apitests.devices;

import static com.zhidian.apitests.support.Api.map;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.zhidian.apitests.catalog.Catalog;
import com.zhidian.apitests.support.Api;
import com.zhidian.apitests.support.Fixtures;
import com.zhidian.core.aws.AwsClients;
import com.zhidian.devices.application.DevicesComposition;
import com.zhidian.devices.application.LabelService;
import com.zhidian.iot.Connections;
import com.zhidian.iot.DeviceConfig;
import com.zhidian.iot.ShelfLabel;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.Map;
import java.util.function.Predicate;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;

/**
 * A scheduled price and a promotion reach the shelf label at their time with nobody touching anything (issue 20): the
 * price versions are written now through the catalog's API; the minute sweep ({@code EslSweepFunction}'s
 * {@link LabelService#sweep}, here with an injected clock that jumps to each instant) finds the label on its sparse due
 * index and pushes what is in force then; a simulated SDK label shows it. Before its time the label shows the old
 * price; after it the new one; the promotion's start and end switch it again. Waits are bounded; nothing is timed.
 */
class ScheduledLabelPricesTest {
    private static final Fixtures.TenantFixture T = Fixtures.newTenant("premium", 1);
    private static final String S = T.storeIds().get(0);
    private static final Connections CONNECTIONS = new Connections(1);

    static final class Moving extends Clock {
        volatile Instant now = Instant.now();

        @Override public java.time.ZoneId getZone() { return ZoneOffset.UTC; }
        @Override public Clock withZone(java.time.ZoneId z) { return this; }
        @Override public Instant instant() { return now; }
    }

    @AfterAll
    static void closeConnections() {
        CONNECTIONS.close();
    }

    @Test
    void theLabelShowsTheOldPriceBefore_theNewAfter_thePromotionWhileItRuns_andThePriceAgainAfterIt() throws Exception {
        String gtin = Catalog.product(T.owner(), Catalog.category(T.owner(), "乳品"), "鲜牛奶 1L");
        put(gtin, map("price", 1200));
        Instant t0 = Instant.now().truncatedTo(ChronoUnit.SECONDS);
        Instant at = t0.plus(Duration.ofDays(1));
        Instant promoFrom = t0.plus(Duration.ofDays(2));
        Instant promoTo = t0.plus(Duration.ofDays(3));
        put(gtin, map("price", 990, "effectiveAt", at.toString(), "promoPrice", 790, "promoFrom", promoFrom.toString(),
                "promoTo", promoTo.toString()));

        Api.Res r = T.owner().post("/stores/" + S + "/devices", map("kind", "esl", "name", "价签 鲜奶", "gtin", gtin));
        assertEquals(201, r.status(), r::toString);
        JsonNode reg = r.json();
        String id = reg.get("deviceId").asText();
        Moving clock = new Moving();
        LabelService sweep = DevicesComposition.labels(AwsClients.dynamo(), clock);
        try (ShelfLabel label = new ShelfLabel(DeviceConfig.local("esl", reg.get("thingName").asText(), T.tenantId(), S, id,
                reg.at("/mqtt/host").asText(), reg.at("/mqtt/port").asInt(), reg.at("/credentials/password").asText()), CONNECTIONS)) {
            label.start();
            await(id, n -> synced(n) && n.path("shownPrice").asLong() == 1200);

            // a second before its time: the sweep leaves the label as it is
            clock.now = at.minusSeconds(1);
            sweep.sweep(500);
            JsonNode d = await(id, ScheduledLabelPricesTest::synced);
            assertEquals(1200, d.get("shownPrice").asLong());
            assertEquals(1200, d.get("wantedPrice").asLong());
            assertEquals(1200L, label.shown().get("price"));
            assertTrue(label.shown().get("next") instanceof Map<?, ?> n && ((Number) n.get("price")).longValue() == 990,
                    "the label holds the next price ahead: " + label.shown());

            // its time comes: the new price, no promotion yet
            clock.now = at.plusSeconds(1);
            sweep.sweep(500);
            d = await(id, n -> synced(n) && n.path("shownPrice").asLong() == 990);
            assertEquals(990, d.get("wantedPrice").asLong());
            assertEquals(false, label.shown().get("promotion"));
            assertEquals(false, label.shown().get("next"));

            // the promotion starts
            clock.now = promoFrom.plusSeconds(1);
            sweep.sweep(500);
            await(id, n -> synced(n) && n.path("shownPrice").asLong() == 790);
            assertEquals(990L, label.shown().get("price"), "the regular price stays on the label beside the promotion's");

            // the promotion ends: the regular price returns
            clock.now = promoTo.plusSeconds(1);
            sweep.sweep(500);
            d = await(id, n -> synced(n) && n.path("shownPrice").asLong() == 990);
            assertEquals(990, d.get("wantedPrice").asLong());
            assertEquals(false, label.shown().get("promotion"));
        }
    }

    /**
     * A price change pushes a synced label with no write of its own (docs/decisions.md, "ESL bulk pushes: one check item
     * per batch"): the sweep still finds it through the check item, retries it while it stays behind, shows it failed
     * after three looks, and the check item is gone; when the label comes back it catches up.
     */
    @Test
    void aLabelBehindAfterAPriceChangeIsFoundThroughTheCheckItem_retried_thenFailed_andCatchesUp() throws Throwable {
        String gtin = Catalog.product(T.owner(), Catalog.category(T.owner(), "零食"), "海苔 50g");
        put(gtin, map("price", 1500));
        Api.Res r = T.owner().post("/stores/" + S + "/devices", map("kind", "esl", "name", "价签 海苔", "gtin", gtin));
        assertEquals(201, r.status(), r::toString);
        JsonNode reg = r.json();
        String id = reg.get("deviceId").asText();
        DeviceConfig config = DeviceConfig.local("esl", reg.get("thingName").asText(), T.tenantId(), S, id,
                reg.at("/mqtt/host").asText(), reg.at("/mqtt/port").asInt(), reg.at("/credentials/password").asText());
        try (ShelfLabel label = new ShelfLabel(config, CONNECTIONS)) {
            label.start();
            await(id, n -> synced(n) && n.path("shownPrice").asLong() == 1500);
        }
        com.zhidian.apitests.support.Local.instance().scheduler().runNow("EslSweepFunction");   // the bound push checked: off the list
        put(gtin, map("price", 1400));                      // the label is offline now
        await(id, n -> n.path("wantedPrice").asLong() == 1400 && "pending".equals(n.path("sync").asText()));
        // the check item is written once every label of the batch is pushed (or the minute's sweep took it already)
        for (int i = 0; i < 50 && checkItems() == 0; i++) Thread.sleep(100);
        for (int i = 0; i < 3; i++) com.zhidian.apitests.support.Local.instance().scheduler().runNow("EslSweepFunction");
        await(id, n -> "failed".equals(n.path("sync").asText()));
        assertEquals(0, checkItems(), "the sweep took the check item off the list");
        try (ShelfLabel label = new ShelfLabel(config, CONNECTIONS)) {
            label.start();
            await(id, n -> synced(n) && n.path("shownPrice").asLong() == 1400);
        }
    }

    private static int checkItems() {
        return AwsClients.dynamo().query(b -> b.tableName(com.zhidian.apitests.support.Local.instance().tableName())
                .keyConditionExpression("pk = :pk").expressionAttributeValues(Map.of(":pk",
                        software.amazon.awssdk.services.dynamodb.model.AttributeValue.fromS("T#" + T.tenantId() + "#ESLCHECK")))).count();
    }

    private static void put(String gtin, Object body) {
        Api.Res r = T.owner().put("/stores/" + S + "/prices/" + gtin, body);
        assertEquals(200, r.status(), r::toString);
    }

    private static boolean synced(JsonNode n) {
        return "synced".equals(n.path("sync").asText(null));
    }

    /** The device as the owner's list shows it, once {@code until} holds (at most 20 s). */
    private static JsonNode await(String deviceId, Predicate<JsonNode> until) throws InterruptedException {
        JsonNode last = null;
        for (int i = 0; i < 200; i++) {
            Api.Res list = T.owner().get("/stores/" + S + "/devices");
            assertEquals(200, list.status(), list::toString);
            for (JsonNode n : list.json().get("items")) {
                if (n.get("deviceId").asText().equals(deviceId)) last = n;
            }
            if (last != null && until.test(last)) return last;
            Thread.sleep(100);
        }
        throw new AssertionError("device " + deviceId + " never got there; last seen: " + last);
    }
}
