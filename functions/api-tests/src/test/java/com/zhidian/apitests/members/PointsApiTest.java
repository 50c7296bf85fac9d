package com.zhidian.apitests.members;

import static com.zhidian.apitests.support.Api.map;
import static com.zhidian.apitests.support.Problems.assertFieldErrors;
import static com.zhidian.apitests.support.Problems.assertProblem;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.zhidian.apitests.support.Api;
import com.zhidian.apitests.support.Fixtures;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;

class PointsApiTest {
    private static final Fixtures.TenantFixture T = Fixtures.newTenant("premium", 2);

    private static String member() {
        return Members.enrol(T, Fixtures.uniquePhone()).get("memberId").asText();
    }

    private static long balance(String id) {
        return T.owner().get("/members/" + id + "/points").json().get("balance").asLong();
    }

    private static long ledgerSum(String id) {
        long sum = 0;
        String cursor = null;
        do {
            JsonNode p = T.owner().get("/members/" + id + "/points/ledger?limit=200" + (cursor == null ? "" : "&cursor=" + cursor)).json();
            for (JsonNode e : p.get("items")) sum += e.get("delta").asLong();
            cursor = p.get("nextCursor").isNull() ? null : p.get("nextCursor").asText();
        } while (cursor != null);
        return sum;
    }

    @Test
    void twentyConcurrentRedeemsOfTenOnAHundred_exactlyTenSucceed() throws Exception {
        String id = member();
        assertEquals(200, Members.adjust(T.owner(), id, 100, "opening balance").status());
        Api staff = T.staff(T.storeIds().get(0));
        ExecutorService pool = Executors.newFixedThreadPool(20);
        CountDownLatch go = new CountDownLatch(1);
        List<Future<Integer>> results = new ArrayList<>();
        for (int i = 0; i < 20; i++) {
            results.add(pool.submit(() -> {
                go.await();
                return Members.redeem(staff, id, 10, T.storeIds().get(0)).status();
            }));
        }
        go.countDown();
        int ok = 0, short_ = 0;
        for (Future<Integer> f : results) {
            int s = f.get();
            if (s == 200) ok++;
            else if (s == 422) short_++;
        }
        pool.shutdown();
        assertEquals(10, ok);
        assertEquals(10, short_);
        assertEquals(0, balance(id));
        assertEquals(0, ledgerSum(id));
    }

    @Test
    void adjustAndRedeem_writeTheLedger_balanceIsTheLedgerSum() {
        String id = member();
        String store = T.storeIds().get(1);
        Api.Res a = T.owner().post("/members/" + id + "/points/adjust", map("delta", 120, "reason", "迁移旧卡积分", "storeId", store), Members.key());
        assertEquals(200, a.status(), a::toString);
        assertEquals(120, a.json().get("balanceAfter").asLong());
        Api.Res r = Members.redeem(T.staff(store), id, 45, store);
        assertEquals(200, r.status(), r::toString);
        assertEquals(-45, r.json().get("delta").asLong());
        assertEquals(75, r.json().get("balanceAfter").asLong());
        assertEquals(-5, Members.adjust(T.owner(), id, -5, "更正").json().get("delta").asLong());
        JsonNode view = T.owner().get("/members/" + id + "/points").json();
        assertEquals(70, view.get("balance").asLong());
        assertEquals(0, view.get("pending").asLong());
        assertEquals(120, view.get("lifetimeEarned").asLong());
        assertTrue(view.has("expiringSoon"));
        JsonNode ledger = T.owner().get("/members/" + id + "/points/ledger").json().get("items");
        assertEquals(3, ledger.size());
        JsonNode newest = ledger.get(0);
        assertEquals("adjust", newest.get("kind").asText());
        assertEquals("更正", newest.get("reason").asText());
        JsonNode redeem = ledger.get(1);
        assertEquals("redeem", redeem.get("kind").asText());
        assertEquals(store, redeem.get("storeId").asText());
        assertTrue(redeem.get("at").asText().endsWith("Z"));
        assertEquals(70, ledgerSum(id));
    }

