package com.zhidian.apitests.campaigns;

import static com.zhidian.apitests.support.Api.map;
import static com.zhidian.apitests.support.Problems.assertFieldErrors;
import static com.zhidian.apitests.support.Problems.assertProblem;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.zhidian.apitests.support.Api;
import com.zhidian.apitests.support.Fixtures;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Segments, campaigns, deliveries with reasons, the message centre and the one-tap unsubscribe, over HTTP. */
class CampaignsApiTest {
    static final Fixtures.TenantFixture T = Fixtures.newTenant("premium", 2);
    static final Fixtures.TenantFixture OTHER = Fixtures.newTenant("premium", 1);

    static {
        // no quiet hours for these tests, which run at any hour; quiet hours themselves are tested with a clock in the module
        for (Fixtures.TenantFixture t : List.of(T, OTHER)) {
            Api.Res r = t.owner().put("/campaign-settings", map("quietHoursFrom", "00:00", "quietHoursUntil", "00:00", "frequencyCap", 5));
            if (r.status() != 200) throw new AssertionError("settings: " + r);
        }
    }

    record Member(String memberId, String phone) {
        Api login(Fixtures.TenantFixture t) {
            Api.Res r = Fixtures.anonymous().post("/local/auth/login", map("tenantId", t.tenantId(), "phone", phone, "otp", "000000"));
            if (r.status() != 200) throw new AssertionError("customer login failed: " + r);
            return t.owner().as(r.json().get("idToken").asText());
        }
    }

    /** A member joined through the API, once the member summaries count it (they follow the table's stream). */
    static Member member(Fixtures.TenantFixture t, String storeId, Map<String, Object> consents) {
        boolean push = consents != null && Boolean.TRUE.equals(consents.get("marketing_push"));
        return Summaries.after(t, 1, push ? 1 : 0, () -> join(t, storeId, consents));
    }

    static Member join(Fixtures.TenantFixture t, String storeId, Map<String, Object> consents) {
        String phone = Fixtures.uniquePhone();
        Map<String, Object> body = new HashMap<>(map("phone", phone, "name", "顾客", "storeId", storeId));
        if (consents != null) body.put("consents", consents);
        Api.Res r = t.owner().post("/members", body);
        if (r.status() != 201) throw new AssertionError("member: " + r);
        return new Member(r.json().get("memberId").asText(), phone);
    }

    static String segment(Fixtures.TenantFixture t, String storeId) {
        Api.Res r = t.owner().post("/segments", map("name", "本店会员", "match", "all",
                "rules", List.of(map("kind", "home_store", "values", List.of(storeId)))));
        assertEquals(201, r.status(), r::toString);
        return r.json().get("segmentId").asText();
    }

    static String campaign(Fixtures.TenantFixture t, String segmentId) {
        Api.Res r = t.owner().post("/campaigns", map("title", "周末特惠", "body", "牛奶买二送一，仅限本周末", "channel", "in_app",
                "segmentId", segmentId));
        assertEquals(201, r.status(), r::toString);
        assertEquals("draft", r.json().get("status").asText());
        return r.json().get("campaignId").asText();
    }

