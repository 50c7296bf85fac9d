package com.zhidian.apitests.reliability;

import static com.zhidian.apitests.support.Api.map;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.zhidian.apitests.security.Calls;
import com.zhidian.apitests.security.Samples;
import com.zhidian.apitests.security.Snapshots;
import com.zhidian.apitests.security.SpecOps;
import com.zhidian.apitests.security.World;
import com.zhidian.apitests.security.World.Party;
import com.zhidian.apitests.support.Api;
import com.zhidian.apitests.support.Fixtures;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Stand-ins stopped or slowed on command ({@code POST /local/faults}): every operation of the spec answers a clear
 * 503 problem (never a 500, never a hang), nothing is half written, and everything works again once the service
 * returns. Extends RailsTest (one route per fault there) to every operation and to the compensating paths of
 * onboarding, member enrolment and points.
 */
class FaultsTest {
    private static final Api LOCAL = Fixtures.anonymous();

    @AfterEach
    void clearFaults() {
        LOCAL.delete("/local/faults");
    }

    private static void fault(String service, String mode, int delayMs) {
        Api.Res r = LOCAL.post("/local/faults", map("service", service, "mode", mode, "delayMs", delayMs));
        assertEquals(200, r.status(), r::toString);
    }

    /** A tenant with one object of every registry type and a caller for every role. */
    private record Scene(World.Objects objects, Party[] parties) {
        static Scene create() {
            Fixtures.TenantFixture t = Fixtures.newTenant("premium", 2);
            World.Objects o = World.make(t, t.storeIds().get(0));
            Party owner = new Party("owner", "owner", t.owner(), t, null);
            Party staff = new Party("staff", "staff", t.staff(t.storeIds().get(0)), t, t.storeIds().get(0));
            Party customer = World.customerOf("customer", o);
            Party provider = new Party("provider", "provider_admin", Fixtures.provider(), null, null);
            return new Scene(o, new Party[] {owner, staff, customer, provider});
        }

        Map<String, String> path() { return new LinkedHashMap<>(objects.ids()); }
    }

    /**
     * What each read answers with every stand-in healthy: after a fault a read must answer the same (200 for most; a
     * 404 for, say, the pickup code of an order that is in no locker), not merely 200.
     */
    private static Map<String, Integer> readStatuses(Map<String, Api.Res> answers) {
        Map<String, Integer> out = new LinkedHashMap<>();
        answers.forEach((op, r) -> { if (op.startsWith("GET ") && r.status() < 500) out.put(op, r.status()); });
        return out;
    }

