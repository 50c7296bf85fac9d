package com.zhidian.members.auth;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.zhidian.core.aws.ReadAhead;
import com.zhidian.core.tenancy.TenantDirectory;
import com.zhidian.members.application.MemberService;
import com.zhidian.members.application.PointsService;
import com.zhidian.members.domain.Consent;
import com.zhidian.members.domain.Member;
import com.zhidian.members.fakes.FakeLogins;
import com.zhidian.members.fakes.FakeSettings;
import com.zhidian.members.fakes.InMemoryMembers;
import com.zhidian.members.fakes.InMemoryPoints;
import com.zhidian.members.fakes.MutableClock;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import com.zhidian.members.application.TextBudget;
import com.zhidian.members.fakes.InMemoryTextLog;

/** The self sign-up triggers on the Cognito events' shapes: who may sign up, and the member confirmation makes. */
class SignUpTriggersTest {
    private final MutableClock clock = new MutableClock(Instant.parse("2026-12-04T02:00:00Z"));
    private final InMemoryPoints pointsRepo = new InMemoryPoints();
    private final InMemoryMembers repo = new InMemoryMembers(pointsRepo);
    private final FakeLogins logins = new FakeLogins();
    private final MemberService members = new MemberService(repo, pointsRepo, new PointsService(pointsRepo, new FakeSettings(), clock), logins, clock);
    private final TextBudget texts = new TextBudget(new InMemoryTextLog(), clock);
    private final SignUpTriggers triggers = new SignUpTriggers(new Directory(), pool -> members, texts);

    /** Tenant t-1 (active, store st_1) and t-2 (suspended). */
    static final class Directory implements TenantDirectory {
        @Override
        public Standing standing(String tenantId) {
            return switch (tenantId) {
                case "t-1" -> new Standing("active", "basic", "Asia/Shanghai");
                case "t-2" -> new Standing("suspended", "basic", "Asia/Shanghai");
                default -> null;
            };
        }

        @Override
        public Standing standing(String tenantId, ReadAhead.Key ahead) { return standing(tenantId); }

        @Override
        public boolean hasStore(String tenantId, String storeId) { return Set.of("t-1/st_1", "t-2/st_9").contains(tenantId + "/" + storeId); }
    }

    private static Map<String, Object> event(String source, String username, String phone, Map<String, Object> request) {
        Map<String, Object> req = new LinkedHashMap<>(request);
        req.put("userAttributes", Map.of("phone_number", phone, "sub", "s-1"));
        Map<String, Object> e = new LinkedHashMap<>();
        e.put("version", "1");
        e.put("triggerSource", source);
        e.put("userPoolId", "pool");
        e.put("userName", username);
        e.put("request", req);
        e.put("response", Map.of());
        return e;
    }

    private Map<String, Object> pre(String username, String phone, String tenant, String store) {
        Map<String, Object> validation = new LinkedHashMap<>();
        if (tenant != null) validation.put("tenantId", tenant);
        if (store != null) validation.put("storeId", store);
        return triggers.handleRequest(event("PreSignUp_SignUp", username, phone, Map.of("validationData", validation)), null);
    }

    @Test
    void preSignUp_letsACustomerOfAnActiveTenantsStoreThrough_withoutConfirmingThem() {
        @SuppressWarnings("unchecked")
        Map<String, Object> r = (Map<String, Object>) pre("t-1#13800001111", "+8613800001111", "t-1", "st_1").get("response");
        assertEquals(false, r.get("autoConfirmUser"), "the texted code must prove the phone");
        assertEquals(false, r.get("autoVerifyPhone"));
    }