    @Test
    void redeemingMoreThanTheBalance_is422_andChangesNothing() {
        String id = member();
        Members.adjust(T.owner(), id, 30, "seed");
        JsonNode p = assertProblem(Members.redeem(T.owner(), id, 31, T.storeIds().get(0)), 422);
        assertTrue(p.get("detail").asText().contains("30"));
        assertProblem(Members.adjust(T.owner(), id, -31, "too much"), 422);
        assertEquals(30, balance(id));
        assertEquals(1, T.owner().get("/members/" + id + "/points/ledger").json().get("items").size());
    }

    @Test
    void adjust_isOwnerOnly_andNeedsAReason() {
        String id = member();
        Api staff = T.staff(T.storeIds().get(0));
        assertProblem(Members.adjust(staff, id, 10, "gift"), 403);
        assertFieldErrors(T.owner().post("/members/" + id + "/points/adjust", map("delta", 10), Members.key()), "reason");
        assertFieldErrors(T.owner().post("/members/" + id + "/points/adjust", map("delta", 10, "reason", " "), Members.key()), "reason");
        assertFieldErrors(T.owner().post("/members/" + id + "/points/adjust", map("delta", 0, "reason", "x"), Members.key()), "delta");
        assertFieldErrors(T.owner().post("/members/" + id + "/points/adjust", map("delta", 1.5, "reason", "x"), Members.key()), "delta");
        assertFieldErrors(T.owner().post("/members/" + id + "/points/adjust", map("delta", "10", "reason", "x"), Members.key()), "delta");
        assertFieldErrors(T.owner().post("/members/" + id + "/points/adjust", map("delta", 10_000_000_000L, "reason", "x"), Members.key()), "delta");
        assertFieldErrors(T.owner().post("/members/" + id + "/points/adjust", map("delta", 10, "reason", "x", "balance", 5), Members.key()), "balance");
        assertFieldErrors(T.owner().post("/members/" + id + "/points/adjust", map("delta", 10, "reason", "x")), "Idempotency-Key");
        assertEquals(0, balance(id));
    }

    @Test
    void redeem_badInput_andStoreScope() {
        String id = member();
        Members.adjust(T.owner(), id, 50, "seed");
        String p = "/members/" + id + "/points/redeem";
        String s = T.storeIds().get(0);
        assertFieldErrors(T.owner().post(p, map("points", 0, "storeId", s), Members.key()), "points");
        assertFieldErrors(T.owner().post(p, map("points", -5, "storeId", s), Members.key()), "points");
        assertFieldErrors(T.owner().post(p, map("points", 5), Members.key()), "storeId");
        assertFieldErrors(T.owner().post(p, map("storeId", s), Members.key()), "points");
        assertFieldErrors(T.owner().post(p, map("points", 5, "storeId", s, "memberId", "mb_x"), Members.key()), "memberId");
        assertFieldErrors(T.owner().post(p, map("points", 5, "storeId", s)), "Idempotency-Key");
        Api staffOfOtherStore = T.staff(T.storeIds().get(1));
        assertProblem(Members.redeem(staffOfOtherStore, id, 5, s), 404);
        assertEquals(50, balance(id));
    }

