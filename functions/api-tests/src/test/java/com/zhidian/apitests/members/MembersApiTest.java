package com.zhidian.apitests.members;

import static com.zhidian.apitests.support.Api.map;
import static com.zhidian.apitests.support.Problems.assertFieldErrors;
import static com.zhidian.apitests.support.Problems.assertProblem;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.zhidian.apitests.support.Api;
import com.zhidian.apitests.support.Fixtures;
import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.Test;

class MembersApiTest {
    private static final Fixtures.TenantFixture T = Fixtures.newTenant("premium", 2);
    private static final Fixtures.TenantFixture OTHER = Fixtures.newTenant("basic", 1);

    @Test
    void enrol_answers201WithCardAndNoConsent_andTheMemberCanBeReadBack() {
        String phone = Fixtures.uniquePhone();
        Api.Res r = T.owner().post("/members", map("phone", "+86" + phone, "name", "王芳", "birthday", "1975-04-01",
                "storeId", T.storeIds().get(0)));
        assertEquals(201, r.status(), r::toString);
        JsonNode m = r.json();
        String id = m.get("memberId").asText();
        assertEquals("/members/" + id, r.header("Location"));
        assertEquals(phone, m.get("phone").asText(), "stored as 11 digits");
        assertTrue(m.get("cardNo").asText().matches("8[0-9]{15}"));
        assertEquals("active", m.get("status").asText());
        m.get("consents").forEach(c -> assertFalse(c.get("granted").asBoolean(), "joining never grants consent"));
        JsonNode got = T.owner().get("/members/" + id).json();
        assertEquals(m.get("cardNo"), got.get("cardNo"));
        assertEquals("1975-04-01", got.get("birthday").asText());
        assertEquals(0, T.owner().get("/members/" + id + "/points").json().get("balance").asLong());
    }

    @Test
    void samePhone_inTheSameTenant_is409_inAnotherTenant_isFine() {
        String phone = Fixtures.uniquePhone();
        Members.enrol(T, phone);
        assertProblem(T.owner().post("/members", map("phone", phone, "storeId", T.storeIds().get(1))), 409);
        assertEquals(201, OTHER.owner().post("/members", map("phone", phone, "storeId", OTHER.storeIds().get(0))).status());
    }

    @Test
    void concurrentEnrolmentsOfOnePhone_exactlyOneWins() throws Exception {
        String phone = Fixtures.uniquePhone();
        var pool = java.util.concurrent.Executors.newFixedThreadPool(6);
        var results = new java.util.ArrayList<java.util.concurrent.Future<Integer>>();
        for (int i = 0; i < 6; i++) {
            results.add(pool.submit(() -> T.owner().post("/members", map("phone", phone, "storeId", T.storeIds().get(0))).status()));
        }
        int created = 0, conflicts = 0;
        for (var f : results) {
            int s = f.get();
            if (s == 201) created++;
            else if (s == 409) conflicts++;
        }
        pool.shutdown();
        assertEquals(1, created);
        assertEquals(5, conflicts);
        assertEquals(1, T.owner().get("/members?phone=" + phone).json().get("items").size());
    }

    @Test
    void joins_countInTheTenantsMonthlyUsage() {
        Fixtures.TenantFixture t = Fixtures.newTenant("basic", 1);
        Members.enrol(t, Fixtures.uniquePhone());
        Members.enrol(t, Fixtures.uniquePhone());
        t.owner().post("/members", map("phone", "bad", "storeId", t.storeIds().get(0)));
        assertEquals(2, Fixtures.provider().get("/admin/tenants/" + t.tenantId() + "/usage").json().get("members").asLong());
    }

    @Test
    void cashierLooksUpByPhone() {
        String phone = Fixtures.uniquePhone();
        String id = Members.enrol(T, phone).get("memberId").asText();
        Api staff = T.staff(T.storeIds().get(1));
        JsonNode page = staff.get("/members?phone=" + phone).json();
        assertEquals(1, page.get("items").size());
        assertEquals(id, page.get("items").get(0).get("memberId").asText());
        assertEquals(0, staff.get("/members?phone=" + Fixtures.uniquePhone()).json().get("items").size());
        assertFieldErrors(staff.get("/members?phone=12345"), "phone");
        assertEquals(0, OTHER.owner().get("/members?phone=" + phone).json().get("items").size(), "another tenant's member is invisible");
        String card = T.owner().get("/members/" + id).json().get("cardNo").asText();
        assertEquals(id, staff.get("/members?cardNo=" + card).json().get("items").get(0).get("memberId").asText());
        assertEquals(0, OTHER.owner().get("/members?cardNo=" + card).json().get("items").size());
        String typo = card.substring(0, 15) + (char) ('0' + (card.charAt(15) - '0' + 1) % 10);
        assertFieldErrors(staff.get("/members?cardNo=" + typo), "cardNo");
        assertFieldErrors(staff.get("/members?cardNo=" + card + "&phone=" + phone), "cardNo");
    }

