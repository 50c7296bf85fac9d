package com.zhidian.apitests.guide;

import static com.zhidian.apitests.guide.GuideFixture.ok;
import static com.zhidian.apitests.guide.GuideFixture.zone;
import static com.zhidian.apitests.support.Api.map;
import static com.zhidian.apitests.support.Problems.assertFieldErrors;
import static com.zhidian.apitests.support.Problems.assertProblem;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.zhidian.apitests.catalog.Catalog;
import com.zhidian.apitests.support.Api;
import com.zhidian.apitests.support.Fixtures;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;

/**
 * The guide's owner and staff side (issue 25, 智能导购): the map and its rules, optimistic saves, placements of
 * products and categories, events; roles, another tenant and another store.
 */
class GuideApiTest {
    private static final Fixtures.TenantFixture T = Fixtures.newTenant("premium", 2);
    private static final Fixtures.TenantFixture OTHER = Fixtures.newTenant("basic", 1);
    private static final String S1 = T.storeIds().get(0);
    private static final String S2 = T.storeIds().get(1);

    static void problem(Api.Res r, int status, String code) {
        JsonNode p = assertProblem(r, status);
        if (code != null) assertEquals(code, p.path("code").asText(), r::toString);
    }

    private static List<String> codesOf(Api.Res r) {
        List<String> out = new ArrayList<>();
        r.json().path("errors").forEach(e -> out.add(e.path("field").asText() + ":" + e.path("code").asText()));
        return out;
    }

    @Test
    void aStoreWithNothingDrawnHasAnEmptyMap_theOwnerDrawsIt_andStaffReadIt() {
        JsonNode empty = ok(T.owner().get("/stores/" + S1 + "/map"), 200);
        assertEquals(0, empty.get("version").asInt());
        assertEquals(0, empty.get("zones").size());
        assertTrue(empty.get("guideToken").asText().startsWith(T.tenantId() + "."));
        JsonNode saved = GuideFixture.map3(T, S1);
        assertEquals(1, saved.get("version").asInt());
        assertEquals(List.of("entrance", "drinks", "fresh"), saved.get("zones").findValuesAsText("id"));
        JsonNode read = ok(T.staff(S1).get("/stores/" + S1 + "/map"), 200);
        assertEquals(saved.get("zones"), read.get("zones"));
        assertEquals(12, read.get("width").asInt());
        problem(T.staff(S1).put("/stores/" + S1 + "/map", map("width", 4, "height", 4, "version", 1, "zones", List.of())), 403, null);
        problem(T.staff(S1).get("/stores/" + S2 + "/map"), 404, "store.not_found");
        problem(OTHER.owner().get("/stores/" + S1 + "/map"), 404, "store.not_found");
        problem(OTHER.owner().put("/stores/" + S1 + "/map", map("width", 4, "height", 4, "version", 1, "zones", List.of())), 404, "store.not_found");
        assertEquals(1, ok(T.owner().get("/stores/" + S1 + "/map"), 200).get("version").asInt(), "nothing written by the refused saves");
    }

    @Test
    void aMapBreakingTheRulesIsRefused_namingEveryFault_andNothingIsKept() {
        String store = S2;
        Api.Res r = T.owner().put("/stores/" + store + "/map", map("width", 10, "height", 6, "version", 0, "zones", List.of(
                zone("a", "入口", "entrance", 0, 0, 2, 2),
                zone("b", "生鲜", "fresh", 1, 1, 3, 3),        // overlaps a
                zone("c", "冷冻", "frozen", 8, 4, 3, 1),       // past the grid's right edge
                zone("a", " 入口 ", "aisle", 5, 0, 1, 1))));   // id and name taken
        assertFieldErrors(r, "zones[1].cells[0]", "zones[2].cells[0]", "zones[3].id", "zones[3].name");
        assertTrue(codesOf(r).containsAll(List.of("zones[1].cells[0]:overlap", "zones[2].cells[0]:outside_grid", "zones[3].id:duplicate",
                "zones[3].name:duplicate")), codesOf(r)::toString);
        assertFieldErrors(T.owner().put("/stores/" + store + "/map", map("width", 41, "height", 1, "version", -1, "zones", List.of(
                map("id", "x y", "name", "", "kind", "moon", "cells", List.of(map("x", -1, "y", 0, "width", 0, "height", 1, "z", 1)))), "extra", 1)),
                "width", "height", "version", "zones[0].id", "zones[0].name", "zones[0].kind", "zones[0].cells[0].x", "zones[0].cells[0].width",
                "zones[0].cells[0].z", "extra");
        assertFieldErrors(T.owner().put("/stores/" + store + "/map", map()), "width", "height", "version", "zones");
        assertFieldErrors(T.owner().put("/stores/" + store + "/map", map("width", 4, "height", 4, "version", 0, "zones", List.of(
                map("id", "e", "name", "空", "kind", "aisle", "cells", List.of())))), "zones[0].cells");
        problem(T.owner().send("PUT", "/stores/" + store + "/map", "width=4", null, "text/plain"), 415, null);
        assertEquals(0, ok(T.owner().get("/stores/" + store + "/map"), 200).get("version").asInt());
    }

