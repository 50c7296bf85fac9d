package com.zhidian.apitests.rails;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.zhidian.apitests.support.Fixtures;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/** nextCursor is null exactly when nothing is left: no client is sent for an empty page. */
class ListPagesTest {

    @Test
    void pageThatEndsTheList_hasNoNextCursor() {
        Fixtures.TenantFixture t = Fixtures.newTenant("basic", 2);
        JsonNode all = t.owner().get("/stores?limit=2").json();
        assertEquals(2, all.get("items").size());
        assertTrue(all.get("nextCursor").isNull(), all::toString);

        JsonNode first = t.owner().get("/stores?limit=1").json();
        assertEquals(1, first.get("items").size());
        String cursor = URLEncoder.encode(first.get("nextCursor").asText(), StandardCharsets.UTF_8);
        JsonNode second = t.owner().get("/stores?limit=1&cursor=" + cursor).json();
        assertEquals(1, second.get("items").size());
        assertTrue(second.get("nextCursor").isNull(), second::toString);
        assertTrue(!first.get("items").get(0).equals(second.get("items").get(0)), "the second page holds the other store");
    }

    @Test
    void tenantList_lastPage_hasNoNextCursor() {
        Fixtures.newTenant("basic", 1);
        String cursor = null;
        int pages = 0, seen = 0;
        do {
            JsonNode p = Fixtures.provider().get("/admin/tenants?limit=200" + (cursor == null ? "" : "&cursor=" + URLEncoder.encode(cursor, StandardCharsets.UTF_8))).json();
            pages++;
            seen += p.get("items").size();
            assertTrue(p.get("items").size() > 0, "no page is empty");
            cursor = p.get("nextCursor").isNull() ? null : p.get("nextCursor").asText();
        } while (cursor != null && pages < 100);
        assertTrue(seen >= 1);
    }

    @Test
    void ledgerPageThatEndsTheList_hasNoNextCursor() {
        Fixtures.TenantFixture t = Fixtures.newTenant("basic", 1);
        String id = t.owner().post("/members", com.zhidian.apitests.support.Api.map("phone", Fixtures.uniquePhone(), "name", "李四",
                "storeId", t.storeIds().get(0))).json().get("memberId").asText();
        for (int i = 0; i < 2; i++) {
            t.owner().post("/members/" + id + "/points/adjust", com.zhidian.apitests.support.Api.map("delta", 5, "reason", "x"),
                    java.util.UUID.randomUUID().toString());
        }
        JsonNode page = t.owner().get("/members/" + id + "/points/ledger?limit=2").json();
        assertEquals(2, page.get("items").size());
        assertTrue(page.get("nextCursor").isNull(), page::toString);
    }
}