    @Test
    void listPagesWithCursor_andAForgedCursorIs400() {
        Fixtures.TenantFixture t = Fixtures.newTenant("basic", 1);
        Set<String> ids = new HashSet<>();
        for (int i = 0; i < 3; i++) ids.add(Members.enrol(t, Fixtures.uniquePhone()).get("memberId").asText());
        Set<String> seen = new HashSet<>();
        String cursor = null;
        int pages = 0;
        do {
            JsonNode p = t.owner().get("/members?limit=2" + (cursor == null ? "" : "&cursor=" + cursor)).json();
            p.get("items").forEach(m -> seen.add(m.get("memberId").asText()));
            cursor = p.get("nextCursor").isNull() ? null : p.get("nextCursor").asText();
            pages++;
        } while (cursor != null && pages < 10);
        assertEquals(ids, seen);
        assertFieldErrors(t.owner().get("/members?cursor=abc.def"), "cursor");
        assertFieldErrors(t.owner().get("/members?limit=0"), "limit");
    }

    @Test
    void staffEnrolOnlyInTheirStores_butSeeEveryMemberOfTheTenant() {
        Api staff = T.staff(T.storeIds().get(0));
        Api.Res ok = staff.post("/members", map("phone", Fixtures.uniquePhone(), "storeId", T.storeIds().get(0)));
        assertEquals(201, ok.status(), ok::toString);
        assertProblem(staff.post("/members", map("phone", Fixtures.uniquePhone(), "storeId", T.storeIds().get(1))), 404);
        String elsewhere = T.owner().post("/members", map("phone", Fixtures.uniquePhone(), "storeId", T.storeIds().get(1)))
                .json().get("memberId").asText();
        assertEquals(200, staff.get("/members/" + elsewhere).status(), "a member belongs to the tenant, not to a store");
        assertProblem(staff.delete("/members/" + elsewhere), 403);
    }

    @Test
    void anotherTenantsMember_is404_onEveryRoute_likeAMissingOne() {
        String foreign = Members.enrol(OTHER, Fixtures.uniquePhone()).get("memberId").asText();
        Api o = T.owner();
        String s = T.storeIds().get(0);
        for (Api.Res r : new Api.Res[] {
                o.get("/members/" + foreign), o.patch("/members/" + foreign, map("name", "x")),
                o.get("/members/" + foreign + "/points"), o.get("/members/" + foreign + "/points/ledger"),
                Members.adjust(o, foreign, 5, "x"), Members.redeem(o, foreign, 1, s),
                o.get("/members/" + foreign + "/consents/history"), o.delete("/members/" + foreign),
                o.get("/members/mb_doesnotexist"), o.get("/members/not%20an%20id")}) {
            assertProblem(r, 404);
        }
        assertEquals("active", OTHER.owner().get("/members/" + foreign).json().get("status").asText(), "nothing changed there");
    }

    @Test
    void patch_changesNameAndBirthday_refusesPhoneAndUnknownFields() {
        String id = Members.enrol(T, Fixtures.uniquePhone()).get("memberId").asText();
        Api.Res r = T.owner().patch("/members/" + id, map("name", "李四", "birthday", "1990-05-17"));
        assertEquals(200, r.status(), r::toString);
        assertEquals("李四", r.json().get("name").asText());
        Api.Res cleared = T.owner().patch("/members/" + id, map("birthday", null));
        assertTrue(cleared.json().get("birthday").isNull());
        assertEquals("李四", cleared.json().get("name").asText());
        assertFieldErrors(T.owner().patch("/members/" + id, map("phone", "13800000000")), "phone");
        assertFieldErrors(T.owner().patch("/members/" + id, map("cardNo", "8000000000000000", "status", "erased")), "cardNo", "status");
        assertProblem(T.owner().patch("/members/" + id, map()), 400);
        assertFieldErrors(T.owner().patch("/members/" + id, map("birthday", "2001-02-29")), "birthday");
    }