    @Test
    void redeemReplay_withTheSameKey_answersTheFirstAndSpendsOnce() {
        String id = member();
        Members.adjust(T.owner(), id, 100, "seed");
        String key = Members.key();
        Object body = map("points", 40, "storeId", T.storeIds().get(0), "reason", "兑换毛巾");
        Api.Res first = T.owner().post("/members/" + id + "/points/redeem", body, key);
        Api.Res again = T.owner().post("/members/" + id + "/points/redeem", body, key);
        assertEquals(200, first.status(), first::toString);
        assertEquals(200, again.status());
        assertEquals(first.json(), again.json());
        assertEquals("true", again.header("Idempotent-Replayed"));
        assertEquals(60, balance(id));
        assertProblem(T.owner().post("/members/" + id + "/points/redeem", map("points", 41, "storeId", T.storeIds().get(0)), key), 422);
        assertEquals(60, balance(id));
        // a refused first attempt is forgotten: the same key may be retried once the balance allows it
        String k2 = Members.key();
        Object big = map("points", 100, "storeId", T.storeIds().get(0));
        assertProblem(T.owner().post("/members/" + id + "/points/redeem", big, k2), 422);
        Members.adjust(T.owner(), id, 40, "top up");
        assertEquals(200, T.owner().post("/members/" + id + "/points/redeem", big, k2).status());
        assertEquals(0, balance(id));
    }

    /** The points routes read the tenant's standing together with the account (one BatchGetItem): still 403 when suspended. */
    @Test
    void pointsRoutes_ofASuspendedTenant_are403_andChangeNothing_untilResumed() {
        Fixtures.TenantFixture t = Fixtures.newTenant("basic", 1);
        String id = Members.enrol(t, Fixtures.uniquePhone()).get("memberId").asText();
        assertEquals(200, Members.adjust(t.owner(), id, 50, "seed").status());
        assertEquals(200, Fixtures.provider().patch("/admin/tenants/" + t.tenantId(), map("status", "suspended")).status());
        assertProblem(t.owner().get("/members/" + id + "/points"), 403);
        assertProblem(t.owner().get("/members/" + id + "/points/ledger"), 403);
        assertProblem(Members.adjust(t.owner(), id, 10, "while suspended"), 403);
        assertProblem(Members.redeem(t.owner(), id, 10, t.storeIds().get(0)), 403);
        assertProblem(t.owner().get("/members/mb_nosuchmember0/points"), 403);
        assertEquals(200, Fixtures.provider().patch("/admin/tenants/" + t.tenantId(), map("status", "active")).status());
        Api.Res p = t.owner().get("/members/" + id + "/points");
        assertEquals(200, p.status(), p::toString);
        assertEquals(50, p.json().get("balance").asLong());
        assertProblem(t.owner().get("/members/mb_nosuchmember0/points"), 404);
        assertProblem(t.owner().get("/members/not-an-id/points"), 404);
    }

    /** Redeem takes no lock before its transaction: a retry that the spent balance now refuses still answers the first. */
    @Test
    void redeemRetry_afterTheFirstSpentEverything_answersTheFirstNot422() {
        String id = member();
        Members.adjust(T.owner(), id, 30, "seed");
        String key = Members.key();
        Object body = map("points", 30, "storeId", T.storeIds().get(0), "reason", "全部兑换");
        Api.Res first = T.owner().post("/members/" + id + "/points/redeem", body, key);
        assertEquals(200, first.status(), first::toString);
        Api.Res retry = T.owner().post("/members/" + id + "/points/redeem", body, key);
        assertEquals(200, retry.status(), retry::toString);
        assertEquals(first.json(), retry.json());
        assertEquals("true", retry.header("Idempotent-Replayed"));
        // another body under that key is 422 whether or not the balance would allow it
        assertProblem(T.owner().post("/members/" + id + "/points/redeem", map("points", 1, "storeId", T.storeIds().get(0)), key), 422);
        assertProblem(T.owner().post("/members/" + id + "/points/redeem", map("points", 999, "storeId", T.storeIds().get(0)), key), 422);
        assertEquals(0, balance(id));
        assertEquals(0, ledgerSum(id));
    }