    /** Every operation once, in parallel, as the first role it admits, with a valid body. */
    private static Map<String, Api.Res> everyOperation(Scene s, boolean includeDeletes) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(8);
        Map<String, Future<Api.Res>> futures = new LinkedHashMap<>();
        for (SpecOps.Op op : SpecOps.all()) {
            if (!includeDeletes && op.method().equals("DELETE")) continue;
            if (op.pathParamNames().stream().anyMatch(n -> s.objects().id(n) == null)) continue;
            Party p = Snapshots.actorFor(op, s.parties());
            if (p == null) continue;
            JsonNode body = op.hasBody() ? Samples.withRefs(op.bodySchema(), s.objects().refs(), new Random(op.key().hashCode())) : null;
            futures.put(op.key(), pool.submit(() -> Calls.send(p.api(), op, s.path(), body)));
        }
        Map<String, Api.Res> out = new LinkedHashMap<>();
        for (Map.Entry<String, Future<Api.Res>> f : futures.entrySet()) out.put(f.getKey(), f.getValue().get());
        pool.shutdown();
        return out;
    }

    @Test
    void dynamoDbDown_everyOperation_is503Problem_nothingChanges_andAllRecovers() throws Exception {
        Scene s = Scene.create();
        Map<String, JsonNode> before = Snapshots.of(s.objects(), s.parties());
        Map<String, Api.Res> down;
        long t0 = System.nanoTime();
        try {
            fault("dynamodb", "down", 0);
            down = everyOperation(s, true);
        } finally {
            clearFaults();
        }
        double secs = (System.nanoTime() - t0) / 1e9;
        List<String> wrong = new ArrayList<>();
        down.forEach((op, r) -> { if (!Calls.isProblem(r, 503)) wrong.add(op + " → " + r.status() + " " + r.text()); });
        List<String> changed = new ArrayList<>();
        Snapshots.compare(before, Snapshots.of(s.objects(), s.parties()), changed);
        Map<String, Api.Res> after = everyOperation(s, false);
        List<String> notRecovered = new ArrayList<>();
        after.forEach((op, r) -> { if (r.status() >= 500) notRecovered.add(op + " → " + r); });
        System.out.printf("[reliability] DynamoDB down: %d operations, %d answered a 503 problem in %.1f s, %d wrote something,"
                + " %d not recovered%n", down.size(), down.size() - wrong.size(), secs, changed.size(), notRecovered.size());
        assertEquals(List.of(), wrong, "with DynamoDB down every operation is a 503 problem");
        assertEquals(List.of(), changed, "nothing changed while DynamoDB was down");
        assertEquals(List.of(), notRecovered, "every operation works again");
    }

    /**
     * Every stand-in Zhidian Local can fault (GET /local/faults lists them; later ones such as Stripe or MQTT join by
     * registering there): while it is down no operation answers a 500 or an unclear error, only what it answers when
     * healthy or a 503 problem; once it is back every read works again.
     */
    @Test
    void everyStandInDown_noOperationAnswersA500_only503Problems_andAllRecovers() throws Exception {
        Scene s = Scene.create();
        List<String> services = new ArrayList<>();
        LOCAL.get("/local/faults").json().fieldNames().forEachRemaining(services::add);
        assertTrue(services.containsAll(List.of("dynamodb", "cognito")), "faultable stand-ins: " + services);
        List<String> wrong = new ArrayList<>();
        Map<String, Integer> healthy = readStatuses(everyOperation(s, false));
        for (String service : services) {
            Map<String, Api.Res> down;
            try {
                fault(service, "down", 0);
                down = everyOperation(s, false);
            } finally {
                clearFaults();
            }
            int unavailable = 0;
            for (Map.Entry<String, Api.Res> e : down.entrySet()) {
                Api.Res r = e.getValue();
                if (Calls.isProblem(r, 503)) unavailable++;
                else if (r.status() >= 500 || r.status() == 401) wrong.add(service + " down: " + e.getKey() + " → " + r.status() + " " + r.text());
            }
            Map<String, Api.Res> after = everyOperation(s, false);
            after.forEach((op, r) -> {
                if (op.startsWith("GET ") && r.status() != healthy.getOrDefault(op, 200)) wrong.add(service + " back: " + op + " → " + r);
            });
            System.out.printf("[reliability] stand-in %s down: %d operations, %d answered a 503 problem, the rest as usual;"
                    + " all reads work again after%n", service, down.size(), unavailable);
        }
        assertEquals(List.of(), wrong);
    }

    @Test
    void cognitoDown_tokensStillWork_onlyWritesThatNeedALoginAre503_andAllRecovers() throws Exception {
        Scene s = Scene.create();
        Map<String, Api.Res> down;
        Api.Res login;
        try {
            fault("cognito", "down", 0);
            down = everyOperation(s, false);
            login = LOCAL.post("/local/auth/login", map("username", com.zhidian.apitests.support.Local.PROVIDER_USERNAME,
                    "password", com.zhidian.apitests.support.Local.PROVIDER_PASSWORD));
        } finally {
            clearFaults();
        }
        List<String> wrong = new ArrayList<>();
        int unavailable = 0;
        for (Map.Entry<String, Api.Res> e : down.entrySet()) {
            Api.Res r = e.getValue();
            boolean get = e.getKey().startsWith("GET ");
            if (Calls.isProblem(r, 503)) {
                unavailable++;
                if (get) wrong.add(e.getKey() + " needs no login service, yet → 503");
            } else if (r.status() >= 500 || r.status() == 401) {
                wrong.add(e.getKey() + " → " + r.status() + " " + r.text());
            }
        }
        assertTrue(Calls.isProblem(login, 503), () -> "login while the identity provider is down: " + login);
        System.out.printf("[reliability] Cognito down: %d operations, tokens still verified (JWKS), %d answered 503 (they need a"
                + " login change), %d wrong%n", down.size(), unavailable, wrong.size());
        assertEquals(List.of(), wrong);
        assertTrue(down.containsKey("POST /admin/tenants") && Calls.isProblem(down.get("POST /admin/tenants"), 503), "onboarding needs a login");
        Map<String, Api.Res> after = everyOperation(s, false);
        List<String> notRecovered = new ArrayList<>();
        after.forEach((op, r) -> { if (r.status() >= 500) notRecovered.add(op + " → " + r); });
        assertEquals(List.of(), notRecovered, "every operation works again");
    }

    @Test
    void onboarding_withEitherServiceDown_is503_leavesNoTenantAndNoLogin_andTheSameCallSucceedsAfterwards() {
        for (String service : new String[] {"dynamodb", "cognito"}) {
            String name = "故障便利 " + service + " " + UUID.randomUUID().toString().substring(0, 6);
            String email = Fixtures.uniqueEmail("fault");
            Object body = Fixtures.onboardingBody(name, "basic", email, 1);
            Api.Res r;
            try {
                fault(service, "down", 0);
                // no Idempotency-Key: the write path itself (login first, then the transaction) must undo its own half
                r = Fixtures.provider().post("/admin/tenants", body);
            } finally {
                clearFaults();
            }
            Api.Res failed = r;
            assertTrue(Calls.isProblem(failed, 503), () -> service + " down: " + failed);
            assertEquals(0, IdempotencyStormTest.tenantsNamed(name), "no tenant was written");
            Api.Res again = Fixtures.provider().post("/admin/tenants", body);
            assertEquals(201, again.status(), () -> "after " + service + " returned, the same onboarding (same owner email) succeeds: " + again);
            assertEquals(1, IdempotencyStormTest.tenantsNamed(name));
            Fixtures.firstLogin(email, again.json().get("owner").get("temporaryPassword").asText());
        }
    }

    @Test
    void memberEnrolment_withCognitoDown_is503_noMemberNoPhoneTaken_andTheSameKeySucceedsAfterwards() {
        org.junit.jupiter.api.Assumptions.assumeTrue(SpecOps.exists("POST /members"));
        Fixtures.TenantFixture t = Fixtures.newTenant("premium", 1);
        String phone = Fixtures.uniquePhone();
        String key = UUID.randomUUID().toString();
        Object body = map("phone", phone, "name", "故障会员", "storeId", t.storeIds().get(0));
        Api.Res r;
        try {
            fault("cognito", "down", 0);
            r = t.owner().post("/members", body, key);
        } finally {
            clearFaults();
        }
        Api.Res failed = r;
        assertTrue(Calls.isProblem(failed, 503), () -> "enrolment with Cognito down: " + failed);
        Api.Res lookup = t.owner().get("/members?phone=" + phone);
        assertEquals(0, lookup.json().path("items").size(), () -> "no member half-enrolled: " + lookup);
        Api.Res again = t.owner().post("/members", body, key);
        assertEquals(201, again.status(), () -> "the same key after recovery: " + again);
        assertEquals(1, t.owner().get("/members?phone=" + phone).json().path("items").size());
    }

    @Test
    void pointsAdjust_withDynamoDbDown_is503_balanceUnchanged_andTheSameKeyAppliesOnceAfterwards() {
        org.junit.jupiter.api.Assumptions.assumeTrue(SpecOps.exists("POST /members/{memberId}/points/adjust"));
        Fixtures.TenantFixture t = Fixtures.newTenant("premium", 1);
        String member = t.owner().post("/members", map("phone", Fixtures.uniquePhone(), "storeId", t.storeIds().get(0)),
                UUID.randomUUID().toString()).json().get("memberId").asText();
        String key = UUID.randomUUID().toString();
        Object body = map("delta", 120, "reason", "故障补偿");
        Api.Res r;
        try {
            fault("dynamodb", "down", 0);
            r = t.owner().post("/members/" + member + "/points/adjust", body, key);
        } finally {
            clearFaults();
        }
        Api.Res failed = r;
        assertTrue(Calls.isProblem(failed, 503), () -> "adjust with DynamoDB down: " + failed);
        assertEquals(0, IdempotencyStormTest.balance(t.owner(), member));
        assertEquals(200, t.owner().post("/members/" + member + "/points/adjust", body, key).status());
        assertEquals(200, t.owner().post("/members/" + member + "/points/adjust", body, key).status());
        assertEquals(120, IdempotencyStormTest.balance(t.owner(), member), "applied exactly once");
        assertEquals(1, Ledger.entries(t.owner(), member).size());
    }

    @Test
    void dynamoDbSlowerThanTheSdkCallTimeout_is503WithinBounds_noStoreWritten_andRecovers() throws Exception {
        Fixtures.TenantFixture t = Fixtures.newTenant("premium", 1);
        int storesBefore = t.owner().get("/stores").json().get("items").size();
        Api.Res r;
        long t0 = System.nanoTime();
        try {
            fault("dynamodb", "slow", 6000);   // longer than the SDK's 5 s call timeout
            r = t.owner().post("/stores", map("name", "慢店", "format", "convenience", "address", "x"), UUID.randomUUID().toString());
        } finally {
            clearFaults();
        }
        double secs = (System.nanoTime() - t0) / 1e9;
        Api.Res slow = r;
        assertTrue(Calls.isProblem(slow, 503), () -> "a DynamoDB slower than the SDK's timeouts: " + slow);
        assertTrue(secs < 15, "answered within the function's 15 s timeout, took " + secs);
        Thread.sleep(6500);   // requests the stand-in was still holding finish now
        assertEquals(storesBefore, t.owner().get("/stores").json().get("items").size(), "no store was written");
        System.out.printf("[reliability] DynamoDB 6 s per call: 503 problem after %.1f s, nothing written%n", secs);
    }

    @Test
    void dynamoDbSomewhatSlow_everyReadStillAnswers() throws Exception {
        Scene s = Scene.create();
        Map<String, Integer> healthy = readStatuses(everyOperation(s, false));
        Map<String, Api.Res> slow;
        try {
            fault("dynamodb", "slow", 200);
            slow = everyOperation(s, false);
        } finally {
            clearFaults();
        }
        List<String> wrong = new ArrayList<>();
        slow.forEach((op, r) -> { if (op.startsWith("GET ") && r.status() != healthy.getOrDefault(op, 200)) wrong.add(op + " → " + r); });
        assertEquals(List.of(), wrong, "200 ms per DynamoDB call slows every GET down but fails none");
    }
}
