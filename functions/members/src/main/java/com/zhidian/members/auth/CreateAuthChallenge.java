package com.zhidian.members.auth;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.events.CognitoUserPoolCreateAuthChallengeEvent;
import com.zhidian.core.Env;
import com.zhidian.core.aws.AwsClients;
import com.zhidian.core.scope.RequestScope;
import com.zhidian.members.application.Members;
import com.zhidian.members.application.TextBudget;
import java.time.Clock;
import com.zhidian.members.domain.Phones;
import java.security.SecureRandom;
import java.util.Map;

/**
 * Cognito's CreateAuthChallenge trigger: makes a six-digit one-time code, sends it by SMS to the login's
 * phone number on the first round, and keeps it in the challenge metadata so that a second try checks the
 * same code without another SMS. With {@code OTP_FIXED} set (Zhidian Local) the code is that value and no
 * SMS is sent. A code that is texted first takes its place in the phone's allowance ({@link TextBudget}); a full
 * allowance refuses the sign-in, and Cognito answers the caller UserLambdaValidationException.
 */
public final class CreateAuthChallenge
        implements RequestHandler<CognitoUserPoolCreateAuthChallengeEvent, CognitoUserPoolCreateAuthChallengeEvent> {
    private static final SecureRandom RANDOM = new SecureRandom();
    private static final String META = "OTP-";

    private final OtpSender sender;
    private final String fixedOverride;
    private final java.util.function.Supplier<TextBudget> texts;

    public CreateAuthChallenge() {
        this(null, null, () -> Members.texts(AwsClients.dynamo(), Clock.systemUTC()));
    }

    /** For tests: a fixed code and/or a sender instead of OTP_FIXED and SNS, and the allowance of texted codes. */
    public CreateAuthChallenge(String fixedCode, OtpSender sender, java.util.function.Supplier<TextBudget> texts) {
        this.fixedOverride = fixedCode;
        this.sender = sender;
        this.texts = texts;
    }

    @Override
    public CognitoUserPoolCreateAuthChallengeEvent handleRequest(CognitoUserPoolCreateAuthChallengeEvent event, Context context) {
        var request = event.getRequest();
        String code = null;
        var session = request.getSession();
        if (session != null && session.length > 0) {
            String meta = session[session.length - 1].getChallengeMetadata();
            if (meta != null && meta.startsWith(META)) code = meta.substring(META.length());
        }
        String phone = request.getUserAttributes() == null ? null : request.getUserAttributes().get("phone_number");
        String fixed = fixedOverride != null ? fixedOverride : Env.get("OTP_FIXED", null);
        if (code == null) {
            code = fixed != null ? fixed : String.format("%06d", RANDOM.nextInt(1_000_000));
            if (phone != null && fixed == null) {
                SignUpTriggers.Applicant who = member(event.getUserName(), request.getUserAttributes());
                if (who != null) {
                    RequestScope scope = RequestScope.enter(who.tenantId());   // the allowance is the tenant's item, under its role
                    try {
                        texts.get().take(who.tenantId(), who.phone());
                    } finally {
                        scope.exit();
                    }
                }
            }
            if (phone != null) (sender != null ? sender : fixed != null ? OtpSender.NONE : new SnsOtpSender()).send(phone, code);
        }
        var response = new CognitoUserPoolCreateAuthChallengeEvent.Response();
        response.setPublicChallengeParameters(Map.of("phone", phone == null ? "" : masked(phone)));
        response.setPrivateChallengeParameters(Map.of("answer", code));
        response.setChallengeMetadata(META + code);
        event.setResponse(response);
        return event;
    }

    /** The member a login name {@code <tenantId>#<phone>} names, read as sign-up reads it; null for any other login. */
    private static SignUpTriggers.Applicant member(String username, Map<String, String> attributes) {
        try {
            return SignUpTriggers.applicant(username, attributes);
        } catch (IllegalArgumentException notAMember) {
            return null;
        }
    }

    private static String masked(String e164) {
        String n = Phones.normalise(e164);
        return n == null ? "" : Phones.masked(n);
    }
}
