package com.zhidian.apitests.coupons;

import static com.zhidian.apitests.support.Api.map;
import static com.zhidian.apitests.support.Problems.assertFieldErrors;
import static com.zhidian.apitests.support.Problems.assertProblem;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.zhidian.apitests.support.Api;
import com.zhidian.apitests.support.Fixtures;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** POST /coupon-templates/{id}/issues {filter} and GET .../issues/{jobId}: issue to every member matching a filter. */
class CouponIssueJobsApiTest {

    @Test
    void everyReasonIsReported_andTheFilterPicksHomeStorePointsAndJoinDate() {
        Fixtures.TenantFixture t = Fixtures.newTenant("premium", 2);
        Fixtures.TenantFixture other = Fixtures.newTenant("premium", 1);
        String s0 = t.storeIds().get(0);
        String early = member(t, s0);
        pause();
        String since = Instant.now().atOffset(ZoneOffset.ofHours(8)).toString();
        pause();
        String a = member(t, s0), b = member(t, s0), c = member(t, s0), erased = member(t, s0), rich = member(t, s0);
        String elsewhere = member(t, t.storeIds().get(1));
        String foreign = member(other, other.storeIds().get(0));
        assertEquals(200, t.owner().post("/members/" + rich + "/points/adjust", map("delta", 500, "reason", "开卡礼"), Coupons.key()).status());
        assertEquals(204, t.owner().delete("/members/" + erased).status());
        String id = Coupons.template(t, Coupons.amountOff(500, 0, 2, 1));
        Api.Res first = t.owner().post("/coupon-templates/" + id + "/issue", map("memberIds", List.of(a)), Coupons.key());
        assertEquals(200, first.status(), first::toString);

        Api.Res started = t.owner().post("/coupon-templates/" + id + "/issues",
                map("filter", map("storeId", s0, "maxPoints", 100, "joinedSince", since)), Coupons.key());
        assertEquals(202, started.status(), started::toString);
        JsonNode job = read(t, id, started.json().get("jobId").asText(), "en");
        assertEquals("done", job.get("state").asText(), job::toString);
        assertEquals(100, job.at("/progress/percent").asInt());
        Map<String, String> reasons = reasons(job);
        // a: limit reached (already has one); b: the last in stock; c: stock out; erased: reported; rich: over maxPoints;
        // early: joined before; elsewhere: another home store; foreign: another tenant's
        assertEquals(Map.of(a, "limit_reached", b + "|" + c, "issued+stock_out", erased, "member_erased"), fold(reasons, b, c), reasons::toString);
        assertEquals(1, job.at("/counts/issued").asInt());
        assertEquals(1, job.at("/counts/stockOut").asInt());
        assertEquals(1, job.at("/counts/limitReached").asInt());
        assertEquals(1, job.at("/counts/memberErased").asInt());
        assertEquals(4, job.at("/progress/matched").asInt());
        for (String never : List.of(rich, early, elsewhere, foreign)) assertFalse(reasons.containsKey(never), never);
        JsonNode line = lineOf(job, erased);
        assertEquals("The member was erased", line.get("message").asText());
        assertEquals("会员已注销", lineOf(read(t, id, job.get("jobId").asText(), "zh-CN"), erased).get("message").asText());

        JsonNode pointsOnly = job(t, id, map("minPoints", 100));
        assertEquals(Map.of(rich, "stock_out"), reasons(pointsOnly));
        assertEquals(2, t.owner().get("/coupon-templates/" + id).json().at("/counts/issued").asInt());
    }

    @Test
    void theSameIdempotencyKey_answersTheSameJob_andIssuesNothingMore() {
        Fixtures.TenantFixture t = Fixtures.newTenant("premium", 1);
        for (int i = 0; i < 3; i++) member(t, t.storeIds().get(0));
        String id = Coupons.template(t, Coupons.amountOff(500, 0, 100, 5));
        String key = Coupons.key();
        Api.Res one = t.owner().post("/coupon-templates/" + id + "/issues", map("filter", map()), key);
        Api.Res two = t.owner().post("/coupon-templates/" + id + "/issues", map("filter", map()), key);
        assertEquals(202, one.status(), one::toString);
        assertEquals(202, two.status(), two::toString);
        assertEquals(one.json().get("jobId").asText(), two.json().get("jobId").asText());
        assertEquals(3, t.owner().get("/coupon-templates/" + id).json().at("/counts/issued").asInt());
        // a new key is a new issue: perMemberLimit 5 lets each member have a second one
        job(t, id, map());
        assertEquals(6, t.owner().get("/coupon-templates/" + id).json().at("/counts/issued").asInt());
    }

    @Test
    void aLargeIssue_runsInTheBackground_withProgress_untilTheRunnerIsThrough() {
        Fixtures.TenantFixture t = Fixtures.newTenant("premium", 1);
        for (int i = 0; i < 130; i++) member(t, t.storeIds().get(0));
        String id = Coupons.template(t, Coupons.amountOff(500, 0, 1000, 1));
        Api.Res started = t.owner().post("/coupon-templates/" + id + "/issues", map("filter", map()), Coupons.key());
        assertEquals(202, started.status(), started::toString);
        String jobId = started.json().get("jobId").asText();
        JsonNode running = read(t, id, jobId, "en");
        if ("running".equals(running.get("state").asText())) {
            assertEquals(130, running.at("/progress/candidates").asInt());
            assertTrue(running.at("/progress/percent").asInt() < 100);
            Api.Res run = Fixtures.anonymous().post("/local/schedules/CouponIssueJobsFunction", null);
            assertEquals(200, run.status(), run::toString);
        }
        JsonNode done = read(t, id, jobId, "en");
        assertEquals("done", done.get("state").asText(), done::toString);
        assertEquals(130, done.at("/counts/issued").asInt());
        int lines = 0;
        String cursor = null;
        do {
            JsonNode page = t.owner().get("/coupon-templates/" + id + "/issues/" + jobId + "?limit=50"
                    + (cursor == null ? "" : "&cursor=" + cursor)).json();
            lines += page.at("/report/items").size();
            cursor = page.at("/report/nextCursor").isTextual() ? page.at("/report/nextCursor").asText() : null;
        } while (cursor != null);
        assertEquals(130, lines);
    }

