package com.zhidian.members.auth;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.zhidian.core.Log;
import com.zhidian.core.aws.AwsClients;
import com.zhidian.core.dynamo.DynamoTenantDirectory;
import com.zhidian.core.scope.RequestScope;
import com.zhidian.core.tenancy.TenantDirectory;
import com.zhidian.members.application.MemberService;
import com.zhidian.members.application.Members;
import com.zhidian.members.application.TextBudget;
import com.zhidian.members.domain.Consent;
import com.zhidian.members.domain.Member;
import com.zhidian.members.domain.Phones;
import java.time.Clock;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The user pool's self sign-up triggers (one function, both {@code LambdaConfig} entries), for customers joining from
 * the H5 with their phone and a code:
 * <ul>
 *   <li>{@code PreSignUp_SignUp}: the login name must be {@code <tenantId>#<phone>} for the {@code phone_number} given,
 *   the tenant ({@code ValidationData.tenantId}) active and the store ({@code ValidationData.storeId}) one of its stores.
 *   The user is not auto-confirmed: Cognito texts a code, and only the phone's holder can confirm.</li>
 *   <li>{@code CustomMessage_SignUp} / {@code CustomMessage_ResendCode}: the code's text, in the customer's language
 *   ({@code ClientMetadata.lang}, Chinese by default), once the phone's allowance of texted codes has room
 *   ({@link TextBudget}); a full allowance refuses, so Cognito sends nothing.</li>
 *   <li>{@code PostConfirmation_ConfirmSignUp}: the member is made (consent choices from {@code ClientMetadata}, the
 *   {@code marketing_push} and {@code personalization} answers, each absent = never asked) and the login marked as
 *   that member's.</li>
 * </ul>
 * A refusal is an exception; Cognito hands its message to the caller as UserLambdaValidationException.
 */
public final class SignUpTriggers implements RequestHandler<Map<String, Object>, Map<String, Object>> {
    private final TenantDirectory tenants;
    private final java.util.function.Function<String, MemberService> members;
    private final TextBudget texts;
    private volatile MemberService built;

    public SignUpTriggers() {
        this(new DynamoTenantDirectory(AwsClients.dynamo()),
                poolId -> Members.signUps(AwsClients.dynamo(), new DynamoTenantDirectory(AwsClients.dynamo()), Clock.systemUTC(), poolId),
                Members.texts(AwsClients.dynamo(), Clock.systemUTC()));
    }

    /** {@code members}: the joining use case for the pool the event names (built once); {@code texts}: codes' allowance. */
    public SignUpTriggers(TenantDirectory tenants, java.util.function.Function<String, MemberService> members, TextBudget texts) {
        this.tenants = tenants;
        this.members = members;
        this.texts = texts;
    }

    private MemberService members(String poolId) {
        MemberService m = built;
        if (m == null) {
            synchronized (this) {
                if (built == null) built = members.apply(poolId);
                m = built;
            }
        }
        return m;
    }

    /** Who is signing up, read from the event: the tenant and the phone of the login name. */
    record Applicant(String tenantId, String phone) {}

    @Override
    @SuppressWarnings("unchecked")
    public Map<String, Object> handleRequest(Map<String, Object> event, Context context) {
        String source = String.valueOf(event.get("triggerSource"));
        Map<String, Object> request = event.get("request") instanceof Map<?, ?> m ? (Map<String, Object>) m : Map.of();
        Map<String, Object> response = new LinkedHashMap<>();
        Applicant who = applicant(String.valueOf(event.get("userName")), strings(request.get("userAttributes")));
        RequestScope scope = RequestScope.enter(who.tenantId());
        try {
            switch (source) {
                case "PreSignUp_SignUp" -> {
                    Map<String, String> validation = strings(request.get("validationData"));
                    if (!who.tenantId().equals(validation.get("tenantId"))) throw new IllegalArgumentException("tenantId: not the tenant of the login name");
                    TenantDirectory.Standing standing = tenants.standing(who.tenantId());
                    if (standing == null || !standing.active()) throw new IllegalArgumentException("tenantId: no such shop takes members");
                    String storeId = validation.get("storeId");
                    if (storeId == null || !tenants.hasStore(who.tenantId(), storeId)) throw new IllegalArgumentException("storeId: no such store");
                    response.put("autoConfirmUser", false);   // the code Cognito texts proves the phone
                    response.put("autoVerifyPhone", false);
                    response.put("autoVerifyEmail", false);
                }
                case "PostConfirmation_ConfirmSignUp" -> {
                    Map<String, String> meta = strings(request.get("clientMetadata"));
                    Map<Consent.Purpose, Boolean> consents = new EnumMap<>(Consent.Purpose.class);
                    for (Consent.Purpose p : Consent.Purpose.values()) {
                        String v = meta.get(p.code());
                        if ("true".equals(v) || "false".equals(v)) consents.put(p, Boolean.parseBoolean(v));
                    }
                    String storeId = meta.get("storeId");
                    if (storeId != null && !tenants.hasStore(who.tenantId(), storeId)) storeId = null;
                    MemberService.Joined j = members(String.valueOf(event.get("userPoolId"))).signedUp(who.tenantId(), who.phone(), storeId, consents);
                    Log.info("member signed up", Map.of("tenantId", who.tenantId(), "memberId", j.member().memberId()));
                }
                case "CustomMessage_SignUp", "CustomMessage_ResendCode" -> {
                    texts.take(who.tenantId(), who.phone());
                    String code = String.valueOf(request.getOrDefault("codeParameter", "{####}"));
                    boolean english = "en".equals(strings(request.get("clientMetadata")).get("lang"));
                    response.put("smsMessage", english
                            ? "Your Zhidian membership code is " + code + ". It is valid for 24 hours; do not share it."
                            : "【智店】您的会员验证码是 " + code + "，24 小时内有效，请勿告诉他人。");
                    response.put("emailMessage", null);
                    response.put("emailSubject", null);
                }
                default -> { /* other trigger sources of the same entries (e.g. PostConfirmation_ConfirmForgotPassword): nothing */ }
            }
        } finally {
            scope.exit();
        }
        Map<String, Object> out = new LinkedHashMap<>(event);
        out.put("response", response);
        return out;
    }

    /** The login name {@code <tenantId>#<phone>} must name the phone_number it carries; anything else is refused. */
    static Applicant applicant(String username, Map<String, String> attributes) {
        int hash = username == null ? -1 : username.lastIndexOf('#');
        if (hash <= 0) throw new IllegalArgumentException("phone: the login name is not <tenantId>#<phone>");
        String tenantId = username.substring(0, hash);
        String phone = Phones.normalise(username.substring(hash + 1));
        String attr = attributes.get("phone_number");
        if (phone == null || attr == null || !Phones.e164(phone).equals(attr)) {
            throw new IllegalArgumentException("phone: must be a mainland China mobile number, the same as the login name's");
        }
        if (!Member.username(tenantId, phone).equals(username)) throw new IllegalArgumentException("phone: the login name is not <tenantId>#<phone>");
        return new Applicant(tenantId, phone);
    }

    private static Map<String, String> strings(Object o) {
        Map<String, String> m = new LinkedHashMap<>();
        if (o instanceof Map<?, ?> map) map.forEach((k, v) -> { if (v != null) m.put(String.valueOf(k), String.valueOf(v)); });
        return m;
    }
}
