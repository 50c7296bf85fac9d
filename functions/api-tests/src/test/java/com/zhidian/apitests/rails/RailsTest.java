package com.zhidian.apitests.rails;

import static com.zhidian.apitests.support.Api.map;
import static com.zhidian.apitests.support.Problems.assertProblem;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.zhidian.apitests.support.Api;
import com.zhidian.apitests.support.Fixtures;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;

/** The rails every route rides on, seen through HTTP. */
class RailsTest {

    @Test
    void noToken_or_badToken_is401() {
        assertEquals(401, Fixtures.anonymous().get("/stores").status());
        assertEquals(401, Fixtures.anonymous().as("not.a.jwt").get("/stores").status());
    }

    @Test
    void unknownRoute_is404() {
        Fixtures.TenantFixture t = Fixtures.newTenant("basic", 1);
        // the $default route's problem (NoRouteTest has its words and languages)
        assertEquals("route.not_found", assertProblem(t.owner().get("/no/such/route"), 404).path("code").asText());
    }

    @Test
    void bodyOverTheLimit_is413_andNothingIsWritten() {
        Fixtures.TenantFixture t = Fixtures.newTenant("basic", 1);
        String huge = "店".repeat(100_000);
        assertProblem(t.owner().post("/stores", map("name", huge, "format", "convenience", "address", "x")), 413);
        assertEquals(1, t.owner().get("/stores").json().get("items").size());
    }

    @Test
    void idempotencyStorm_oneEffect_identicalAnswers() throws Exception {
        Fixtures.TenantFixture t = Fixtures.newTenant("standard", 1);
        String key = UUID.randomUUID().toString();
        Object body = map("name", "并发店", "format", "convenience", "address", "深圳");
        ExecutorService pool = Executors.newFixedThreadPool(20);
        List<Future<Api.Res>> all = new ArrayList<>();
        for (int i = 0; i < 20; i++) all.add(pool.submit(() -> t.owner().post("/stores", body, key)));
        Set<String> ids = new HashSet<>();
        for (Future<Api.Res> f : all) {
            Api.Res r = f.get();
            assertEquals(201, r.status(), r::toString);
            ids.add(r.json().get("storeId").asText());
        }
        pool.shutdown();
        assertEquals(1, ids.size(), "every answer names the same store");
        assertEquals(2, t.owner().get("/stores").json().get("items").size(), "exactly one store was added");
    }

    @Test
    void oneTenantsFlood_gets429_whileAnotherTenantIsServed() throws Exception {
        Fixtures.TenantFixture flooder = Fixtures.newTenant("basic", 1);
        Fixtures.TenantFixture quiet = Fixtures.newTenant("basic", 1);
        ExecutorService pool = Executors.newFixedThreadPool(16);
        int limited = 0;
        // send in rounds until the plan's burst is spent: how fast that happens depends on the machine
        for (int round = 0; round < 10 && limited == 0; round++) {
            List<Future<Integer>> all = new ArrayList<>();
            for (int i = 0; i < 400; i++) all.add(pool.submit(() -> flooder.owner().get("/stores").status()));
            for (Future<Integer> f : all) {
                int s = f.get();
                assertTrue(s == 200 || s == 429, "only 200 or 429, got " + s);
                if (s == 429) limited++;
            }
        }
        pool.shutdown();
        assertTrue(limited > 0, "a basic tenant's flood is limited");
        Api.Res r = flooder.owner().get("/stores");
        if (r.status() == 429) {
            assertProblem(r, 429);
            assertEquals("1", r.header("Retry-After"));
        }
        assertEquals(200, quiet.owner().get("/stores").status(), "the other tenant is still served");
    }

    @Test
    void dynamoDbDown_is503Problem_noPartialWrite_andRecovers() {
        Fixtures.TenantFixture t = Fixtures.newTenant("basic", 1);
        Api local = Fixtures.anonymous();
        try {
            assertEquals(200, local.post("/local/faults", map("service", "dynamodb", "mode", "down")).status());
            assertProblem(t.owner().post("/stores", map("name", "断电店", "format", "convenience", "address", "x")), 503);
        } finally {
            local.delete("/local/faults");
        }
        assertEquals(1, t.owner().get("/stores").json().get("items").size());
        assertEquals(201, t.owner().post("/stores", map("name", "恢复店", "format", "convenience", "address", "x")).status());
    }

    @Test
    void dynamoDbSlow_stillAnswers() {
        Fixtures.TenantFixture t = Fixtures.newTenant("basic", 1);
        Api local = Fixtures.anonymous();
        try {
            local.post("/local/faults", map("service", "dynamodb", "mode", "slow", "delayMs", 100));
            assertEquals(200, t.owner().get("/stores").status());
        } finally {
            local.delete("/local/faults");
        }
    }

    @Test
    void cognitoDown_loginAndStaffCreationAre503_thenRecover() {
        Fixtures.TenantFixture t = Fixtures.newTenant("basic", 1);
        Api local = Fixtures.anonymous();
        String email = Fixtures.uniqueEmail("late");
        try {
            local.post("/local/faults", map("service", "cognito", "mode", "down"));
            Api.Res r = t.owner().post("/users", map("email", email, "name", "n", "role", "staff", "storeIds", t.storeIds()));
            assertProblem(r, 503);
        } finally {
            local.delete("/local/faults");
        }
        assertEquals(1, t.owner().get("/users").json().get("items").size(), "no staff record without its login");
        assertEquals(201, t.owner().post("/users", map("email", email, "name", "n", "role", "staff", "storeIds", t.storeIds())).status());
    }
}
