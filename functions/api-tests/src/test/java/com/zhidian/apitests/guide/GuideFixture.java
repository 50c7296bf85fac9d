package com.zhidian.apitests.guide;

import static com.zhidian.apitests.support.Api.map;

import com.fasterxml.jackson.databind.JsonNode;
import com.zhidian.apitests.support.Api;
import com.zhidian.apitests.support.Fixtures;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;

/** A store's guide made through the public API: a map of three zones, placements, events, and the public link. */
public final class GuideFixture {
    private GuideFixture() {}

    public static Map<String, Object> zone(String id, String name, String kind, int x, int y, int w, int h) {
        return map("id", id, "name", name, "kind", kind, "cells", List.of(map("x", x, "y", y, "width", w, "height", h)));
    }

    /** Entrance (0,0 2×1), 饮料 aisle (2,0 3×4), 生鲜 (6,0 4×2) on a 12 × 8 grid. */
    public static List<Object> zones() {
        return List.of(zone("entrance", "入口", "entrance", 0, 0, 2, 1), zone("drinks", "饮料区", "aisle", 2, 0, 3, 4),
                zone("fresh", "生鲜区", "fresh", 6, 0, 4, 2));
    }

    /** Saves the three-zone map on a store that has none yet; answers the saved map. */
    public static JsonNode map3(Fixtures.TenantFixture t, String storeId) {
        JsonNode now = ok(t.owner().get("/stores/" + storeId + "/map"), 200);
        return ok(t.owner().put("/stores/" + storeId + "/map", map("width", 12, "height", 8, "version", now.get("version").asLong(), "zones", zones())), 200);
    }

    public static JsonNode event(Fixtures.TenantFixture t, String storeId, String title) {
        Instant now = Instant.now();
        return ok(t.owner().post("/stores/" + storeId + "/guide-events", map("title", title, "body", "欢迎品尝",
                "startsAt", now.minus(1, ChronoUnit.HOURS).toString(), "endsAt", now.plus(2, ChronoUnit.HOURS).toString())), 201);
    }

    /** The store's guide token (from the map). */
    public static String token(Fixtures.TenantFixture t, String storeId) {
        return ok(t.owner().get("/stores/" + storeId + "/map"), 200).get("guideToken").asText();
    }

    public static Api.Res home(String storeId, String token) {
        return Fixtures.anonymous().get("/guide/" + storeId + "?t=" + enc(token));
    }

    public static Api.Res search(String storeId, String token, String query) {
        return Fixtures.anonymous().get("/guide/" + storeId + "/search?t=" + enc(token) + "&" + query);
    }

    public static String enc(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8);
    }

    public static JsonNode ok(Api.Res r, int status) {
        if (r.status() != status) throw new AssertionError("expected " + status + ": " + r);
        return r.text() == null || r.text().isEmpty() ? null : r.json();
    }
    /** The probe's event: the store gets the three-zone map first when it has none. */
    public static String probeEvent(Fixtures.TenantFixture t, String storeId) {
        if (ok(t.owner().get("/stores/" + storeId + "/map"), 200).get("version").asLong() == 0) map3(t, storeId);
        return event(t, storeId, "探测活动").get("eventId").asText();
    }

    /** A second event and two product and two category placements: every guide list has a next page at limit=1. */
    public static void secondPages(Fixtures.TenantFixture t, String storeId) {
        if (ok(t.owner().get("/stores/" + storeId + "/map"), 200).get("version").asLong() == 0) map3(t, storeId);
        event(t, storeId, "第二个活动");
        for (int i = 0; i < 2; i++) {
            String cat = com.zhidian.apitests.catalog.Catalog.category(t.owner(), "分页" + i);
            String gtin = com.zhidian.apitests.catalog.Catalog.product(t.owner(), cat, "分页商品" + i);
            ok(t.owner().put("/stores/" + storeId + "/placements/" + gtin, map("zoneId", "drinks")), 200);
            ok(t.owner().put("/stores/" + storeId + "/category-placements/" + cat, map("zoneId", "fresh")), 200);
        }
    }
}
