package com.zhidian.apitests.catalog;

import static com.zhidian.apitests.support.Api.map;
import static com.zhidian.apitests.support.Problems.assertFieldErrors;
import static com.zhidian.apitests.support.Problems.assertProblem;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.zhidian.apitests.support.Api;
import com.zhidian.apitests.support.Fixtures;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import org.junit.jupiter.api.Test;

class PricesApiTest {
    private static final Fixtures.TenantFixture T = Fixtures.newTenant("premium", 2);
    private static final Fixtures.TenantFixture OTHER = Fixtures.newTenant("basic", 1);
    private static final String CAT = Catalog.category(T.owner(), "饮料");
    private static final String S1 = T.storeIds().get(0);
    private static final String S2 = T.storeIds().get(1);

    @Test
    void storesInheritTheTenantPrice_untilTheySetTheirOwn_andEveryReadAgrees() {
        String g = Catalog.product(T.owner(), CAT, "矿泉水");
        assertProblem(T.owner().get("/stores/" + S1 + "/prices/" + g), 404);
        assertEquals(200, T.owner().put("/prices/" + g, map("price", 200)).status());
        JsonNode p1 = T.owner().get("/stores/" + S1 + "/prices/" + g).json();
        assertEquals(200, p1.get("price").asLong());
        assertEquals("tenant", p1.get("source").asText());
        assertEquals("CNY", p1.get("currency").asText());
        Api.Res own = T.owner().put("/stores/" + S2 + "/prices/" + g, map("price", 250));
        assertEquals(200, own.status(), own::toString);
        assertEquals(250, T.owner().get("/stores/" + S2 + "/prices/" + g).json().get("price").asLong());
        assertEquals("store", T.owner().get("/stores/" + S2 + "/prices/" + g).json().get("source").asText());
        assertEquals(200, T.owner().get("/stores/" + S1 + "/prices/" + g).json().get("price").asLong(), "S1 still inherits");
        // the list, the single read and the scanner give the same answer
        JsonNode row = row(T.owner().get("/stores/" + S2 + "/prices?limit=200").json(), g);
        assertEquals(250, row.path("price").path("price").asLong());
        JsonNode scan = T.owner().get("/stores/" + S2 + "/scan/" + g.substring(1)).json();
        assertEquals(250, scan.path("price").path("price").asLong());
        assertEquals(250, scan.path("amount").asLong());
    }

    @Test
    void promotionWindow_andScheduledChange_answerByTime() {
        String g = Catalog.product(T.owner(), CAT, "牛奶");
        OffsetDateTime now = OffsetDateTime.now(ZoneOffset.ofHours(8)).truncatedTo(ChronoUnit.SECONDS);
        assertEquals(200, T.owner().put("/stores/" + S1 + "/prices/" + g, map("price", 500, "promoPrice", 399,
                "promoFrom", now.minusHours(1).toString(), "promoTo", now.plusDays(2).toString())).status());
        JsonNode p = T.owner().get("/stores/" + S1 + "/prices/" + g).json();
        assertEquals(399, p.get("price").asLong());
        assertTrue(p.get("promo").asBoolean());
        assertEquals(500, p.get("regularPrice").asLong());
        String later = now.plusDays(3).toString().replace("+", "%2B");
        assertEquals(500, T.owner().get("/stores/" + S1 + "/prices/" + g + "?at=" + later).json().get("price").asLong(), "after the promotion");
        // a change scheduled ahead
        assertEquals(200, T.owner().put("/stores/" + S1 + "/prices/" + g, map("price", 550, "effectiveAt", now.plusDays(5).toString())).status());
        assertEquals(399, T.owner().get("/stores/" + S1 + "/prices/" + g).json().get("price").asLong(), "not yet");
        assertEquals(550, T.owner().get("/stores/" + S1 + "/prices/" + g).json().path("next").path("price").asLong(), "shown as next");
        String after = now.plusDays(6).toString().replace("+", "%2B");
        assertEquals(550, T.owner().get("/stores/" + S1 + "/prices/" + g + "?at=" + after).json().get("price").asLong());
        assertEquals(550, row(T.owner().get("/stores/" + S1 + "/prices?limit=200&at=" + after).json(), g).path("price").path("price").asLong());
    }

