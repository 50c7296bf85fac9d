package com.zhidian.apitests.members;

import static com.zhidian.apitests.support.Api.map;
import static com.zhidian.apitests.support.Problems.assertFieldErrors;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.zhidian.apitests.support.Api;
import com.zhidian.apitests.support.Fixtures;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * A customer joins from the H5 with a phone, a texted code and two consent choices, no counter needed: Cognito SignUp
 * (the PreSignUp trigger checks tenant, store and phone), ConfirmSignUp with the code (the PostConfirmation trigger makes
 * the member), and a sign-in with ConfirmSignUp's session. A phone that is already a member's gets an answer of the same
 * shape and, with its code, the same tokens as a sign-in: the button tells no stranger who shops here.
 */
class SelfSignUpTest {
    private static final Fixtures.TenantFixture T = Fixtures.newTenant("basic", 1);
    private static final Fixtures.TenantFixture OTHER = Fixtures.newTenant("basic", 1);

    @Test
    void aNewCustomerJoins_withTheirChoices_andIsSignedIn() {
        String phone = Fixtures.uniquePhone();
        Api.Res code = signUp(T.tenantId(), T.storeIds().get(0), phone);
        assertEquals(200, code.status(), code::toString);
        assertEquals(60, code.json().get("resendAfterSeconds").asInt());

        Api.Res wrong = join(T.tenantId(), phone, "999999", code.json().get("session").asText(), Map.of());
        assertEquals(401, wrong.status(), wrong::toString);
        assertEquals("auth.wrong_code", wrong.json().get("code").asText());

        Api.Res joined = join(T.tenantId(), phone, Members.OTP, code.json().get("session").asText(),
                Map.of("marketing_push", false, "personalization", true));
        assertEquals(200, joined.status(), joined::toString);
        Api me = T.owner().as(joined.json().get("idToken").asText());
        JsonNode self = me.get("/me").json();
        assertEquals(phone, self.get("phone").asText());
        assertEquals(T.storeIds().get(0), self.get("storeId").asText());
        Map<String, JsonNode> consents = new HashMap<>();
        me.get("/me/consents").json().get("items").forEach(c -> consents.put(c.get("purpose").asText(), c));
        assertEquals(false, consents.get("marketing_push").get("granted").asBoolean());
        assertEquals(true, consents.get("personalization").get("granted").asBoolean());
        assertEquals("h5", consents.get("personalization").get("channel").asText());
        assertEquals(0, me.get("/me/points").json().get("balance").asLong(), "no welcome points: none at the counter either");

        JsonNode found = T.owner().get("/members?phone=" + phone).json().get("items");
        assertEquals(1, found.size());
        assertEquals(self.get("memberId").asText(), found.get(0).get("memberId").asText());
        // and from now on the ordinary sign-in works
        assertEquals(200, Members.login(T.tenantId(), phone, Members.OTP).status());
    }

    @Test
    void aConsentLeftOut_isNeverAsked_notDeclined() {
        String phone = Fixtures.uniquePhone();
        Api.Res code = signUp(T.tenantId(), T.storeIds().get(0), phone);
        Api.Res joined = join(T.tenantId(), phone, Members.OTP, code.json().get("session").asText(), null);
        assertEquals(200, joined.status(), joined::toString);
        Api me = T.owner().as(joined.json().get("idToken").asText());
        me.get("/me/consents").json().get("items").forEach(c ->
                assertTrue(c.get("granted").isNull() || !c.has("at") || c.get("at").isNull(), "never asked: " + c));
    }

    @Test
    void aMemberWhoSignsUpAgain_getsTheSameAnswer_andIsSignedInAsThemself() {
        String phone = Fixtures.uniquePhone();
        String memberId = Members.enrol(T, phone).get("memberId").asText();
        String stranger = Fixtures.uniquePhone();
        Api.Res known = signUp(T.tenantId(), T.storeIds().get(0), phone);
        Api.Res unknown = signUp(T.tenantId(), T.storeIds().get(0), stranger);
        assertEquals(200, known.status(), known::toString);
        assertEquals(keys(unknown.json()), keys(known.json()), "the same shape whether or not the phone is a member's");
        assertEquals(unknown.json().get("challenge"), known.json().get("challenge"));
        assertEquals(unknown.json().get("session").asText().length(), known.json().get("session").asText().length());

        Api.Res joined = join(T.tenantId(), phone, Members.OTP, known.json().get("session").asText(), Map.of("marketing_push", true));
        assertEquals(200, joined.status(), joined::toString);
        assertEquals(keys(join(T.tenantId(), stranger, Members.OTP, unknown.json().get("session").asText(), Map.of()).json()),
                keys(joined.json()));
        Api me = T.owner().as(joined.json().get("idToken").asText());
        assertEquals(memberId, me.get("/me").json().get("memberId").asText(), "one person, one membership");
        assertEquals(1, T.owner().get("/members?phone=" + phone).json().get("items").size());
    }