    /** A claimed route takes no lock, yet a key another route already used stays that route's: 422, nothing moves. */
    @Test
    void keyUsedByAnotherRoute_is422OnAdjust_andMovesNothing() {
        String key = Members.key();
        Object join = map("phone", Fixtures.uniquePhone(), "storeId", T.storeIds().get(0));
        Api.Res joined = T.owner().post("/members", join, key);
        assertEquals(201, joined.status(), joined::toString);
        String id = joined.json().get("memberId").asText();
        assertProblem(T.owner().post("/members/" + id + "/points/adjust", map("delta", 10, "reason", "同一个键"), key), 422);
        assertEquals(0, balance(id));
        Api.Res again = T.owner().post("/members", join, key);
        assertEquals(joined.json(), again.json(), "the key still answers the join it was first used for");
    }

    @Test
    void adjustReplay_withTheSameKey_creditsOnce() throws Exception {
        String id = member();
        String key = Members.key();
        Object body = map("delta", 25, "reason", "生日礼");
        ExecutorService pool = Executors.newFixedThreadPool(5);
        List<Future<Integer>> rs = new ArrayList<>();
        for (int i = 0; i < 5; i++) rs.add(pool.submit(() -> T.owner().post("/members/" + id + "/points/adjust", body, key).status()));
        for (Future<Integer> f : rs) {
            int s = f.get();
            assertTrue(s == 200 || s == 409, "replayed or still in progress: " + s);
        }
        pool.shutdown();
        assertEquals(200, T.owner().post("/members/" + id + "/points/adjust", body, key).status());
        assertEquals(25, balance(id));
    }

    @Test
    void ledgerPages_newestFirst() {
        String id = member();
        for (int i = 1; i <= 5; i++) Members.adjust(T.owner(), id, i, "step " + i);
        JsonNode p1 = T.owner().get("/members/" + id + "/points/ledger?limit=2").json();
        assertEquals(2, p1.get("items").size());
        assertEquals(5, p1.get("items").get(0).get("seq").asLong());
        JsonNode p2 = T.owner().get("/members/" + id + "/points/ledger?limit=2&cursor=" + p1.get("nextCursor").asText()).json();
        assertEquals(3, p2.get("items").get(0).get("seq").asLong());
        String other = member();
        assertFieldErrors(T.owner().get("/members/" + other + "/points/ledger?cursor=" + p1.get("nextCursor").asText()), "cursor");
        assertFieldErrors(T.owner().get("/members/" + id + "/points/ledger?limit=201"), "limit");
    }

    @Test
    void newSettings_applyToTheVeryNextAdjust() {
        Fixtures.TenantFixture t = Fixtures.newTenant("basic", 1);
        String id = Members.enrol(t, Fixtures.uniquePhone()).get("memberId").asText();
        assertEquals(200, t.owner().put("/points/settings", map("pointsPerYuan", 1, "returnWindowDays", 7, "expiry", "never")).status());
        assertEquals(200, Members.adjust(t.owner(), id, 10, "never expires").status());
        assertTrue(t.owner().get("/members/" + id + "/points").json().path("nextExpiryAt").isNull(), "no expiry under 'never'");
        assertEquals(200, t.owner().put("/points/settings",
                map("pointsPerYuan", 1, "returnWindowDays", 7, "expiry", "months_after_credit", "expiryMonths", 1)).status());
        assertEquals(200, Members.adjust(t.owner(), id, 10, "expires in a month").status());
        JsonNode view = t.owner().get("/members/" + id + "/points").json();
        assertEquals(20, view.get("balance").asLong());
        assertTrue(view.path("nextExpiryAt").isTextual(), "the second lot expires: " + view);
    }