    @Test
    void aCampaign_reachesOnlyMembersWithACurrentGrant_andTheReportNamesEveryOther() {
        String store = T.storeIds().get(1);
        Member granted = member(T, store, map("marketing_push", true));
        Member never = member(T, store, null);
        Member withdrawn = member(T, store, map("marketing_push", true));
        Api withdrawer = withdrawn.login(T);
        assertEquals(200, Summaries.after(T, 0, -1, () -> withdrawer.put("/me/consents/marketing_push", map("granted", false))).status());

        Api.Res live = T.owner().post("/segments/preview", map("rules", List.of(map("kind", "home_store", "values", List.of(store)))));
        assertEquals(200, live.status(), live::toString);
        assertEquals(3, live.json().get("matching").asInt());
        assertEquals(1, live.json().get("withPushGrant").asInt());

        String id = campaign(T, segment(T, store));
        JsonNode preview = T.owner().post("/campaigns/" + id + "/preview", null).json();
        assertEquals(3, preview.get("matching").asInt());
        assertEquals(1, preview.get("messageable").asInt());
        assertEquals(1, preview.at("/notMessageable/no_grant").asInt());
        assertEquals(1, preview.at("/notMessageable/withdrawn").asInt());

        Api.Res sent = T.owner().post("/campaigns/" + id + "/send", null);
        assertEquals(200, sent.status(), sent::toString);
        assertEquals("sent", sent.json().get("status").asText());
        assertEquals(3, sent.json().get("queued").asInt());
        assertEquals(409, T.owner().post("/campaigns/" + id + "/send", null).status(), "a second send is refused");
        Deliveries.settled(T.owner(), id);

        Map<String, String> reasons = new HashMap<>();
        for (JsonNode d : T.owner().get("/campaigns/" + id + "/deliveries").json().get("items")) {
            reasons.put(d.get("memberId").asText(), d.get("status").asText() + ":" + d.path("reason").asText("-"));
        }
        assertEquals(Map.of(granted.memberId(), "delivered:-", never.memberId(), "skipped:no_grant",
                withdrawn.memberId(), "skipped:withdrawn"), reasons);
        JsonNode counts = T.owner().get("/campaigns/" + id).json().get("deliveryCounts");
        assertEquals(1, counts.get("delivered").asInt());

        // the member sees it in the message centre, with the unread badge, and reads it
        Api me = granted.login(T);
        JsonNode inbox = me.get("/me/messages").json();
        assertEquals(1, inbox.get("unread").asInt());
        JsonNode msg = inbox.get("items").get(0);
        assertEquals("周末特惠", msg.get("title").asText());
        Api.Res read = me.post("/me/messages/" + msg.get("messageId").asText() + "/read", null);
        assertEquals(200, read.status(), read::toString);
        assertNotNull(read.json().get("readAt").asText(null));
        assertEquals(0, me.get("/me/messages").json().get("unread").asInt());
        // another member cannot read it
        assertProblem(withdrawer.post("/me/messages/" + msg.get("messageId").asText() + "/read", null), 404);

        // the one-tap unsubscribe: not usable by another member, withdraws for its own, shows in the consent history
        String token = msg.get("unsubscribeToken").asText();
        JsonNode refused = assertProblem(withdrawer.post("/me/unsubscribe", map("token", token)), 422);
        assertEquals("campaigns.bad_unsubscribe_link", refused.get("code").asText());
        String forged = token.substring(0, token.indexOf('.') + 1) + "AAAA" + token.substring(token.indexOf('.') + 5);
        assertProblem(me.post("/me/unsubscribe", map("token", forged)), 422);
        Api.Res un = me.post("/me/unsubscribe", map("token", token));
        assertEquals(200, un.status(), un::toString);
        JsonNode history = T.owner().get("/members/" + granted.memberId() + "/consents/history").json().get("items");
        assertEquals("unsubscribe_link", history.get(0).get("channel").asText());
        assertTrue(!history.get(0).get("granted").asBoolean());
    }

    @Test
    void aWithdrawalAfterThePreview_stopsTheMessage_whateverTheSummarySaysYet() {
        String store = T.storeIds().get(0);
        Member leaving = member(T, store, map("marketing_push", true));
        Api me = leaving.login(T);
        Api.Res seg = T.owner().post("/segments", map("name", "刚离开", "match", "all",
                "rules", List.of(map("kind", "home_store", "values", List.of(store)))));
        String id = campaign(T, seg.json().get("segmentId").asText());
        assertTrue(T.owner().post("/campaigns/" + id + "/preview", null).json().get("messageable").asInt() >= 1);
        // withdrawn between the preview and the send, without waiting for the summaries: delivery reads consent now
        assertEquals(200, me.put("/me/consents/marketing_push", map("granted", false)).status());
        assertEquals(200, T.owner().post("/campaigns/" + id + "/send", null).status());
        Deliveries.settled(T.owner(), id);
        String outcome = null;
        for (JsonNode d : T.owner().get("/campaigns/" + id + "/deliveries?limit=200").json().get("items")) {
            if (d.get("memberId").asText().equals(leaving.memberId())) outcome = d.get("status").asText() + ":" + d.path("reason").asText();
        }
        // queued from a summary that still had the grant, or left out by one that had caught up: never delivered
        assertTrue(outcome == null || outcome.equals("skipped:withdrawn"), "outcome " + outcome);
        assertEquals(0, me.get("/me/messages").json().get("items").findValuesAsText("campaignId").stream().filter(id::equals).count());
    }

