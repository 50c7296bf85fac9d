package com.zhidian.apitests.stores;

import static com.zhidian.apitests.support.Api.map;
import static com.zhidian.apitests.support.Problems.assertFieldErrors;
import static com.zhidian.apitests.support.Problems.assertProblem;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.zhidian.apitests.support.Api;
import com.zhidian.apitests.support.Fixtures;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Issue 24: the owner edits and closes stores, disables / re-enables staff, resets a password, changes a staff member's stores, filters the audit log. */
class OwnerAdminTest {

    private static JsonNode created(Api.Res r) {
        assertEquals(201, r.status(), r::toString);
        return r.json();
    }

    @Test
    void theOwnerEditsAStore_andClosesAndReopensIt() {
        Fixtures.TenantFixture t = Fixtures.newTenant("basic", 2);
        String store = t.storeIds().get(0);
        assertEquals("open", t.owner().get("/stores/" + store).json().get("status").asText());
        Api.Res r = t.owner().patch("/stores/" + store, map("name", "一号店（新）", "address", "上海市静安区南京西路 1 号"));
        assertEquals(200, r.status(), r::toString);
        assertEquals("一号店（新）", t.owner().get("/stores/" + store).json().get("name").asText());
        assertEquals("closed", t.owner().patch("/stores/" + store, map("status", "closed")).json().get("status").asText());
        assertEquals("closed", t.owner().get("/stores/" + store).json().get("status").asText());
        assertEquals("open", t.owner().patch("/stores/" + store, map("status", "open")).json().get("status").asText());
        // bad input, other tenants, staff
        assertFieldErrors(t.owner().patch("/stores/" + store, map("status", "gone")), "status");
        assertFieldErrors(t.owner().patch("/stores/" + store, map("name", "")), "name");
        assertFieldErrors(t.owner().patch("/stores/" + store, map("timeZone", "+08:00")), "timeZone");
        assertFieldErrors(t.owner().patch("/stores/" + store, map("storeId", "st_x")), "storeId");
        assertProblem(t.owner().patch("/stores/" + store, map()), 400);
        Fixtures.TenantFixture other = Fixtures.newTenant("basic", 1);
        assertProblem(other.owner().patch("/stores/" + store, map("name", "x")), 404);
        assertProblem(t.staff(store).patch("/stores/" + store, map("name", "x")), 403);
        assertEquals("一号店（新）", t.owner().get("/stores/" + store).json().get("name").asText(), "no partial write");
    }

    @Test
    void aDisabledStaffLogin_cannotSignIn_untilReEnabled_andAResetPasswordMustBeChanged() {
        Fixtures.TenantFixture t = Fixtures.newTenant("basic", 2);
        String email = Fixtures.uniqueEmail("staff");
        JsonNode staff = created(t.owner().post("/users", map("email", email, "name", "王店员", "role", "staff", "storeIds", List.of(t.storeIds().get(0)))));
        String userId = staff.get("userId").asText();
        Fixtures.firstLogin(email, staff.get("temporaryPassword").asText());

        Api.Res off = t.owner().patch("/users/" + userId, map("status", "disabled"));
        assertEquals(200, off.status(), off::toString);
        assertEquals("disabled", off.json().get("status").asText());
        Api.Res login = Fixtures.anonymous().post("/local/auth/login", map("username", email, "password", Fixtures.NEW_PASSWORD));
        assertTrue(login.status() >= 400, () -> "a disabled login cannot sign in: " + login);
        JsonNode listed = null;
        for (JsonNode u : t.owner().get("/users?limit=200").json().get("items")) if (u.get("userId").asText().equals(userId)) listed = u;
        assertEquals("disabled", listed.get("status").asText());

        assertEquals("enabled", t.owner().patch("/users/" + userId, map("status", "enabled")).json().get("status").asText());
        Fixtures.login(email, Fixtures.NEW_PASSWORD);

        Api.Res reset = t.owner().post("/users/" + userId + "/password-reset", map());
        assertEquals(200, reset.status(), reset::toString);
        String temporary = reset.json().get("temporaryPassword").asText();
        assertTrue(temporary.length() >= 8);
        Fixtures.firstLogin(email, temporary); // the new-password challenge again
    }

