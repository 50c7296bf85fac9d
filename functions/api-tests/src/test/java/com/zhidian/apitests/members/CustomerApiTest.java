package com.zhidian.apitests.members;

import static com.zhidian.apitests.support.Api.map;
import static com.zhidian.apitests.support.Problems.assertFieldErrors;
import static com.zhidian.apitests.support.Problems.assertProblem;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.zhidian.apitests.support.Api;
import com.zhidian.apitests.support.Fixtures;
import org.junit.jupiter.api.Test;

class CustomerApiTest {
    private static final Fixtures.TenantFixture T = Fixtures.newTenant("standard", 2);
    private static final Fixtures.TenantFixture OTHER = Fixtures.newTenant("basic", 1);

    @Test
    void customerSignsInWithPhoneAndCode_andSeesOnlyThemself() {
        String phone = Fixtures.uniquePhone();
        String id = Members.enrol(T, phone).get("memberId").asText();
        Members.adjust(T.owner(), id, 66, "welcome");
        Api me = Members.customer(T, phone);
        JsonNode self = me.get("/me").json();
        assertEquals(id, self.get("memberId").asText());
        assertEquals(2, self.get("consents").size());
        assertEquals(66, me.get("/me/points").json().get("balance").asLong());
        JsonNode entry = me.get("/me/points/ledger").json().get("items").get(0);
        assertEquals(66, entry.get("delta").asLong());
        assertFalse(entry.has("actor"), "customers do not see who keyed an entry");
        assertEquals(401, Members.login(T.tenantId(), phone, "123456").status());
        assertEquals(401, Members.login(OTHER.tenantId(), phone, Members.OTP).status(), "a phone is a member of one tenant only");
        assertEquals(401, Members.login(T.tenantId(), Fixtures.uniquePhone(), Members.OTP).status());
        assertFieldErrors(Fixtures.anonymous().post("/local/auth/login", map("tenantId", T.tenantId(), "phone", phone)), "otp");
    }

    @Test
    void card_qrChangesAndIsVerifiableAtThePos_onlyInItsTenant() {
        String phone = Fixtures.uniquePhone();
        JsonNode m = Members.enrol(T, phone);
        Api me = Members.customer(T, phone);
        Api.Res card = me.get("/me/card");
        assertEquals(200, card.status(), card::toString);
        assertEquals("no-store", card.header("Cache-Control"));
        assertEquals(m.get("cardNo"), card.json().get("cardNo"));
        String payload = card.json().get("qr").get("payload").asText();
        assertTrue(card.json().get("qr").get("refreshAfterSeconds").asInt() <= 60);
        Api staff = T.staff(T.storeIds().get(1));
        Api.Res scan = staff.post("/member-cards/verify", map("payload", payload));
        assertEquals(200, scan.status(), scan::toString);
        assertEquals(m.get("memberId"), scan.json().get("memberId"));
        assertProblem(OTHER.owner().post("/member-cards/verify", map("payload", payload)), 404);
        String forged = payload.replace(m.get("memberId").asText(), "mb_aaaaaaaaaaaaaaaa");
        assertProblem(staff.post("/member-cards/verify", map("payload", forged)), 404);
        assertFieldErrors(staff.post("/member-cards/verify", map("payload", "hello")), "payload");
        assertFieldErrors(staff.post("/member-cards/verify", map()), "payload");
        String[] parts = payload.split("\\.");
        long old = Long.parseLong(parts[3]) - 5;
        String stale = String.join(".", parts[0], parts[1], parts[2], Long.toString(old), parts[4]);
        assertProblem(staff.post("/member-cards/verify", map("payload", stale)), 404);
        assertProblem(me.post("/member-cards/verify", map("payload", payload)), 403);
    }