    /**
     * What failed after the faults suite (session 13): the previous test's withdrawal had not reached the summaries yet
     * when the next member joined, so a wait that measured the join from counts read at once took the withdrawal's -1
     * for a missing grant. Several withdrawals, not waited for, then a join with the grant: the join is counted with it.
     */
    @Test
    void withdrawalsTheStreamHasNotAppliedYet_doNotHideTheGrantOfTheNextMember() throws Exception {
        String store = T.storeIds().get(0);
        // a few rounds: session 13's wait missed about one round in five of this sequence on a quiet machine
        for (int round = 0; round < 4; round++) {
            List<Api> leaving = new java.util.ArrayList<>();
            for (int i = 0; i < 5; i++) leaving.add(member(T, store, map("marketing_push", true)).login(T));
            var pool = java.util.concurrent.Executors.newFixedThreadPool(5);
            List<java.util.concurrent.Future<Api.Res>> withdrawn = new java.util.ArrayList<>();
            for (Api me : leaving) withdrawn.add(pool.submit(() -> me.put("/me/consents/marketing_push", map("granted", false))));
            for (var f : withdrawn) assertEquals(200, f.get().status());
            pool.shutdown();
            // counted exactly: joined with the grant (member() checks the counts moved by +1, +1 between two barriers)
            member(T, store, map("marketing_push", true));
        }
        Summaries.Counts settled = Summaries.everyone(T.owner());
        Summaries.caughtUp(T);
        assertEquals(settled, Summaries.everyone(T.owner()), "nothing of the withdrawals was still on its way");
    }

    /**
     * The backfill for members who existed before the summaries' feed: page by page with a cursor, owner only, strict
     * input; here every member already has a summary, so it must change no count, however often it runs.
     */
    @Test
    void theSummariesBackfill_pagesThroughTheMembers_changesNothingTheStreamAlreadyTold_andIsOwnerOnly() {
        member(T, T.storeIds().get(0), map("marketing_push", true));
        member(T, T.storeIds().get(0), null);
        Summaries.caughtUp(T);
        Summaries.Counts before = Summaries.everyone(T.owner());
        int examined = 0, pages = 0;
        String cursor = null;
        do {
            Api.Res r = T.owner().post("/campaign-summaries/backfill", cursor == null ? map("limit", 1) : map("limit", 1, "cursor", cursor));
            assertEquals(200, r.status(), r::toString);
            examined += r.json().get("examined").asInt();
            cursor = r.json().get("nextCursor").isNull() ? null : r.json().get("nextCursor").asText();
            pages++;
        } while (cursor != null && pages < 500);
        assertTrue(examined >= before.matching(), "every counted member was examined: " + examined + " of " + before.matching());
        assertEquals(200, T.owner().post("/campaign-summaries/backfill", map()).status(), "and again");
        Summaries.caughtUp(T);
        assertEquals(before, Summaries.everyone(T.owner()));
        assertFieldErrors(T.owner().post("/campaign-summaries/backfill", map("limit", 0)), "limit");
        assertFieldErrors(T.owner().post("/campaign-summaries/backfill", map("extra", 1)), "extra");
        assertProblem(T.staff(T.storeIds().get(0)).post("/campaign-summaries/backfill", map()), 403);
    }

    @Test
    void cancel_beforeSending_stopsIt_andAnotherTenantsCampaignIs404() {
        String store = T.storeIds().get(0);
        member(T, store, map("marketing_push", true));
        String id = campaign(T, segment(T, store));
        Api.Res c = T.owner().post("/campaigns/" + id + "/cancel", null);
        assertEquals(200, c.status(), c::toString);
        assertEquals("cancelled", c.json().get("status").asText());
        JsonNode p = assertProblem(T.owner().post("/campaigns/" + id + "/send", null), 409);
        assertEquals("campaigns.wrong_state", p.get("code").asText());
        assertProblem(OTHER.owner().get("/campaigns/" + id), 404);
        assertProblem(OTHER.owner().post("/campaigns/" + id + "/send", null), 404);
        assertProblem(T.staff(store).get("/campaigns/" + id), 403);
    }