    @Test
    void aSessionIsForItsOwnPhoneOnly_andOnce() {
        String a = Fixtures.uniquePhone(), b = Fixtures.uniquePhone();
        Api.Res code = signUp(T.tenantId(), T.storeIds().get(0), a);
        Api.Res wrongPhone = join(T.tenantId(), b, Members.OTP, code.json().get("session").asText(), Map.of());
        assertEquals(401, wrongPhone.status(), wrongPhone::toString);
        assertEquals(200, join(T.tenantId(), a, Members.OTP, code.json().get("session").asText(), Map.of()).status());
        assertEquals(401, join(T.tenantId(), a, Members.OTP, code.json().get("session").asText(), Map.of()).status());
    }

    @Test
    void anUnknownTenant_orAnotherTenantsStore_isRefusedByThePreSignUpTrigger() {
        Api.Res noTenant = signUp("t-" + "x".repeat(12), T.storeIds().get(0), Fixtures.uniquePhone());
        assertFieldErrors(noTenant, "tenantId");
        assertEquals("signup.refused", noTenant.json().get("code").asText());
        Api.Res foreignStore = signUp(T.tenantId(), OTHER.storeIds().get(0), Fixtures.uniquePhone());
        assertFieldErrors(foreignStore, "storeId");
        assertEquals("signup.refused", foreignStore.json().get("code").asText());
    }

    @Test
    void badInput_is400_namingTheField() {
        String phone = Fixtures.uniquePhone();
        assertFieldErrors(signUp(T.tenantId(), T.storeIds().get(0), "1380000"), "phone");
        assertFieldErrors(Fixtures.anonymous().post("/local/auth/sign-up", map("tenantId", T.tenantId(), "phone", phone)), "storeId");
        assertFieldErrors(Fixtures.anonymous().post("/local/auth/sign-up",
                map("tenantId", T.tenantId(), "storeId", T.storeIds().get(0), "phone", phone, "role", "owner")), "role");
        String session = signUp(T.tenantId(), T.storeIds().get(0), phone).json().get("session").asText();
        assertFieldErrors(join(T.tenantId(), phone, "12", session, Map.of()), "code");
        assertFieldErrors(join(T.tenantId(), phone, Members.OTP, session, Map.of("marketing_push", "yes")), "consents.marketing_push");
        assertFieldErrors(join(T.tenantId(), phone, Members.OTP, session, Map.of("newsletter", true)), "consents.newsletter");
        // nothing was made by the refused calls: the code still joins
        assertEquals(200, join(T.tenantId(), phone, Members.OTP, session, Map.of()).status());
    }

    @Test
    void askingAgainWithTheFirstSession_afterAWrongCode_stillSignsInAtOnce() {
        String phone = Fixtures.uniquePhone();
        String first = signUp(T.tenantId(), T.storeIds().get(0), phone).json().get("session").asText();
        assertEquals(401, join(T.tenantId(), phone, "999999", first, Map.of()).status());
        Api.Res again = Fixtures.anonymous().post("/local/auth/sign-up",
                map("tenantId", T.tenantId(), "storeId", T.storeIds().get(0), "phone", phone, "session", first));
        assertEquals(200, again.status(), again::toString);
        Api.Res joined = join(T.tenantId(), phone, Members.OTP, again.json().get("session").asText(), Map.of());
        assertEquals(200, joined.status(), joined::toString);
        assertNotNull(joined.json().get("idToken"), "signed in with the code that joined: " + joined);
    }

