package com.zhidian.members.auth;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.amazonaws.services.lambda.runtime.events.CognitoUserPoolCreateAuthChallengeEvent;
import com.amazonaws.services.lambda.runtime.events.CognitoUserPoolDefineAuthChallengeEvent;
import com.amazonaws.services.lambda.runtime.events.CognitoUserPoolVerifyAuthChallengeResponseEvent;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class CustomAuthTriggersTest {

    private static CognitoUserPoolDefineAuthChallengeEvent.Response define(boolean... results) {
        var session = new CognitoUserPoolDefineAuthChallengeEvent.ChallengeResult[results.length];
        for (int i = 0; i < results.length; i++) {
            session[i] = new CognitoUserPoolDefineAuthChallengeEvent.ChallengeResult("CUSTOM_CHALLENGE", results[i], "OTP-1");
        }
        var e = new CognitoUserPoolDefineAuthChallengeEvent();
        var req = new CognitoUserPoolDefineAuthChallengeEvent.Request();
        req.setSession(session);
        req.setUserAttributes(Map.of("custom:role", "customer"));
        e.setRequest(req);
        return new DefineAuthChallenge().handleRequest(e, null).getResponse();
    }

    @Test
    void define_asksForTheCode_thenIssuesTokens_orFailsAfterThreeWrongAnswers() {
        assertEquals("CUSTOM_CHALLENGE", define().getChallengeName());
        assertTrue(define(true).getIssueTokens());
        assertEquals("CUSTOM_CHALLENGE", define(false).getChallengeName());
        assertEquals("CUSTOM_CHALLENGE", define(false, false).getChallengeName());
        assertTrue(define(false, false, false).getFailAuthentication());
        assertFalse(define(false, false, false).getIssueTokens());
    }

    @Test
    void define_ownersAndStaff_cannotSignInByCode() {
        for (String role : new String[] {"owner", "staff", "provider_admin"}) {
            var e = new CognitoUserPoolDefineAuthChallengeEvent();
            var req = new CognitoUserPoolDefineAuthChallengeEvent.Request();
            req.setUserAttributes(Map.of("custom:role", role));
            req.setSession(new CognitoUserPoolDefineAuthChallengeEvent.ChallengeResult[0]);
            e.setRequest(req);
            assertTrue(new DefineAuthChallenge().handleRequest(e, null).getResponse().getFailAuthentication(), role);
        }
    }

    @Test
    void define_unknownUser_fails() {
        var e = new CognitoUserPoolDefineAuthChallengeEvent();
        var req = new CognitoUserPoolDefineAuthChallengeEvent.Request();
        req.setUserNotFound(true);
        e.setRequest(req);
        assertTrue(new DefineAuthChallenge().handleRequest(e, null).getResponse().getFailAuthentication());
    }

    private final com.zhidian.members.fakes.MutableClock clock = new com.zhidian.members.fakes.MutableClock(java.time.Instant.parse("2026-12-04T02:00:00Z"));
    private final com.zhidian.members.application.TextBudget texts =
            new com.zhidian.members.application.TextBudget(new com.zhidian.members.fakes.InMemoryTextLog(), clock);

    @Test
    void create_textsNoMoreCodesThanThePhonesAllowance() {
        List<String> sent = new ArrayList<>();
        CreateAuthChallenge create = new CreateAuthChallenge(null, (phone, code) -> sent.add(code), () -> texts);
        for (int i = 0; i < com.zhidian.members.domain.TextAllowance.PER_HOUR; i++) create.handleRequest(fresh(), null);
        assertThrows(com.zhidian.members.domain.MembersErrors.TooManyTexts.class, () -> create.handleRequest(fresh(), null));
        assertEquals(com.zhidian.members.domain.TextAllowance.PER_HOUR, sent.size(), "the refused code was not texted");
        clock.advance(java.time.Duration.ofHours(1));
        create.handleRequest(fresh(), null);
        assertEquals(com.zhidian.members.domain.TextAllowance.PER_HOUR + 1, sent.size());
    }

    @Test
    void create_sendsOneSms_andKeepsTheCodeForTheNextTry() {
        List<String> sent = new ArrayList<>();
        CreateAuthChallenge create = new CreateAuthChallenge(null, (phone, code) -> sent.add(phone + "/" + code), () -> texts);
        var e = new CognitoUserPoolCreateAuthChallengeEvent();
        var req = new CognitoUserPoolCreateAuthChallengeEvent.Request();
        req.setUserAttributes(Map.of("phone_number", "+8613800138000"));
        req.setSession(new CognitoUserPoolCreateAuthChallengeEvent.ChallengeResult[0]);
        e.setRequest(req);
        var r1 = create.handleRequest(e, null).getResponse();
        String code = r1.getPrivateChallengeParameters().get("answer");
        assertTrue(code.matches("[0-9]{6}"));
        assertEquals(List.of("+8613800138000/" + code), sent);
        assertEquals("138****8000", r1.getPublicChallengeParameters().get("phone"));
        assertNull(r1.getPublicChallengeParameters().get("answer"), "the code never goes to the client");

        req.setSession(new CognitoUserPoolCreateAuthChallengeEvent.ChallengeResult[] {
                new CognitoUserPoolCreateAuthChallengeEvent.ChallengeResult("CUSTOM_CHALLENGE", false, r1.getChallengeMetadata())});
        var r2 = create.handleRequest(e, null).getResponse();
        assertEquals(code, r2.getPrivateChallengeParameters().get("answer"));
        assertEquals(1, sent.size(), "no second SMS for a second try");
        assertEquals("000000", new CreateAuthChallenge("000000", null, () -> { throw new AssertionError("a fixed code is texted to nobody"); }).handleRequest(fresh(), null)
                .getResponse().getPrivateChallengeParameters().get("answer"));
    }

    private static CognitoUserPoolCreateAuthChallengeEvent fresh() {
        var e = new CognitoUserPoolCreateAuthChallengeEvent();
        e.setUserName("t-1#13800138000");
        var req = new CognitoUserPoolCreateAuthChallengeEvent.Request();
        req.setUserAttributes(Map.of("phone_number", "+8613800138000"));
        e.setRequest(req);
        return e;
    }

    @Test
    void verify_comparesTheAnswer() {
        assertTrue(verify("123456", "123456"));
        assertTrue(verify("123456", " 123456 "));
        assertFalse(verify("123456", "123457"));
        assertFalse(verify("123456", null));
        assertFalse(verify(null, "123456"));
    }

    private static boolean verify(String expected, String answer) {
        var e = new CognitoUserPoolVerifyAuthChallengeResponseEvent();
        var req = new CognitoUserPoolVerifyAuthChallengeResponseEvent.Request();
        req.setPrivateChallengeParameters(expected == null ? Map.of() : Map.of("answer", expected));
        req.setChallengeAnswer(answer);
        e.setRequest(req);
        return new VerifyAuthChallengeResponse().handleRequest(e, null).getResponse().getAnswerCorrect();
    }
}