    @Test
    void badInput_isAlways400_withEveryFieldNamed_neverAPartialWrite() {
        Api o = T.owner();
        String s = T.storeIds().get(0);
        assertFieldErrors(o.post("/members", map("storeId", s)), "phone");
        assertFieldErrors(o.post("/members", map("phone", "12345678901", "storeId", s)), "phone");
        assertFieldErrors(o.post("/members", map("phone", 13800138000L, "storeId", s)), "phone");
        assertFieldErrors(o.post("/members", map("phone", Fixtures.uniquePhone())), "storeId");
        assertFieldErrors(o.post("/members", map("phone", Fixtures.uniquePhone(), "storeId", s, "tenantId", OTHER.tenantId(),
                "balance", 1000, "cardNo", "8000000000000000")), "tenantId", "balance", "cardNo");
        assertFieldErrors(o.post("/members", map("phone", Fixtures.uniquePhone(), "storeId", s, "birthday", "2999-01-01")), "birthday");
        assertFieldErrors(o.post("/members", map("phone", Fixtures.uniquePhone(), "storeId", s, "birthday", "17/05/1990")), "birthday");
        assertFieldErrors(o.post("/members", map("phone", Fixtures.uniquePhone(), "storeId", s, "name", "")), "name");
        assertFieldErrors(o.post("/members", map("phone", Fixtures.uniquePhone(), "storeId", s, "name", "x".repeat(65))), "name");
        assertFieldErrors(o.post("/members", map("phone", Fixtures.uniquePhone(), "storeId", s,
                "consents", map("marketing_push", "yes", "spam", true))), "consents.marketing_push", "consents.spam");
        assertFieldErrors(o.post("/members", map("phone", Fixtures.uniquePhone(), "storeId", s, "consents", true)), "consents");
        assertFieldErrors(o.post("/members", map("phone", Fixtures.uniquePhone(), "storeId", s, "channel", "sms")), "channel");
        assertFieldErrors(o.post("/members", map("phone", Fixtures.uniquePhone(), "storeId", "bad id!")), "storeId");
        assertProblem(o.send("POST", "/members", "{not json", null, "application/json"), 400);
        assertProblem(o.send("POST", "/members", "[]", null, "application/json"), 400);
        assertProblem(o.send("POST", "/members", "phone=1", null, "application/x-www-form-urlencoded"), 415);
        assertProblem(o.post("/members", map("phone", Fixtures.uniquePhone(), "storeId", s, "name", "x".repeat(300_000))), 413);
    }

    @Test
    void rolesAndTokens() {
        String id = Members.enrol(T, Fixtures.uniquePhone()).get("memberId").asText();
        Api.Res anon = Fixtures.anonymous().get("/members/" + id);
        assertEquals(401, anon.status());
        Api customer = Members.customer(T, T.owner().get("/members/" + id).json().get("phone").asText());
        assertProblem(customer.get("/members/" + id), 403);
        assertProblem(customer.post("/members", map("phone", Fixtures.uniquePhone(), "storeId", T.storeIds().get(0))), 403);
        assertProblem(Members.adjust(customer, id, 100, "free points"), 403);
        assertProblem(T.owner().get("/me"), 403);
    }

    @Test
    void enrolment_isIdempotentOnItsKey() {
        String phone = Fixtures.uniquePhone();
        Object body = map("phone", phone, "storeId", T.storeIds().get(0));
        Api.Res first = T.owner().post("/members", body, "enrol-" + phone);
        Api.Res again = T.owner().post("/members", body, "enrol-" + phone);
        assertEquals(201, first.status(), first::toString);
        assertEquals(201, again.status());
        assertEquals(first.json().get("memberId"), again.json().get("memberId"));
        assertEquals("true", again.header("Idempotent-Replayed"));
        assertProblem(T.owner().post("/members", map("phone", Fixtures.uniquePhone(), "storeId", T.storeIds().get(0)), "enrol-" + phone), 422);
        assertNotEquals(first.json().get("cardNo").asText(), Members.enrol(T, Fixtures.uniquePhone()).get("cardNo").asText());
    }
}