    @Test
    void preSignUp_refusesEveryOtherName_tenantAndStore() {
        for (List<String> bad : List.of(
                List.of("owner@shop.cn", "+8613800001111", "t-1", "st_1"),      // not a customer's name
                List.of("t-1#13800001111", "+8613800002222", "t-1", "st_1"),    // another phone than the name's
                List.of("t-1#1380000111", "+861380000111", "t-1", "st_1"),      // not a mainland mobile
                List.of("t-1#+8613800001111", "+8613800001111", "t-1", "st_1"), // not the normal form
                List.of("t-1#13800001111", "+8613800001111", "t-3", "st_1"),    // ValidationData names another tenant
                List.of("t-3#13800001111", "+8613800001111", "t-3", "st_1"),    // no such tenant
                List.of("t-2#13800001111", "+8613800001111", "t-2", "st_9"),    // suspended
                List.of("t-1#13800001111", "+8613800001111", "t-1", "st_9"))) { // another tenant's store
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> pre(bad.get(0), bad.get(1), bad.get(2), bad.get(3)), bad::toString);
            assertTrue(e.getMessage().matches("(phone|tenantId|storeId): .+"), e.getMessage());
        }
        assertThrows(IllegalArgumentException.class, () -> pre("t-1#13800001111", "+8613800001111", "t-1", null));
    }

    @Test
    void postConfirmation_makesTheMember_withTheChoicesMade_andMarksTheLogin() {
        triggers.handleRequest(event("PostConfirmation_ConfirmSignUp", "t-1#13800003333", "+8613800003333",
                Map.of("clientMetadata", Map.of("tenantId", "t-1", "storeId", "st_1", "marketing_push", "false", "personalization", "true"))), null);
        Member m = members.byPhone("t-1", "13800003333").orElseThrow();
        assertEquals("st_1", m.storeId());
        assertEquals(m.memberId(), logins.users.get("t-1#13800003333"));
        Map<Consent.Purpose, Consent.State> states = new LinkedHashMap<>();
        members.consents("t-1", m.memberId()).forEach(s -> states.put(s.purpose(), s));
        assertFalse(states.get(Consent.Purpose.MARKETING_PUSH).granted());
        assertTrue(states.get(Consent.Purpose.PERSONALIZATION).granted());
        assertEquals(Consent.Channel.H5, states.get(Consent.Purpose.PERSONALIZATION).channel());
    }

    @Test
    void postConfirmation_forAPhoneThatIsAMembersAlready_givesThatMembershipBack() {
        MemberService.Joined first = members.join("t-1", new MemberService.NewMember("13800004444", "王芳", null, "st_1",
                Map.of(Consent.Purpose.MARKETING_PUSH, true), Consent.Channel.POS, "staff"));
        logins.users.clear();
        triggers.handleRequest(event("PostConfirmation_ConfirmSignUp", "t-1#13800004444", "+8613800004444",
                Map.of("clientMetadata", Map.of("marketing_push", "false"))), null);
        assertEquals(first.member().memberId(), logins.users.get("t-1#13800004444"));
        assertEquals(1, repo.list("t-1", 50, null).items().size(), "one person, one membership");
        assertTrue(members.consents("t-1", first.member().memberId()).stream()
                .anyMatch(s -> s.purpose() == Consent.Purpose.MARKETING_PUSH && s.granted()), "consents are changed on the member page, not here");
    }

    @Test
    @SuppressWarnings("unchecked")
    void theCodesTextIsInTheCustomersLanguage_andAFullAllowanceSendsNothing() {
        String user = "t-1#13800138123";
        Map<String, Object> request = new LinkedHashMap<>();
        request.put("codeParameter", "{####}");
        request.put("clientMetadata", Map.of());
        Map<String, Object> out = triggers.handleRequest(event("CustomMessage_SignUp", user, "+8613800138123", request), null);
        String zh = (String) ((Map<String, Object>) out.get("response")).get("smsMessage");
        org.junit.jupiter.api.Assertions.assertTrue(zh.contains("{####}") && zh.contains("验证码"), zh);
        request.put("clientMetadata", Map.of("lang", "en"));
        Map<String, Object> en = triggers.handleRequest(event("CustomMessage_ResendCode", user, "+8613800138123", request), null);
        org.junit.jupiter.api.Assertions.assertTrue(((String) ((Map<String, Object>) en.get("response")).get("smsMessage")).startsWith("Your Zhidian"));
        for (int i = 0; i < 3; i++) triggers.handleRequest(event("CustomMessage_ResendCode", user, "+8613800138123", request), null);
        org.junit.jupiter.api.Assertions.assertThrows(com.zhidian.members.domain.MembersErrors.TooManyTexts.class,
                () -> triggers.handleRequest(event("CustomMessage_ResendCode", user, "+8613800138123", request), null));
    }
}