    @Test
    void consents_grantAndWithdrawInOneCall_everyChangeInTheHistory() {
        String phone = Fixtures.uniquePhone();
        String id = T.owner().post("/members", map("phone", phone, "storeId", T.storeIds().get(0),
                "consents", map("personalization", true))).json().get("memberId").asText();
        Api me = Members.customer(T, phone);
        JsonNode now = me.get("/me/consents").json().get("items");
        assertFalse(now.get(0).get("granted").asBoolean());
        assertTrue(now.get(1).get("granted").asBoolean());
        assertEquals("portal", now.get(1).get("channel").asText());
        Api.Res grant = me.put("/me/consents/marketing_push", map("granted", true, "textVersion", "2026-01"));
        assertEquals(200, grant.status(), grant::toString);
        assertTrue(grant.json().get("granted").asBoolean());
        assertEquals("h5", grant.json().get("channel").asText());
        assertEquals(200, me.put("/me/consents/marketing_push", map("granted", true)).status(), "granting again is fine");
        assertEquals(200, me.put("/me/consents/marketing_push", map("granted", false, "channel", "mini_program")).status());
        JsonNode history = T.owner().get("/members/" + id + "/consents/history").json().get("items");
        assertEquals(3, history.size());
        assertEquals(false, history.get(0).get("granted").asBoolean());
        assertEquals("mini_program", history.get(0).get("channel").asText());
        assertEquals("2026-01", history.get(0).get("textVersion").asText());
        assertTrue(history.get(0).has("at"));
        assertProblem(me.put("/me/consents/sell_my_data", map("granted", true)), 404);
        assertFieldErrors(me.put("/me/consents/marketing_push", map("granted", "yes")), "granted");
        assertFieldErrors(me.put("/me/consents/marketing_push", map()), "granted");
        assertFieldErrors(me.put("/me/consents/marketing_push", map("granted", true, "channel", "pos")), "channel");
        assertProblem(T.staff(T.storeIds().get(0)).get("/members/" + id + "/consents/history"), 403);
    }

    @Test
    void dataExport_holdsEverything() {
        String phone = Fixtures.uniquePhone();
        String id = Members.enrol(T, phone).get("memberId").asText();
        Members.adjust(T.owner(), id, 10, "welcome");
        Api me = Members.customer(T, phone);
        me.put("/me/consents/personalization", map("granted", true));
        Api.Res r = me.get("/me/data");
        assertEquals(200, r.status(), r::toString);
        JsonNode x = r.json();
        assertEquals(phone, x.get("member").get("phone").asText());
        assertEquals(10, x.get("points").get("balance").asLong());
        assertEquals(1, x.get("ledger").size());
        assertEquals(1, x.get("consentHistory").size());
        assertTrue(x.has("generatedAt"));
    }

    @Test
    void deleteMe_anonymises_keepsTheLedger_andEndsTheLogin() {
        String phone = Fixtures.uniquePhone();
        String id = Members.enrol(T, phone).get("memberId").asText();
        Members.adjust(T.owner(), id, 90, "seed");
        Members.redeem(T.owner(), id, 20, T.storeIds().get(0));
        Api me = Members.customer(T, phone);
        me.put("/me/consents/marketing_push", map("granted", true));
        assertEquals(204, me.delete("/me").status());
        assertProblem(me.get("/me"), 404);
        assertEquals(401, Members.login(T.tenantId(), phone, Members.OTP).status(), "the login is gone");
        JsonNode erased = T.owner().get("/members/" + id).json();
        assertEquals("erased", erased.get("status").asText());
        assertTrue(erased.get("phone").isNull());
        assertTrue(erased.get("name").isNull());
        erased.get("consents").forEach(c -> assertFalse(c.get("granted").asBoolean()));
        assertEquals(70, T.owner().get("/members/" + id + "/points").json().get("balance").asLong());
        assertEquals(2, T.owner().get("/members/" + id + "/points/ledger").json().get("items").size());
        assertProblem(Members.redeem(T.owner(), id, 1, T.storeIds().get(0)), 409);
        assertEquals(0, T.owner().get("/members?phone=" + phone).json().get("items").size());
        Api.Res again = T.owner().post("/members", map("phone", phone, "storeId", T.storeIds().get(0)));
        assertEquals(201, again.status(), "the phone may join again as a new member");
        assertTrue(!again.json().get("memberId").asText().equals(id));
        assertEquals(200, Members.login(T.tenantId(), phone, Members.OTP).status());
    }

    @Test
    void ownerErasure_isOwnerOnly_andRepeatable() {
        String phone = Fixtures.uniquePhone();
        String id = Members.enrol(T, phone).get("memberId").asText();
        assertProblem(T.staff(T.storeIds().get(0)).delete("/members/" + id), 403);
        assertEquals(204, T.owner().delete("/members/" + id).status());
        assertEquals(204, T.owner().delete("/members/" + id).status());
        assertProblem(T.owner().patch("/members/" + id, map("name", "x")), 409);
        assertEquals(401, Members.login(T.tenantId(), phone, Members.OTP).status());
    }
}
