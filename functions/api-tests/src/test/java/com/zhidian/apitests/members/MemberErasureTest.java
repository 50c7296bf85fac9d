package com.zhidian.apitests.members;

import static com.zhidian.apitests.support.Api.map;
import static com.zhidian.apitests.support.Problems.assertProblem;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.zhidian.apitests.support.Api;
import com.zhidian.apitests.support.Fixtures;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Erasure is all or nothing: a 503 changes nothing, a 204 leaves no login and no personal data behind,
 * not even in the stored answer of an Idempotency-Key.
 */
class MemberErasureTest {
    private static final Fixtures.TenantFixture T = Fixtures.newTenant("basic", 1);

    @AfterEach
    void allUp() {
        Fixtures.faultsOff();
    }

    @Test
    void userPoolDown_ownerErasureIs503_changesNothing_andTheRetryEndsTheLogin() {
        String phone = Fixtures.uniquePhone();
        String id = Members.enrol(T, phone).get("memberId").asText();
        Fixtures.fault("cognito", "down");
        assertProblem(T.owner().delete("/members/" + id), 503);
        Fixtures.fault("cognito", "up");
        JsonNode still = T.owner().get("/members/" + id).json();
        assertEquals("active", still.get("status").asText(), "a 503 erased nothing");
        assertEquals(phone, still.get("phone").asText());
        assertEquals(200, Members.login(T.tenantId(), phone, Members.OTP).status(), "the login is still there");

        assertEquals(204, T.owner().delete("/members/" + id).status());
        assertEquals("erased", T.owner().get("/members/" + id).json().get("status").asText());
        assertEquals(401, Members.login(T.tenantId(), phone, Members.OTP).status(), "the login is gone");
    }

    @Test
    void userPoolDown_deleteMeIs503_changesNothing_andTheRetryEndsTheLogin() {
        String phone = Fixtures.uniquePhone();
        String id = Members.enrol(T, phone).get("memberId").asText();
        Api me = Members.customer(T, phone);
        Fixtures.fault("cognito", "down");
        assertProblem(me.delete("/me"), 503);
        Fixtures.fault("cognito", "up");
        assertEquals("active", me.get("/me").json().get("status").asText(), "a 503 erased nothing");

        assertEquals(204, me.delete("/me").status());
        assertEquals("erased", T.owner().get("/members/" + id).json().get("status").asText());
        assertEquals(401, Members.login(T.tenantId(), phone, Members.OTP).status(), "the login is gone");
        assertEquals(204, me.delete("/me").status(), "repeating the erasure is harmless");
    }

    @Test
    void enrolmentReplayedAfterErasure_holdsNoPersonalData() {
        String phone = Fixtures.uniquePhone();
        Object body = map("phone", phone, "name", "李四", "birthday", "1988-08-08", "storeId", T.storeIds().get(0));
        String key = "pii-" + Members.key();
        Api.Res first = T.owner().post("/members", body, key);
        assertEquals(201, first.status(), first::toString);
        String id = first.json().get("memberId").asText();
        assertEquals(204, T.owner().delete("/members/" + id).status());

        Api.Res replay = T.owner().post("/members", body, key);
        assertEquals(201, replay.status(), replay::toString);
        assertEquals("true", replay.header("Idempotent-Replayed"));
        assertEquals(T.owner().get("/members/" + id).json(), replay.json(), "the replay is the erased member as GET shows it");
        assertNoPersonalData(replay.json());
    }

    @Test
    void cardVerificationReplayedAfterErasure_holdsNoPersonalData() {
        String phone = Fixtures.uniquePhone();
        String id = Members.enrol(T, phone).get("memberId").asText();
        String payload = Members.customer(T, phone).get("/me/card").json().get("qr").get("payload").asText();
        Api staff = T.staff(T.storeIds().get(0));
        String key = Members.key();
        Api.Res scan = staff.post("/member-cards/verify", map("payload", payload), key);
        assertEquals(200, scan.status(), scan::toString);
        assertEquals(phone.substring(0, 3) + "****" + phone.substring(7), scan.json().get("phone").asText(), "staff see it masked");
        String revealKey = Members.key();
        Api.Res reveal = staff.post("/members/" + id + "/reveal", null, revealKey);
        assertEquals(phone, reveal.json().get("phone").asText(), reveal::toString);
        assertEquals(204, T.owner().delete("/members/" + id).status());

        Api.Res revealReplay = staff.post("/members/" + id + "/reveal", null, revealKey);
        assertEquals(200, revealReplay.status(), revealReplay::toString);
        assertNoPersonalData(revealReplay.json());

        Api.Res replay = staff.post("/member-cards/verify", map("payload", payload), key);
        assertEquals(200, replay.status(), replay::toString);
        assertEquals("true", replay.header("Idempotent-Replayed"));
        assertEquals(id, replay.json().get("memberId").asText());
        assertNoPersonalData(replay.json());
    }

    @Test
    void enrolmentWithKey_thenEnrolmentFailsOnTheUserPool_rememberedAnswerIsUndoneToo() {
        String phone = Fixtures.uniquePhone();
        Object body = map("phone", phone, "name", "周五", "storeId", T.storeIds().get(0));
        String key = Members.key();
        Fixtures.fault("cognito", "down");
        assertProblem(T.owner().post("/members", body, key), 503);
        Fixtures.fault("cognito", "up");
        Api.Res retry = T.owner().post("/members", body, key);
        assertEquals(201, retry.status(), "the same key may be retried after a 503: " + retry);
        assertFalse("true".equals(retry.header("Idempotent-Replayed")));
        String id = retry.json().get("memberId").asText();
        assertEquals(204, T.owner().delete("/members/" + id).status());
        assertNoPersonalData(T.owner().post("/members", body, key).json());
    }

    private static void assertNoPersonalData(JsonNode member) {
        assertEquals("erased", member.get("status").asText(), member::toString);
        for (String field : new String[] {"phone", "name", "birthday"}) {
            assertTrue(member.get(field) == null || member.get(field).isNull(), () -> field + " in " + member);
        }
    }
}
