package com.zhidian.apitests.stores;

import static com.zhidian.apitests.support.Api.map;
import static com.zhidian.apitests.support.Problems.assertFieldErrors;
import static com.zhidian.apitests.support.Problems.assertProblem;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.zhidian.apitests.support.Api;
import com.zhidian.apitests.support.Fixtures;
import java.util.List;
import org.junit.jupiter.api.Test;

class StoresAndStaffTest {

    @Test
    void ownerOpensAStore_andSeesIt() {
        Fixtures.TenantFixture t = Fixtures.newTenant("basic", 1);
        Api.Res r = t.owner().post("/stores", map("name", "第二分店", "format", "supermarket", "address", "杭州市西湖区文三路1号"));
        assertEquals(201, r.status(), r::toString);
        String id = r.json().get("storeId").asText();
        assertEquals("/stores/" + id, r.header("Location"));
        assertEquals("第二分店", t.owner().get("/stores/" + id).json().get("name").asText());
        assertEquals(2, t.owner().get("/stores").json().get("items").size());
    }

    @Test
    void staff_seeOnlyTheirStores_otherStoresAre404() {
        Fixtures.TenantFixture t = Fixtures.newTenant("basic", 2);
        String mine = t.storeIds().get(0);
        String other = t.storeIds().get(1);
        Api staff = t.staff(mine);
        Api.Res list = staff.get("/stores");
        assertEquals(1, list.json().get("items").size());
        assertEquals(mine, list.json().get("items").get(0).get("storeId").asText());
        assertEquals(200, staff.get("/stores/" + mine).status());
        assertProblem(staff.get("/stores/" + other), 404);
        assertProblem(staff.post("/stores", map("name", "x", "format", "convenience", "address", "y")), 403);
        assertProblem(staff.get("/users"), 403);
    }

    @Test
    void anotherTenantsStore_is404_likeAMissingOne() {
        Fixtures.TenantFixture a = Fixtures.newTenant("basic", 1);
        Fixtures.TenantFixture b = Fixtures.newTenant("basic", 1);
        Api.Res foreign = a.owner().get("/stores/" + b.storeIds().get(0));
        Api.Res missing = a.owner().get("/stores/st_doesnotexist");
        assertProblem(foreign, 404);
        assertProblem(missing, 404);
        assertEquals(missing.json().get("title"), foreign.json().get("title"));
    }

    @Test
    void ownerCreatesStaff_withTemporaryPassword_andListsUsers() {
        Fixtures.TenantFixture t = Fixtures.newTenant("basic", 1);
        String email = Fixtures.uniqueEmail("cashier");
        Api.Res r = t.owner().post("/users", map("email", email, "name", "收银员", "role", "staff", "storeIds", t.storeIds()));
        assertEquals(201, r.status(), r::toString);
        assertTrue(r.json().get("temporaryPassword").asText().length() >= 8);
        Api.Res users = t.owner().get("/users");
        assertEquals(2, users.json().get("items").size(), "owner and the new staff member");
        assertProblem(t.owner().post("/users", map("email", email, "name", "again", "role", "staff", "storeIds", t.storeIds())), 409);
    }

    @Test
    void badStaffBodies_are400() {
        Fixtures.TenantFixture t = Fixtures.newTenant("basic", 1);
        Fixtures.TenantFixture other = Fixtures.newTenant("basic", 1);
        assertFieldErrors(t.owner().post("/users", map("email", "x", "name", "", "role", "provider_admin")), "email", "name", "role");
        assertFieldErrors(t.owner().post("/users", map("email", Fixtures.uniqueEmail("s"), "name", "n", "role", "staff")), "storeIds");
        assertFieldErrors(t.owner().post("/users", map("email", Fixtures.uniqueEmail("s"), "name", "n", "role", "staff",
                "storeIds", other.storeIds())), "storeIds");
        assertFieldErrors(t.owner().post("/users", map("email", Fixtures.uniqueEmail("s"), "name", "n", "role", "staff",
                "storeIds", List.of(1, 2))), "storeIds[0]", "storeIds[1]");
        assertFieldErrors(t.owner().post("/users", map("email", Fixtures.uniqueEmail("o"), "name", "n", "role", "owner",
                "storeIds", t.storeIds())), "storeIds");
        assertFieldErrors(t.owner().post("/stores", map("name", "x", "format", "mall", "address", "y", "tenantId", other.tenantId())),
                "format", "tenantId");
    }

    @Test
    void everyChange_isInTheAuditTrail() {
        Fixtures.TenantFixture t = Fixtures.newTenant("basic", 1);
        t.owner().post("/stores", map("name", "审计店", "format", "convenience", "address", "北京"));
        Api.Res audit = t.owner().get("/audit");
        assertEquals(200, audit.status(), audit::toString);
        var first = audit.json().get("items").get(0);
        assertEquals("POST /stores", first.get("action").asText());
        assertEquals(t.ownerEmail(), first.get("actor").asText());
        assertEquals("owner", first.get("role").asText());
        assertTrue(first.hasNonNull("at") && first.hasNonNull("sourceIp"));
    }
}
