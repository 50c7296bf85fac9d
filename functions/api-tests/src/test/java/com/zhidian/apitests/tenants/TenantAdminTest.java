package com.zhidian.apitests.tenants;

import static com.zhidian.apitests.support.Api.map;
import static com.zhidian.apitests.support.Problems.assertFieldErrors;
import static com.zhidian.apitests.support.Problems.assertProblem;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.zhidian.apitests.support.Api;
import com.zhidian.apitests.support.Fixtures;
import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.Test;

class TenantAdminTest {

    @Test
    void list_pagesWithOpaqueCursor_withoutRepeats() {
        for (int i = 0; i < 3; i++) Fixtures.newTenant("basic", 1);
        Set<String> seen = new HashSet<>();
        Api.Res page = Fixtures.provider().get("/admin/tenants?limit=2");
        assertEquals(200, page.status(), page::toString);
        assertEquals(2, page.json().get("items").size());
        String cursor = page.json().get("nextCursor").asText();
        page.json().get("items").forEach(t -> seen.add(t.get("tenantId").asText()));
        Api.Res next = Fixtures.provider().get("/admin/tenants?limit=2&cursor=" + cursor);
        assertEquals(200, next.status(), next::toString);
        next.json().get("items").forEach(t -> assertTrue(seen.add(t.get("tenantId").asText()), "no tenant twice"));
    }

    @Test
    void badListParameters_are400() {
        Api p = Fixtures.provider();
        assertFieldErrors(p.get("/admin/tenants?limit=0"), "limit");
        assertFieldErrors(p.get("/admin/tenants?limit=201"), "limit");
        assertFieldErrors(p.get("/admin/tenants?limit=abc"), "limit");
        Api.Res first = p.get("/admin/tenants?limit=1");
        String cursor = first.json().get("nextCursor").asText();
        String tampered = cursor.substring(0, cursor.length() - 2) + (cursor.endsWith("A") ? "BB" : "AA");
        assertFieldErrors(p.get("/admin/tenants?cursor=" + tampered), "cursor");
        assertFieldErrors(p.get("/admin/tenants?cursor=garbage"), "cursor");
    }

    @Test
    void getTenant_showsStores_andUnknownIs404() {
        Fixtures.TenantFixture t = Fixtures.newTenant("premium", 2);
        Api.Res r = Fixtures.provider().get("/admin/tenants/" + t.tenantId());
        assertEquals(200, r.status(), r::toString);
        assertEquals("premium", r.json().get("plan").asText());
        assertEquals(2, r.json().get("stores").size());
        assertProblem(Fixtures.provider().get("/admin/tenants/tn_doesnotexist"), 404);
        assertProblem(Fixtures.provider().get("/admin/tenants/bad%20id!"), 404);
    }

    @Test
    void suspendedTenant_usersGet403Everywhere_untilResumed() {
        Fixtures.TenantFixture t = Fixtures.newTenant("basic", 1);
        assertEquals(200, t.owner().get("/stores").status());
        Api.Res s = Fixtures.provider().patch("/admin/tenants/" + t.tenantId(), map("status", "suspended"));
        assertEquals(200, s.status(), s::toString);
        assertEquals("suspended", s.json().get("status").asText());
        assertProblem(t.owner().get("/stores"), 403);
        assertProblem(t.owner().post("/stores", map("name", "x", "format", "convenience", "address", "y")), 403);
        assertEquals(200, Fixtures.provider().patch("/admin/tenants/" + t.tenantId(), map("status", "active")).status());
        assertEquals(200, t.owner().get("/stores").status());
    }

    @Test
    void planChange_andBadPatches() {
        Fixtures.TenantFixture t = Fixtures.newTenant("basic", 1);
        Api.Res r = Fixtures.provider().patch("/admin/tenants/" + t.tenantId(), map("plan", "premium"));
        assertEquals("premium", r.json().get("plan").asText());
        assertFieldErrors(Fixtures.provider().patch("/admin/tenants/" + t.tenantId(), map("status", "closed")), "status");
        assertFieldErrors(Fixtures.provider().patch("/admin/tenants/" + t.tenantId(), map("tenantId", "x")), "tenantId");
        assertProblem(Fixtures.provider().patch("/admin/tenants/" + t.tenantId(), map()), 400);
        assertProblem(Fixtures.provider().patch("/admin/tenants/tn_nothere", map("plan", "basic")), 404);
    }

    @Test
    void usage_countsTheMonth() {
        Fixtures.TenantFixture t = Fixtures.newTenant("standard", 2);
        Api.Res r = Fixtures.provider().get("/admin/tenants/" + t.tenantId() + "/usage");
        assertEquals(200, r.status(), r::toString);
        JsonNode u = r.json();
        assertEquals(2, u.get("stores").asInt());
        for (String m : new String[] {"members", "orders", "devices", "messages"}) assertTrue(u.has(m), m);
        assertFieldErrors(Fixtures.provider().get("/admin/tenants/" + t.tenantId() + "/usage?month=2026-13"), "month");
        assertNotEquals(null, u.get("month"));
    }
}
