package com.zhidian.samplestore;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;
import org.junit.jupiter.api.Test;

/** The sample store loads through the public API, every sample login works, and loading again changes nothing. */
class SampleStoreTest {

    @Test
    void sampleTenant_hasTwoStores_andEverySampleLoginWorks() {
        SampleStoreLoader.Loaded s = SampleLocal.loaded();
        assertTrue(s.createdNow());
        assertTrue(s.tenantId().startsWith("tn_"));
        assertEquals(2, s.storeIds().size());
        Http http = new Http(SampleLocal.local().gatewayUrl());
        for (String user : new String[] {"provider", "owner", "staff1", "staff2"}) {
            Http.Res r = http.call("POST", "/local/auth/login", null,
                    Map.of("username", user + "@sample.zhidian.local", "password", "Zhidian-Local-1"), null);
            assertEquals(200, r.status(), user + ": " + r.body());
            assertNotNull(r.body().get("idToken"), user);
        }
    }

    @Test
    void staff1_seesOnlyTheConvenienceStore() {
        SampleStoreLoader.Loaded s = SampleLocal.loaded();
        Http http = new Http(SampleLocal.local().gatewayUrl());
        String token = http.call("POST", "/local/auth/login", null,
                Map.of("username", "staff1@sample.zhidian.local", "password", "Zhidian-Local-1"), null).body().get("idToken").asText();
        var items = http.call("GET", "/stores", token, null, null).expect(200).body().get("items");
        assertEquals(1, items.size());
        assertEquals(s.storeIds().get(0), items.get(0).get("storeId").asText());
        assertEquals("convenience", items.get(0).get("format").asText());
    }

    @Test
    void loadingAgain_findsEverything_andCreatesNothing() {
        SampleStoreLoader.Loaded first = SampleLocal.loaded();
        SampleStoreLoader.Loaded again = SampleLocal.loader().load();
        assertFalse(again.createdNow());
        assertEquals(first.tenantId(), again.tenantId());
        assertEquals(first.storeIds(), again.storeIds());
        assertEquals(first.memberId(), again.memberId());
        String owner = new Http(SampleLocal.local().gatewayUrl()).call("POST", "/local/auth/login", null,
                Map.of("username", "owner@sample.zhidian.local", "password", "Zhidian-Local-1"), null).body().get("idToken").asText();
        var http = new Http(SampleLocal.local().gatewayUrl());
        assertEquals(2, http.call("GET", "/segments?limit=200", owner, null, null).expect(200).body().get("items").size(), "the sample segments, once");
        var campaigns = http.call("GET", "/campaigns?limit=200", owner, null, null).expect(200).body().get("items");
        assertEquals(1, campaigns.size(), "the sample campaign, once");
        assertEquals("sent", campaigns.get(0).get("status").asText());
    }

    /** The sample supermarket's guide: a drawn map, its categories placed, a product found where it was placed, one event; once. */
    @Test
    void theSampleSupermarketHasAGuide_onceOnly() {
        SampleStoreLoader.Loaded first = SampleLocal.loaded();
        assertNotNull(first.guide());
        SampleStoreLoader.Loaded again = SampleLocal.loader().load();
        assertEquals(first.guide(), again.guide());
        Http http = new Http(SampleLocal.local().gatewayUrl());
        String owner = http.call("POST", "/local/auth/login", null,
                Map.of("username", "owner@sample.zhidian.local", "password", "Zhidian-Local-1"), null).body().get("idToken").asText();
        String store = first.storeIds().get(1);
        var map = http.call("GET", "/stores/" + store + "/map", owner, null, null).expect(200).body();
        assertEquals(1, map.get("version").asInt(), "drawn once");
        assertEquals(8, map.get("zones").size());
        assertEquals(1, http.call("GET", "/stores/" + store + "/guide-events", owner, null, null).expect(200).body().get("items").size());
        String t = java.net.URLEncoder.encode(map.get("guideToken").asText(), java.nio.charset.StandardCharsets.UTF_8);
        var cola = http.call("GET", "/guide/" + store + "/search?gtin=6900000000021&t=" + t, null, null, null).expect(200).body().get("items").get(0);
        assertEquals("snacks", cola.at("/zone/id").asText());
        var water = http.call("GET", "/guide/" + store + "/search?gtin=6900000000014&t=" + t, null, null, null).expect(200).body().get("items").get(0);
        assertEquals("drinks", water.at("/zone/id").asText(), "by its top-level category's placement");
        var home = http.call("GET", "/guide/" + store + "?t=" + t, null, null, null).expect(200).body();
        assertEquals(1, home.get("events").size());
    }
}
