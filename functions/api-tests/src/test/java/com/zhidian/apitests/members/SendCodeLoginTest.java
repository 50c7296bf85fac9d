package com.zhidian.apitests.members;

import static com.zhidian.apitests.support.Api.map;
import static com.zhidian.apitests.support.Problems.assertFieldErrors;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.zhidian.apitests.support.Api;
import com.zhidian.apitests.support.Fixtures;
import org.junit.jupiter.api.Test;

/**
 * The H5's "send code" then "log in": Cognito's custom authentication in two steps (InitiateAuth, then
 * RespondToAuthChallenge with the session), so the code is texted once and a countdown can hold the button.
 */
class SendCodeLoginTest {
    private static final Fixtures.TenantFixture T = Fixtures.newTenant("basic", 1);

    @Test
    void aMemberAsksForACode_thenAnswersItsSession_andIsSignedIn() {
        String phone = Fixtures.uniquePhone();
        Members.enrol(T, phone);
        Api.Res code = sendCode(T.tenantId(), "+86 " + phone.substring(0, 3) + "-" + phone.substring(3));
        assertEquals(200, code.status(), code::toString);
        assertEquals(60, code.json().get("resendAfterSeconds").asInt());
        String session = code.json().get("session").asText();

        Api.Res wrong = login(T.tenantId(), phone, "999999", session);
        assertEquals(401, wrong.status(), wrong::toString);
        assertEquals("auth.wrong_code", wrong.json().get("code").asText(), "a stable code the H5 words");
        Api.Res again = sendCode(T.tenantId(), phone);
        Api.Res ok = login(T.tenantId(), phone, Members.OTP, again.json().get("session").asText());
        assertEquals(200, ok.status(), ok::toString);
        assertTrue(ok.json().get("idToken").asText().length() > 20);
    }

    @Test
    void aPhoneThatIsNoMember_getsAnAnswerOfTheSameShape_andItsCodeNeverWorks() {
        String stranger = Fixtures.uniquePhone();
        Api.Res code = sendCode(T.tenantId(), stranger);
        assertEquals(200, code.status(), "the button does not tell who shops here: " + code);
        JsonNode body = code.json();
        assertEquals("CUSTOM_CHALLENGE", body.get("challenge").asText());
        assertTrue(body.get("session").asText().length() >= 32);
        assertEquals(401, login(T.tenantId(), stranger, Members.OTP, body.get("session").asText()).status());
    }

    @Test
    void aWrongPassword_carriesItsOwnCode_andAMissingFieldIsRequired() {
        Api.Res wrong = Fixtures.anonymous().post("/local/auth/login", map("username", T.ownerEmail(), "password", "Not-The-1-Password"));
        assertEquals(401, wrong.status(), wrong::toString);
        assertEquals("auth.wrong_credentials", wrong.json().get("code").asText());
        Api.Res empty = Fixtures.anonymous().post("/local/auth/login", map("username", T.ownerEmail()));
        assertFieldErrors(empty, "password");
        assertEquals("required", empty.json().get("errors").get(0).get("code").asText());
    }

    @Test
    void badInput_is400_namingTheField() {
        assertFieldErrors(sendCode(T.tenantId(), "1380000"), "phone");
        assertFieldErrors(Fixtures.anonymous().post("/local/auth/code", map("phone", Fixtures.uniquePhone())), "tenantId");
        assertFieldErrors(Fixtures.anonymous().post("/local/auth/code", map("tenantId", T.tenantId(), "phone", Fixtures.uniquePhone(), "otp", "1")), "otp");
    }

    private static Api.Res sendCode(String tenantId, String phone) {
        return Fixtures.anonymous().post("/local/auth/code", map("tenantId", tenantId, "phone", phone));
    }

    private static Api.Res login(String tenantId, String phone, String otp, String session) {
        return Fixtures.anonymous().post("/local/auth/login", map("tenantId", tenantId, "phone", phone, "otp", otp, "session", session));
    }
}
