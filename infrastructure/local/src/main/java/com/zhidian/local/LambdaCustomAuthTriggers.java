package com.zhidian.local;

import com.fasterxml.jackson.databind.JsonNode;
import com.zhidian.local.cognito.CustomAuthTriggers;
import com.zhidian.local.gateway.LambdaFunction;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * CUSTOM_AUTH played by the Lambda trigger functions the template's user pool names in
 * {@code LambdaConfig} (DefineAuthChallenge, CreateAuthChallenge, VerifyAuthChallengeResponse), invoked
 * in-process with the event Cognito sends them (the JSON of the Cognito documentation, converted to the
 * handler's input type, e.g. {@code CognitoUserPoolDefineAuthChallengeEvent}).
 */
final class LambdaCustomAuthTriggers implements CustomAuthTriggers {
    private final LambdaFunction define;
    private final LambdaFunction create;
    private final LambdaFunction verify;
    private final UserPoolTriggerEvents events;

    LambdaCustomAuthTriggers(LambdaFunction define, LambdaFunction create, LambdaFunction verify, String region,
                             String poolId, String clientId) {
        this.define = define;
        this.create = create;
        this.verify = verify;
        this.events = new UserPoolTriggerEvents(region, poolId, clientId);
    }

    private static List<Map<String, Object>> session(List<ChallengeResult> rounds) {
        List<Map<String, Object>> s = new ArrayList<>();
        for (ChallengeResult r : rounds) {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("challengeName", r.challengeName());
            m.put("challengeResult", r.challengeResult());
            m.put("challengeMetadata", r.challengeMetadata());
            s.add(m);
        }
        return s;
    }

    private static JsonNode response(LambdaFunction fn, Map<String, Object> event) {
        Object out;
        try {
            out = fn.invoke(event);
        } catch (Throwable t) {
            throw new com.zhidian.local.cognito.CognitoException("UnexpectedLambdaException",
                    fn.name() + " failed: " + t, 400);
        }
        return UserPoolTriggerEvents.responseOf(out);
    }

    @Override
    public Decision defineAuthChallenge(String username, Map<String, String> userAttributes, List<ChallengeResult> rounds,
                                        Map<String, String> clientMetadata) {
        Map<String, Object> req = new LinkedHashMap<>();
        req.put("userAttributes", userAttributes);
        req.put("session", session(rounds));
        req.put("clientMetadata", clientMetadata);
        req.put("userNotFound", false);
        JsonNode r = response(define, events.event("DefineAuthChallenge_Authentication", username, req));
        return new Decision(r.path("issueTokens").asBoolean(false), r.path("failAuthentication").asBoolean(false),
                r.path("challengeName").asText(null));
    }

    @Override
    public Challenge createAuthChallenge(String username, Map<String, String> userAttributes, String challengeName,
                                         List<ChallengeResult> rounds, Map<String, String> clientMetadata) {
        Map<String, Object> req = new LinkedHashMap<>();
        req.put("userAttributes", userAttributes);
        req.put("challengeName", challengeName);
        req.put("session", session(rounds));
        req.put("clientMetadata", clientMetadata);
        req.put("userNotFound", false);
        JsonNode r = response(create, events.event("CreateAuthChallenge_Authentication", username, req));
        return new Challenge(strings(r.path("publicChallengeParameters")), strings(r.path("privateChallengeParameters")),
                r.path("challengeMetadata").asText(null));
    }

    @Override
    public boolean verifyAuthChallengeResponse(String username, Map<String, String> userAttributes,
                                               Map<String, String> privateChallengeParameters, String challengeAnswer,
                                               Map<String, String> clientMetadata) {
        Map<String, Object> req = new LinkedHashMap<>();
        req.put("userAttributes", userAttributes);
        req.put("privateChallengeParameters", privateChallengeParameters);
        req.put("challengeAnswer", challengeAnswer);
        req.put("clientMetadata", clientMetadata);
        req.put("userNotFound", false);
        return response(verify, events.event("VerifyAuthChallengeResponse_Authentication", username, req))
                .path("answerCorrect").asBoolean(false);
    }

    private static Map<String, String> strings(JsonNode o) {
        Map<String, String> m = new LinkedHashMap<>();
        if (o != null && o.isObject()) o.fields().forEachRemaining(e -> m.put(e.getKey(), e.getValue().asText()));
        return m;
    }
}