    @Test
    void badInput_is400NamingTheField_andWritesNothing() {
        String store = T.storeIds().get(0);
        assertFieldErrors(T.owner().post("/segments", map("name", "x", "rules", List.of(map("kind", "telepathy")))), "rules[0].kind");
        assertFieldErrors(T.owner().post("/segments", map("name", "x", "rules", List.of(map("kind", "points_balance")))), "rules[0].min");
        assertFieldErrors(T.owner().post("/segments", map("name", "x", "rules", List.of(map("kind", "birthday_month", "values", List.of("13"))))),
                "rules[0].values[0]");
        assertFieldErrors(T.owner().post("/segments", map("name", "x", "rules", List.of(map("kind", "home_store",
                "values", List.of(OTHER.storeIds().get(0)))))), "rules[0].values[0]");
        assertFieldErrors(T.owner().post("/segments", map("name", "x", "rules", List.of(), "extra", 1)), "extra");
        String seg = segment(T, store);
        Map<String, Object> ok = map("title", "t", "body", "b", "channel", "in_app", "segmentId", seg);
        assertFieldErrors(T.owner().post("/campaigns", with(ok, "channel", "fax")), "channel");
        assertFieldErrors(T.owner().post("/campaigns", with(ok, "holdoutPercent", 51)), "holdoutPercent");
        assertFieldErrors(T.owner().post("/campaigns", with(ok, "sendAt", "tomorrow")), "sendAt");
        assertFieldErrors(T.owner().post("/campaigns", with(ok, "sendAt", "2020-01-01T00:00:00Z")), "sendAt");
        assertFieldErrors(T.owner().post("/campaigns", with(ok, "segmentId", "sg_nope")), "segmentId");
        assertFieldErrors(T.owner().post("/campaigns", with(ok, "couponTemplateId", "ct_nope")), "couponTemplateId");
        assertFieldErrors(T.owner().post("/campaigns", map("title", "t")), "body", "channel", "segmentId");
        assertFieldErrors(T.owner().put("/campaign-settings", map("quietHoursFrom", "25:00", "quietHoursUntil", "08:00", "frequencyCap", 0)),
                "quietHoursFrom", "frequencyCap");
        assertEquals(0, T.owner().get("/campaigns?limit=200").json().get("items").findValuesAsText("title").stream()
                .filter("t"::equals).count(), "no campaign was written by a refused request");
    }

    @Test
    void aCouponTemplate_goesOutWithTheMessage() {
        String store = T.storeIds().get(0);
        Member m = member(T, store, map("marketing_push", true));
        Api.Res tpl = T.owner().post("/coupon-templates", map("name", "满50减5", "kind", "amount_off", "value", 500, "minSpend", 5000,
                "validDays", 30, "totalStock", 1000, "perMemberLimit", 5));
        assertEquals(201, tpl.status(), tpl::toString);
        Api.Res c = T.owner().post("/campaigns", map("title", "送券", "body", "送您一张券", "channel", "in_app",
                "segmentId", segment(T, store), "couponTemplateId", tpl.json().get("templateId").asText()));
        assertEquals(201, c.status(), c::toString);
        T.owner().post("/campaigns/" + c.json().get("campaignId").asText() + "/send", null);
        Deliveries.settled(T.owner(), c.json().get("campaignId").asText());
        // the coupon is attached right after the delivery commits (docs/decisions.md): read until it is there (bounded)
        Api me = m.login(T);
        String code = null;
        for (int i = 0; i < 100 && code == null; i++) {
            for (JsonNode x : me.get("/me/messages").json().get("items")) {
                if (x.get("campaignId").asText().equals(c.json().get("campaignId").asText())) code = x.get("couponCode").asText(null);
            }
            if (code == null) sleep();
        }
        assertNotNull(code, "the message carries its coupon");
        JsonNode mine = m.login(T).get("/me/coupons").json().get("items");
        assertTrue(mine.findValuesAsText("code").contains(code), mine::toString);
    }

    @Test
    void aScheduledCampaign_isSentByTheScheduleJob_asEventBridgeSchedulerWouldInAws() throws InterruptedException {
        String store = T.storeIds().get(0);
        member(T, store, map("marketing_push", true));
        String sendAt = java.time.Instant.now().plusSeconds(2).truncatedTo(java.time.temporal.ChronoUnit.SECONDS).toString();
        Api.Res c = T.owner().post("/campaigns", map("title", "定时", "body", "两秒后发送", "channel", "in_app",
                "segmentId", segment(T, store), "sendAt", sendAt));
        assertEquals(201, c.status(), c::toString);
        assertEquals("scheduled", c.json().get("status").asText());
        String id = c.json().get("campaignId").asText();
        Api local = Fixtures.anonymous();
        String status = "scheduled";
        // the job runs every minute; here it is run by hand until the send time has passed (bounded)
        for (int i = 0; i < 100 && !status.equals("sent"); i++) {
            assertEquals(200, local.post("/local/schedules/CampaignsScheduleFunction", null).status());
            status = T.owner().get("/campaigns/" + id).json().get("status").asText();
            if (!status.equals("sent")) Thread.sleep(100);
        }
        assertEquals("sent", status);
        assertTrue(Deliveries.settled(T.owner(), id).at("/deliveryCounts/delivered").asInt(0) >= 1, "the member of the store was messaged");
    }

    private static void sleep() {
        try {
            Thread.sleep(100);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static Map<String, Object> with(Map<String, Object> base, Object... kv) {
        Map<String, Object> m = new HashMap<>(base);
        for (int i = 0; i < kv.length; i += 2) m.put((String) kv[i], kv[i + 1]);
        return m;
    }
}