    @Test
    void settings_ownerSets_staffReads() {
        Fixtures.TenantFixture t = Fixtures.newTenant("basic", 1);
        JsonNode d = t.owner().get("/points/settings").json();
        assertEquals(1, d.get("pointsPerYuan").asInt());
        assertEquals("floor", d.get("rounding").asText());
        assertEquals(7, d.get("returnWindowDays").asInt());
        assertEquals("end_of_following_year", d.get("expiry").asText());
        Object s = map("pointsPerYuan", 2, "returnWindowDays", 14, "expiry", "months_after_credit", "expiryMonths", 24);
        assertEquals(200, t.owner().put("/points/settings", s).status());
        Api staff = t.staff(t.storeIds().get(0));
        assertEquals(24, staff.get("/points/settings").json().get("expiryMonths").asInt());
        assertProblem(staff.put("/points/settings", s), 403);
        assertFieldErrors(t.owner().put("/points/settings", map("pointsPerYuan", 2, "returnWindowDays", 14, "expiry", "months_after_credit")), "expiryMonths");
        assertFieldErrors(t.owner().put("/points/settings", map("pointsPerYuan", -1, "returnWindowDays", 400, "expiry", "weekly")),
                "pointsPerYuan", "returnWindowDays", "expiry");
        assertFieldErrors(t.owner().put("/points/settings", map("pointsPerYuan", 1, "returnWindowDays", 7, "expiry", "never", "rounding", "ceil")), "rounding");
        assertEquals(2, T.owner().get("/points/settings").json().get("pointsPerYuan").asInt() + 1, "another tenant keeps its own");
    }

    @Test
    void aManualAdjustment_staysWithinTheTenantsLimit_andALargeOneIsConfirmed() {
        Fixtures.TenantFixture t = Fixtures.newTenant("basic", 1);
        String id = Members.enrol(t, Fixtures.uniquePhone()).get("memberId").asText();
        // the defaults: at most 100,000 a time, confirmed above 10,000
        Api.Res huge = t.owner().post("/members/" + id + "/points/adjust", map("delta", 1_000_000_000, "reason", "手滑", "confirmed", true), Members.key());
        assertProblem(huge, 422);
        assertEquals("points.adjust_over_limit", huge.json().get("code").asText());
        Api.Res rules = t.owner().put("/points/settings", map("pointsPerYuan", 1, "returnWindowDays", 7, "expiry", "never",
                "adjustLimit", 1000, "adjustConfirmAbove", 100));
        assertEquals(200, rules.status(), rules::toString);
        assertEquals(1000, rules.json().get("adjustLimit").asLong());
        Api.Res unconfirmed = t.owner().with("Accept-Language", "zh-CN").post("/members/" + id + "/points/adjust",
                map("delta", 150, "reason", "补偿"), Members.key());
        assertProblem(unconfirmed, 422);
        assertEquals("points.adjust_unconfirmed", unconfirmed.json().get("code").asText());
        assertTrue(unconfirmed.json().get("detail").asText().contains("确认"), unconfirmed::toString);
        assertEquals(0, t.owner().get("/members/" + id + "/points").json().get("balance").asLong(), "nothing moved");
        assertEquals(200, t.owner().post("/members/" + id + "/points/adjust", map("delta", 150, "reason", "补偿", "confirmed", true), Members.key()).status());
        assertEquals(200, Members.adjust(t.owner(), id, -100, "更正").status(), "at the threshold: no question");
        Api.Res over = t.owner().post("/members/" + id + "/points/adjust", map("delta", -1001, "reason", "x", "confirmed", true), Members.key());
        assertEquals("points.adjust_over_limit", over.json().get("code").asText());
        assertEquals(50, t.owner().get("/members/" + id + "/points").json().get("balance").asLong());
        assertFieldErrors(t.owner().put("/points/settings", map("pointsPerYuan", 1, "returnWindowDays", 7, "expiry", "never",
                "adjustLimit", 100, "adjustConfirmAbove", 500)), "adjustConfirmAbove");
        assertFieldErrors(t.owner().put("/points/settings", map("pointsPerYuan", 1, "returnWindowDays", 7, "expiry", "never",
                "welcomePoints", 100_001)), "welcomePoints");
        assertFieldErrors(t.owner().post("/members/" + id + "/points/adjust", map("delta", 5, "reason", "x", "confirmed", "yes"), Members.key()), "confirmed");
    }
}