    @Test
    void badFilters_are400_andAnotherTenantsTemplateStoreOrJobIs404() {
        Fixtures.TenantFixture t = Fixtures.newTenant("premium", 1);
        Fixtures.TenantFixture other = Fixtures.newTenant("premium", 1);
        String id = Coupons.template(t, Coupons.amountOff(500, 0, 10, 1));
        String path = "/coupon-templates/" + id + "/issues";
        assertFieldErrors(t.owner().post(path, map()), "filter");
        assertFieldErrors(t.owner().post(path, map("filter", map("minPoints", -1))), "filter.minPoints");
        assertFieldErrors(t.owner().post(path, map("filter", map("minPoints", 1.5))), "filter.minPoints");
        assertFieldErrors(t.owner().post(path, map("filter", map("minPoints", 10, "maxPoints", 5))), "filter.maxPoints");
        assertFieldErrors(t.owner().post(path, map("filter", map("joinedSince", "last week"))), "filter.joinedSince");
        assertFieldErrors(t.owner().post(path, map("filter", map("joinedSince", "2999-01-01T00:00:00+08:00"))), "filter.joinedSince");
        assertFieldErrors(t.owner().post(path, map("filter", map("tenantId", other.tenantId()))), "filter.tenantId");
        assertEquals("store.not_found", assertProblem(t.owner().post(path, map("filter", map("storeId", other.storeIds().get(0)))), 404).get("code").asText());
        assertEquals("coupon_template.not_found", assertProblem(other.owner().post(path, map("filter", map())), 404).get("code").asText());
        assertProblem(t.staff(t.storeIds().get(0)).post(path, map("filter", map())), 403);
        String jobId = t.owner().post(path, map("filter", map()), Coupons.key()).json().get("jobId").asText();
        assertEquals("coupon_issue.not_found", assertProblem(other.owner().get(path + "/" + jobId), 404).get("code").asText());
        String another = Coupons.template(t, Coupons.amountOff(500, 0, 10, 1));
        assertProblem(t.owner().get("/coupon-templates/" + another + "/issues/" + jobId), 404);
        assertEquals(0, t.owner().get("/coupon-templates/" + id).json().at("/counts/issued").asInt());
        t.owner().post("/coupon-templates/" + id + "/stop", null);
        assertEquals("coupon_template.closed", assertProblem(t.owner().post(path, map("filter", map())), 422).get("code").asText());
    }

    /** So that "joined since" falls strictly between two members' join times (milliseconds). */
    private static void pause() {
        try {
            Thread.sleep(5);
        } catch (InterruptedException e) {
            throw new AssertionError(e);
        }
    }

    private static String member(Fixtures.TenantFixture t, String storeId) {
        Api.Res r = t.owner().post("/members", map("phone", Fixtures.uniquePhone(), "name", "李四", "storeId", storeId));
        if (r.status() != 201) throw new AssertionError("enrolment failed: " + r);
        return r.json().get("memberId").asText();
    }

    private static JsonNode job(Fixtures.TenantFixture t, String id, Map<String, Object> filter) {
        Api.Res r = t.owner().post("/coupon-templates/" + id + "/issues", map("filter", filter), Coupons.key());
        assertEquals(202, r.status(), r::toString);
        return read(t, id, r.json().get("jobId").asText(), "en");
    }

    private static JsonNode read(Fixtures.TenantFixture t, String id, String jobId, String lang) {
        Api.Res r = t.owner().with("Accept-Language", lang).get("/coupon-templates/" + id + "/issues/" + jobId + "?limit=200");
        assertEquals(200, r.status(), r::toString);
        return r.json();
    }

    private static Map<String, String> reasons(JsonNode job) {
        Map<String, String> out = new HashMap<>();
        for (JsonNode l : job.at("/report/items")) {
            out.put(l.get("memberId").asText(), "issued".equals(l.get("outcome").asText()) ? "issued" : l.get("reason").asText());
        }
        return out;
    }

    /** b and c race for the last coupon in walk order (newest first): one gets it, the other is stock out. */
    private static Map<String, String> fold(Map<String, String> reasons, String b, String c) {
        Map<String, String> out = new HashMap<>(reasons);
        String rb = out.remove(b), rc = out.remove(c);
        out.put(b + "|" + c, List.of(rb, rc).contains("issued") && List.of(rb, rc).contains("stock_out") ? "issued+stock_out" : rb + "," + rc);
        return out;
    }

    private static JsonNode lineOf(JsonNode job, String memberId) {
        for (JsonNode l : job.at("/report/items")) if (memberId.equals(l.get("memberId").asText())) return l;
        throw new AssertionError(memberId + " not in " + job);
    }
}
