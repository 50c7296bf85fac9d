package com.zhidian.apitests.tenants;

import static com.zhidian.apitests.support.Api.map;
import static com.zhidian.apitests.support.Problems.assertFieldErrors;
import static com.zhidian.apitests.support.Problems.assertProblem;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.zhidian.apitests.support.Api;
import com.zhidian.apitests.support.Fixtures;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** A provider onboards a retailer in one call; the owner logs in, must change the password, sees the stores. */
class OnboardingTest {

    @Test
    void onboarding_createsTenantStoresAndOwnerLogin_ownerMustChangePasswordThenSeesStores() {
        String email = Fixtures.uniqueEmail("owner");
        Api.Res r = Fixtures.provider().post("/admin/tenants", Fixtures.onboardingBody("好邻居便利", "standard", email, 2));
        assertEquals(201, r.status(), r::toString);
        JsonNode t = r.json();
        assertTrue(t.get("tenantId").asText().startsWith("tn_"));
        assertEquals("active", t.get("status").asText());
        assertEquals("Asia/Shanghai", t.get("timeZone").asText());
        assertEquals(2, t.get("stores").size());
        String temp = t.get("owner").get("temporaryPassword").asText();
        assertTrue(temp.length() >= 8);

        String token = Fixtures.firstLogin(email, temp);
        Api owner = Fixtures.anonymous().as(token);
        Api.Res stores = owner.get("/stores");
        assertEquals(200, stores.status(), stores::toString);
        assertEquals(2, stores.json().get("items").size());
        assertEquals("好邻居便利 店1", stores.json().get("items").findValuesAsText("name").stream().sorted().findFirst().orElseThrow());
        // the temporary password no longer works once changed
        Api.Res old = Fixtures.anonymous().post("/local/auth/login", map("username", email, "password", temp));
        assertEquals(401, old.status(), old::toString);
    }

    @Test
    void sameIdempotencyKey_returnsFirstAnswer_andCreatesOneTenant() {
        String key = UUID.randomUUID().toString();
        Object body = Fixtures.onboardingBody("重试便利", "basic", Fixtures.uniqueEmail("owner"), 1);
        Api.Res first = Fixtures.provider().post("/admin/tenants", body, key);
        Api.Res second = Fixtures.provider().post("/admin/tenants", body, key);
        assertEquals(201, first.status(), first::toString);
        assertEquals(201, second.status(), second::toString);
        assertEquals(first.json(), second.json());
        assertEquals("true", second.header("Idempotent-Replayed"));
    }

    @Test
    void sameIdempotencyKey_withAnotherBody_is422() {
        String key = UUID.randomUUID().toString();
        Fixtures.provider().post("/admin/tenants", Fixtures.onboardingBody("甲", "basic", Fixtures.uniqueEmail("o"), 1), key);
        Api.Res r = Fixtures.provider().post("/admin/tenants", Fixtures.onboardingBody("乙", "basic", Fixtures.uniqueEmail("o"), 1), key);
        assertProblem(r, 422);
    }

    @Test
    void ownerEmailTaken_is409_andNothingIsWritten() {
        String email = Fixtures.uniqueEmail("dup");
        assertEquals(201, Fixtures.provider().post("/admin/tenants", Fixtures.onboardingBody("一号", "basic", email, 1)).status());
        int before = countTenants();
        Api.Res r = Fixtures.provider().post("/admin/tenants", Fixtures.onboardingBody("二号", "basic", email, 1));
        assertProblem(r, 409);
        assertEquals(before, countTenants());
    }

    @Test
    void invalidBodies_are400_naming_each_field() {
        Api p = Fixtures.provider();
        assertFieldErrors(p.post("/admin/tenants", map()), "name", "plan", "owner", "stores");
        assertFieldErrors(p.post("/admin/tenants", map("name", "x", "plan", "gold",
                "owner", map("name", "a", "email", "not-an-email", "phone", "12345"),
                "stores", List.of(map("name", "s", "format", "kiosk", "address", "")))),
                "plan", "owner.email", "owner.phone", "stores[0].format", "stores[0].address");
        assertFieldErrors(p.post("/admin/tenants", map("name", 42, "plan", "basic", "owner", "me", "stores", List.of())),
                "name", "owner", "stores");
        assertFieldErrors(p.post("/admin/tenants", map("name", "x", "plan", "basic", "timeZone", "Mars/Olympus",
                "owner", map("name", "a", "email", "a@b.cn", "phone", "13800000000"),
                "stores", List.of(map("name", "s", "format", "convenience", "address", "a")))), "timeZone");
    }

    @Test
    void privilegedOrUnknownFields_areRefused_notApplied() {
        Map<String, Object> body = map("name", "x", "plan", "basic", "tenantId", "tn_chosen_by_me", "status", "active",
                "owner", map("name", "a", "email", Fixtures.uniqueEmail("o"), "phone", "13800000000", "role", "provider_admin"),
                "stores", List.of(map("name", "s", "format", "convenience", "address", "a")));
        assertFieldErrors(Fixtures.provider().post("/admin/tenants", body), "tenantId", "status", "owner.role");
    }

    @Test
    void malformedJson_is400_andWrongContentType_is415() {
        Api p = Fixtures.provider();
        assertProblem(p.send("POST", "/admin/tenants", "{\"name\": ", null, "application/json"), 400);
        assertProblem(p.send("POST", "/admin/tenants", "[1,2]", null, "application/json"), 400);
        assertProblem(p.send("POST", "/admin/tenants", "name=x", null, "application/x-www-form-urlencoded"), 415);
    }

    @Test
    void onlyProviderAdmins_mayOnboard() {
        Fixtures.TenantFixture t = Fixtures.newTenant("basic", 1);
        assertProblem(t.owner().post("/admin/tenants", Fixtures.onboardingBody("x", "basic", Fixtures.uniqueEmail("o"), 1)), 403);
        assertProblem(t.owner().get("/admin/tenants"), 403);
        assertEquals(401, Fixtures.anonymous().get("/admin/tenants").status());
    }

    private static int countTenants() {
        int n = 0;
        String cursor = null;
        do {
            Api.Res r = Fixtures.provider().get("/admin/tenants?limit=200" + (cursor == null ? "" : "&cursor=" + cursor));
            assertEquals(200, r.status(), r::toString);
            n += r.json().get("items").size();
            cursor = r.json().get("nextCursor").isNull() ? null : r.json().get("nextCursor").asText();
            assertNotNull(r.json().get("items"));
        } while (cursor != null);
        return n;
    }
}