    @Test
    void theOwnerChangesAStaffMembersStores_andTheNewTokenCarriesThem() {
        Fixtures.TenantFixture t = Fixtures.newTenant("basic", 2);
        String a = t.storeIds().get(0), b = t.storeIds().get(1);
        String email = Fixtures.uniqueEmail("staff");
        JsonNode staff = created(t.owner().post("/users", map("email", email, "name", "赵店员", "role", "staff", "storeIds", List.of(a))));
        String userId = staff.get("userId").asText();
        Api before = t.owner().as(Fixtures.firstLogin(email, staff.get("temporaryPassword").asText()));
        assertProblem(before.get("/stores/" + b), 404);
        Api.Res r = t.owner().patch("/users/" + userId, map("storeIds", List.of(b)));
        assertEquals(200, r.status(), r::toString);
        assertEquals(List.of(b), List.of(r.json().get("storeIds").get(0).asText()));
        Api after = t.owner().as(Fixtures.login(email, Fixtures.NEW_PASSWORD));
        assertEquals(200, after.get("/stores/" + b).status());
        assertProblem(after.get("/stores/" + a), 404);
        assertFieldErrors(t.owner().patch("/users/" + userId, map("storeIds", List.of())), "storeIds");
        assertFieldErrors(t.owner().patch("/users/" + userId, map("storeIds", List.of("st_nothere"))), "storeIds");
        assertFieldErrors(t.owner().patch("/users/" + userId, map("status", "gone")), "status");
        assertFieldErrors(t.owner().patch("/users/" + userId, map("role", "owner")), "role");
    }

    @Test
    void refusals_ownSelf_owners_otherTenants() {
        Fixtures.TenantFixture t = Fixtures.newTenant("basic", 1);
        String ownerId = null;
        for (JsonNode u : t.owner().get("/users?limit=200").json().get("items")) if (u.get("role").asText().equals("owner")) ownerId = u.get("userId").asText();
        Api.Res self = t.owner().patch("/users/" + ownerId, map("status", "disabled"));
        assertProblem(self, 409);
        assertEquals("staff.cannot_disable_self", self.json().get("code").asText());
        Api.Res ownerStores = t.owner().patch("/users/" + ownerId, map("storeIds", List.of(t.storeIds().get(0))));
        assertFieldErrors(ownerStores, "storeIds");
        Fixtures.TenantFixture other = Fixtures.newTenant("basic", 1);
        assertProblem(other.owner().patch("/users/" + ownerId, map("status", "disabled")), 404);
        assertProblem(other.owner().post("/users/" + ownerId + "/password-reset", map()), 404);
        assertProblem(t.owner().post("/users/u_nobody/password-reset", map()), 404);
        assertProblem(t.staff(t.storeIds().get(0)).post("/users/" + ownerId + "/password-reset", map()), 403);
    }

    @Test
    void theAuditLog_filtersByTimeActorAndAction() {
        Fixtures.TenantFixture t = Fixtures.newTenant("basic", 1);
        String store = t.storeIds().get(0);
        Instant start = Instant.now().minus(1, ChronoUnit.SECONDS);
        t.owner().patch("/stores/" + store, map("name", "审计测试店"));
        created(t.owner().post("/stores", map("name", "二号店", "format", "convenience", "address", "上海")));
        Api.Res patches = t.owner().get("/audit?limit=200&action=PATCH&from=" + start);
        assertEquals(200, patches.status(), patches::toString);
        assertTrue(patches.json().get("items").size() >= 1);
        for (JsonNode e : patches.json().get("items")) assertTrue(e.get("action").asText().startsWith("PATCH"), e::toString);
        Api.Res byActor = t.owner().get("/audit?limit=200&actor=" + t.ownerEmail().substring(0, 12));
        assertTrue(byActor.json().get("items").size() >= 2, byActor::toString);
        Api.Res future = t.owner().get("/audit?from=" + Instant.now().plus(1, ChronoUnit.DAYS));
        assertEquals(0, future.json().get("items").size());
        Api.Res past = t.owner().get("/audit?to=" + start.minus(1, ChronoUnit.DAYS));
        assertEquals(0, past.json().get("items").size());
        assertFieldErrors(t.owner().get("/audit?from=yesterday"), "from");
        assertFieldErrors(t.owner().get("/audit?from=2026-12-02T00:00:00Z&to=2026-12-01T00:00:00Z"), "to");
    }
}