    @Test
    void aJoinWhoseSignInLapsed_textsASignInCode_answeredOnTheSameSession() {
        String phone = Fixtures.uniquePhone();
        signUp(T.tenantId(), T.storeIds().get(0), phone);
        // the page was reloaded: its session is gone, and asking again cannot hand SignUp's session on
        Api.Res again = signUp(T.tenantId(), T.storeIds().get(0), phone);
        Api.Res joined = join(T.tenantId(), phone, Members.OTP, again.json().get("session").asText(), Map.of("personalization", true));
        assertEquals(200, joined.status(), joined::toString);
        assertTrue(joined.json().path("joined").asBoolean(), joined::toString);
        assertEquals("CUSTOM_CHALLENGE", joined.json().get("challenge").asText());
        assertEquals(1, T.owner().get("/members?phone=" + phone).json().get("items").size(), "the member is made already");
        Api.Res signedIn = join(T.tenantId(), phone, Members.OTP, joined.json().get("session").asText(), Map.of());
        assertEquals(200, signedIn.status(), signedIn::toString);
        assertEquals(phone, T.owner().as(signedIn.json().get("idToken").asText()).get("/me").json().get("phone").asText());
    }

    @Test
    void aPhoneIsTextedAtMostFiveCodesAnHour_thenToldWhenToAskAgain() {
        String phone = Fixtures.uniquePhone();
        for (int i = 0; i < 5; i++) assertEquals(200, signUp(T.tenantId(), T.storeIds().get(0), phone).status(), "code " + (i + 1));
        Api.Res sixth = Fixtures.anonymous().with("Accept-Language", "zh-CN").post("/local/auth/sign-up",
                map("tenantId", T.tenantId(), "storeId", T.storeIds().get(0), "phone", phone));
        assertEquals(429, sixth.status(), sixth::toString);
        assertEquals("auth.too_many_codes", sixth.json().get("code").asText());
        long wait = sixth.json().get("retryAfterSeconds").asLong();
        assertTrue(wait > 3000 && wait <= 3600, "the first code leaves the hour in about an hour: " + wait);
        assertEquals(String.valueOf(wait), sixth.header("Retry-After"));
        // another phone is not held up by this one
        assertEquals(200, signUp(T.tenantId(), T.storeIds().get(0), Fixtures.uniquePhone()).status());
    }

    @Test
    void theTenantsWelcomePoints_goToANewMemberOnce_fromTheH5AndTheCounter() {
        Fixtures.TenantFixture w = Fixtures.newTenant("basic", 1);
        Api.Res rules = w.owner().put("/points/settings", map("pointsPerYuan", 1, "returnWindowDays", 7,
                "expiry", "end_of_following_year", "welcomePoints", 88));
        assertEquals(200, rules.status(), rules::toString);
        assertEquals(88, rules.json().get("welcomePoints").asInt());

        String phone = Fixtures.uniquePhone();
        Api.Res code = signUp(w.tenantId(), w.storeIds().get(0), phone);
        Api me = w.owner().as(join(w.tenantId(), phone, Members.OTP, code.json().get("session").asText(), Map.of()).json().get("idToken").asText());
        assertEquals(88, me.get("/me/points").json().get("balance").asLong());
        JsonNode gift = me.get("/me/points/ledger").json().get("items").get(0);
        assertEquals("welcome", gift.get("kind").asText());
        assertEquals(88, gift.get("delta").asLong());

        // joining again is a sign-in, not a second gift
        Api.Res again = signUp(w.tenantId(), w.storeIds().get(0), phone);
        Api same = w.owner().as(join(w.tenantId(), phone, Members.OTP, again.json().get("session").asText(), Map.of()).json().get("idToken").asText());
        assertEquals(88, same.get("/me/points").json().get("balance").asLong());

        String counter = Members.enrol(w, Fixtures.uniquePhone()).get("memberId").asText();
        assertEquals(88, w.owner().get("/members/" + counter + "/points").json().get("balance").asLong());
    }

    private static List<String> keys(JsonNode o) {
        List<String> k = new ArrayList<>();
        o.fieldNames().forEachRemaining(k::add);
        k.sort(null);
        return k;
    }

    private static Api.Res signUp(String tenantId, String storeId, String phone) {
        return Fixtures.anonymous().post("/local/auth/sign-up", map("tenantId", tenantId, "storeId", storeId, "phone", phone));
    }

    private static Api.Res join(String tenantId, String phone, String code, String session, Map<String, Object> consents) {
        Map<String, Object> body = new HashMap<>(Map.of("tenantId", tenantId, "phone", phone, "code", code, "session", session));
        if (consents != null) body.put("consents", consents);
        return Fixtures.anonymous().post("/local/auth/join", body);
    }
}