    @Test
    void aSaveOnAStaleVersionIs409_andOfTwoAtOnceExactlyOneWins() throws Exception {
        Fixtures.TenantFixture t = Fixtures.newTenant("basic", 1);
        String s = t.storeIds().get(0);
        GuideFixture.map3(t, s);
        problem(t.owner().put("/stores/" + s + "/map", map("width", 12, "height", 8, "version", 0, "zones", GuideFixture.zones())), 409, "guide.map_stale");
        problem(t.owner().put("/stores/" + s + "/map", map("width", 12, "height", 8, "version", 7, "zones", GuideFixture.zones())), 409, "guide.map_stale");
        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            List<Callable<Api.Res>> saves = new ArrayList<>();
            for (int i = 0; i < 4; i++) {
                int n = i;
                saves.add(() -> t.owner().put("/stores/" + s + "/map", map("width", 12, "height", 8, "version", 1,
                        "zones", List.of(zone("z" + n, "区域" + n, "aisle", n, 0, 1, 1)))));
            }
            List<Integer> statuses = new ArrayList<>();
            for (Future<Api.Res> f : pool.invokeAll(saves)) statuses.add(f.get().status());
            assertEquals(1, statuses.stream().filter(x -> x == 200).count(), statuses::toString);
            assertEquals(3, statuses.stream().filter(x -> x == 409).count(), statuses::toString);
        } finally {
            pool.shutdown();
        }
        JsonNode m = ok(t.owner().get("/stores/" + s + "/map"), 200);
        assertEquals(2, m.get("version").asInt());
        assertEquals(1, m.get("zones").size());
    }

    @Test
    void productsAndCategoriesArePlacedInZones_andListed() {
        Fixtures.TenantFixture t = Fixtures.newTenant("basic", 1);
        String s = t.storeIds().get(0);
        GuideFixture.map3(t, s);
        String cat = Catalog.category(t.owner(), "饮品");
        String gtin = Catalog.product(t.owner(), cat, "乌龙茶");
        JsonNode p = ok(t.staff(s).put("/stores/" + s + "/placements/" + gtin, map("zoneId", "drinks", "shelf", "A3-2")), 200);
        assertEquals("drinks", p.get("zoneId").asText());
        assertEquals("A3-2", p.get("shelf").asText());
        // the GTIN-13 form names the same product
        ok(t.owner().put("/stores/" + s + "/placements/" + gtin.substring(1), map("zoneId", "fresh")), 200);
        ok(t.owner().put("/stores/" + s + "/category-placements/" + cat, map("zoneId", "drinks")), 200);
        JsonNode list = ok(t.owner().get("/stores/" + s + "/placements"), 200);
        assertEquals(1, list.get("items").size());
        assertEquals("乌龙茶", list.at("/items/0/name").asText());
        assertEquals("生鲜区", list.at("/items/0/zoneName").asText());
        assertTrue(list.at("/items/0/shelf").isNull(), "a placement is replaced whole");
        JsonNode cats = ok(t.owner().get("/stores/" + s + "/placements?kind=category"), 200);
        assertEquals("饮品", cats.at("/items/0/name").asText());
        problem(t.owner().get("/stores/" + s + "/placements?kind=shelf"), 400, null);

        assertFieldErrors(t.owner().put("/stores/" + s + "/placements/" + gtin, map("zoneId", "nowhere")), "zoneId");
        assertEquals("guide.zone_not_found", t.owner().put("/stores/" + s + "/placements/" + gtin, map("zoneId", "nowhere")).json().path("code").asText());
        assertFieldErrors(t.owner().put("/stores/" + s + "/placements/" + gtin, map("zoneId", "a b", "shelf", "<script>", "x", 1)), "zoneId", "shelf", "x");
        assertFieldErrors(t.owner().put("/stores/" + s + "/placements/" + gtin, map()), "zoneId");
        problem(t.owner().put("/stores/" + s + "/placements/" + Catalog.newGtin13(), map("zoneId", "drinks")), 404, "guide.product_not_found");
        problem(t.owner().put("/stores/" + s + "/placements/12345", map("zoneId", "drinks")), 404, null);
        problem(t.owner().put("/stores/" + s + "/category-placements/cat_nope", map("zoneId", "drinks")), 404, "category.not_found");

        assertEquals(204, t.owner().delete("/stores/" + s + "/placements/" + gtin).status());
        problem(t.owner().delete("/stores/" + s + "/placements/" + gtin), 404, "guide.placement_not_found");
        assertEquals(204, t.owner().delete("/stores/" + s + "/category-placements/" + cat).status());
        problem(t.owner().delete("/stores/" + s + "/category-placements/" + cat), 404, "guide.placement_not_found");
        // another tenant's store, with its own product
        problem(OTHER.owner().put("/stores/" + s + "/placements/" + gtin, map("zoneId", "drinks")), 404, "store.not_found");
        problem(OTHER.owner().get("/stores/" + s + "/placements"), 404, "store.not_found");
        problem(t.owner().put("/stores/" + OTHER.storeIds().get(0) + "/category-placements/" + cat, map("zoneId", "drinks")), 404, "store.not_found");
    }

    @Test
    void eventsAreAddedChangedListedAndDeleted_withTheirRules() {
        Fixtures.TenantFixture t = Fixtures.newTenant("basic", 1);
        String s = t.storeIds().get(0);
        GuideFixture.map3(t, s);
        Instant now = Instant.now().truncatedTo(ChronoUnit.SECONDS);
        Api.Res made = t.staff(s).post("/stores/" + s + "/guide-events", map("title", "  试吃活动 ", "body", "牛奶免费试饮", "startsAt", now.toString(),
                "endsAt", now.plus(3, ChronoUnit.HOURS).toString(), "zoneId", "fresh"));
        JsonNode e = ok(made, 201);
        assertEquals("试吃活动", e.get("title").asText());
        assertEquals("fresh", e.get("zoneId").asText());
        String id = e.get("eventId").asText();
        JsonNode changed = ok(t.owner().put("/stores/" + s + "/guide-events/" + id, map("title", "会员日", "startsAt", "2026-12-05T09:00:00+08:00",
                "endsAt", "2026-12-05T21:00:00+08:00")), 200);
        assertEquals("2026-12-05T01:00:00Z", changed.get("startsAt").asText());
        assertTrue(changed.get("zoneId").isNull() && changed.get("body").isNull());
        assertEquals("会员日", ok(t.staff(s).get("/stores/" + s + "/guide-events/" + id), 200).get("title").asText());
        assertEquals(1, ok(t.owner().get("/stores/" + s + "/guide-events"), 200).get("items").size());

        assertFieldErrors(t.owner().post("/stores/" + s + "/guide-events", map("title", "", "startsAt", "tomorrow", "endsAt", "2026-12-05T09:00:00",
                "zoneId", "no such", "x", 1)), "title", "startsAt", "endsAt", "zoneId", "x");
        Api.Res backwards = t.owner().post("/stores/" + s + "/guide-events", map("title", "倒序", "startsAt", now.toString(), "endsAt", now.minusSeconds(60).toString()));
        assertFieldErrors(backwards, "endsAt");
        assertEquals(List.of("endsAt:before_start"), codesOf(backwards));
        assertFieldErrors(t.owner().post("/stores/" + s + "/guide-events", map("title", "太长", "startsAt", now.toString(),
                "endsAt", now.plus(121, ChronoUnit.DAYS).toString())), "endsAt");
        assertFieldErrors(t.owner().post("/stores/" + s + "/guide-events", map("title", "无区域", "startsAt", now.toString(),
                "endsAt", now.plus(1, ChronoUnit.DAYS).toString(), "zoneId", "nowhere")), "zoneId");
        assertFieldErrors(t.owner().post("/stores/" + s + "/guide-events", map("title", "x".repeat(61), "body", "y".repeat(501), "startsAt", now.toString(),
                "endsAt", now.plus(1, ChronoUnit.DAYS).toString())), "title", "body");
        assertEquals(1, ok(t.owner().get("/stores/" + s + "/guide-events"), 200).get("items").size(), "nothing kept of the refused events");

        problem(OTHER.owner().get("/stores/" + s + "/guide-events/" + id), 404, "store.not_found");
        problem(OTHER.owner().delete("/stores/" + s + "/guide-events/" + id), 404, "store.not_found");
        problem(t.owner().get("/stores/" + s + "/guide-events/gev_missing"), 404, "guide.event_not_found");
        problem(t.owner().put("/stores/" + s + "/guide-events/gev_missing", map("title", "x", "startsAt", now.toString(),
                "endsAt", now.plusSeconds(60).toString())), 404, "guide.event_not_found");
        assertEquals(204, t.owner().delete("/stores/" + s + "/guide-events/" + id).status());
        problem(t.owner().delete("/stores/" + s + "/guide-events/" + id), 404, "guide.event_not_found");
        assertEquals(0, ok(t.owner().get("/stores/" + s + "/guide-events"), 200).get("items").size());
    }

    @Test
    void aReplayedEventPostWithTheSameKeyMakesOneEvent() {
        Fixtures.TenantFixture t = Fixtures.newTenant("basic", 1);
        String s = t.storeIds().get(0);
        Instant now = Instant.now();
        var body = map("title", "开业", "startsAt", now.toString(), "endsAt", now.plus(1, ChronoUnit.DAYS).toString());
        JsonNode a = ok(t.owner().post("/stores/" + s + "/guide-events", body, "guide-key-1"), 201);
        Api.Res b = t.owner().post("/stores/" + s + "/guide-events", body, "guide-key-1");
        assertEquals(201, b.status());
        assertEquals(a.get("eventId"), b.json().get("eventId"));
        assertEquals(1, ok(t.owner().get("/stores/" + s + "/guide-events"), 200).get("items").size());
    }
}