    @Test
    void badPrices_areRefused_withoutAWrite() {
        String g = Catalog.product(T.owner(), CAT, "果汁");
        String path = "/stores/" + S1 + "/prices/" + g;
        assertFieldErrors(T.owner().put(path, map("price", -1)), "price");
        assertFieldErrors(T.owner().put(path, map("price", 1.5)), "price");
        assertFieldErrors(T.owner().put(path, map("price", "100")), "price");
        assertFieldErrors(T.owner().put(path, map("price", 100, "effectiveAt", "tomorrow")), "effectiveAt");
        OffsetDateTime now = OffsetDateTime.now(ZoneOffset.UTC);
        JsonNode back = assertProblem(T.owner().put(path, map("price", 100, "promoPrice", 80, "promoFrom", now.plusDays(2).toString(),
                "promoTo", now.plusDays(1).toString())), 422);
        assertEquals("price.promo_window_backwards", back.get("code").asText());
        assertEquals("price.promo_incomplete", assertProblem(T.owner().put(path, map("price", 100, "promoPrice", 80)), 422).get("code").asText());
        for (int promo : new int[] {100, 120}) {   // a promotion lowers the price
            assertEquals("price.promo_not_below", assertProblem(T.owner().put(path, map("price", 100, "promoPrice", promo,
                    "promoFrom", now.toString(), "promoTo", now.plusDays(1).toString())), 422).get("code").asText());
        }
        assertEquals("store.not_found", assertProblem(T.owner().put("/stores/st_nope/prices/" + g, map("price", 1)), 404).get("code").asText());
        assertProblem(T.owner().put("/stores/" + S1 + "/prices/" + Catalog.newGtin13(), map("price", 1)), 404);
        assertProblem(OTHER.owner().put("/stores/" + OTHER.storeIds().get(0) + "/prices/" + g, map("price", 1)), 404);
        assertProblem(OTHER.owner().put(path, map("price", 1)), 404);
        // staff set their own store's prices (approvals), not another store's: 404, nothing written
        assertProblem(T.staff(S2).put(path, map("price", 1)), 404);
        assertProblem(T.owner().get(path), 404);
        assertEquals(0, T.owner().get("/prices/" + g + "/history").json().get("items").size(), "nothing was written");
    }

    @Test
    void history_keepsWhoWhenOldAndNew_andFlagsBelowCost() {
        String g = Catalog.product(T.owner(), CAT, "啤酒");
        assertEquals(201, T.owner().post("/stores/" + S1 + "/stock/" + g + "/receipts", map("quantity", 10, "cost", 300, "reference", "DN-9")).status());
        JsonNode first = T.owner().put("/stores/" + S1 + "/prices/" + g, map("price", 450)).json();
        assertFalse(first.get("belowCost").asBoolean());
        JsonNode second = T.owner().put("/stores/" + S1 + "/prices/" + g, map("price", 280)).json();
        assertTrue(second.get("belowCost").asBoolean(), "below the receipt cost of 300: allowed, flagged");
        JsonNode h = T.owner().get("/prices/" + g + "/history").json().get("items");
        assertEquals(2, h.size());
        assertEquals(280, h.get(0).get("newPrice").asLong());
        assertEquals(450, h.get(0).get("oldPrice").asLong());
        assertTrue(h.get(0).get("belowCost").asBoolean());
        assertEquals(T.ownerEmail(), h.get(0).get("by").asText());
        assertTrue(h.get(1).get("oldPrice").isNull());
    }

    private static JsonNode row(JsonNode page, String gtin) {
        for (JsonNode r : page.get("items")) if (r.path("product").path("gtin").asText().equals(gtin)) return r;
        throw new AssertionError(gtin + " not in " + page);
    }
}
