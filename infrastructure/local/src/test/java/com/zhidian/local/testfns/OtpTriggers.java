package com.zhidian.local.testfns;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.events.CognitoUserPoolCreateAuthChallengeEvent;
import com.amazonaws.services.lambda.runtime.events.CognitoUserPoolDefineAuthChallengeEvent;
import java.util.LinkedHashMap;
import java.util.Map;

/** CUSTOM_AUTH triggers for a phone + one-time code, the three shapes a trigger handler may take. */
public final class OtpTriggers {
    private OtpTriggers() {}

    /** Typed event in, typed event out. */
    public static class Define implements RequestHandler<CognitoUserPoolDefineAuthChallengeEvent, CognitoUserPoolDefineAuthChallengeEvent> {
        @Override
        public CognitoUserPoolDefineAuthChallengeEvent handleRequest(CognitoUserPoolDefineAuthChallengeEvent e, Context c) {
            CognitoUserPoolDefineAuthChallengeEvent.ChallengeResult[] session = e.getRequest().getSession();
            CognitoUserPoolDefineAuthChallengeEvent.Response r = new CognitoUserPoolDefineAuthChallengeEvent.Response();
            if (session == null || session.length == 0) {
                r.setChallengeName("CUSTOM_CHALLENGE");
            } else if (session[session.length - 1].getChallengeResult()) {
                r.setIssueTokens(true);
            } else {
                r.setFailAuthentication(true);
            }
            e.setResponse(r);
            return e;
        }
    }

    /** Typed event in, typed event out. */
    public static class Create implements RequestHandler<CognitoUserPoolCreateAuthChallengeEvent, CognitoUserPoolCreateAuthChallengeEvent> {
        @Override
        public CognitoUserPoolCreateAuthChallengeEvent handleRequest(CognitoUserPoolCreateAuthChallengeEvent e, Context c) {
            CognitoUserPoolCreateAuthChallengeEvent.Response r = new CognitoUserPoolCreateAuthChallengeEvent.Response();
            r.setPublicChallengeParameters(Map.of("phone", e.getRequest().getUserAttributes().getOrDefault("phone_number", "")));
            r.setPrivateChallengeParameters(Map.of("code", "000000", "tenant", e.getRequest().getClientMetadata().get("tenantId")));
            r.setChallengeMetadata("OTP");
            e.setResponse(r);
            return e;
        }
    }

    /** A plain Map handler, as some triggers are written. */
    public static class Verify implements RequestHandler<Map<String, Object>, Map<String, Object>> {
        @Override
        @SuppressWarnings("unchecked")
        public Map<String, Object> handleRequest(Map<String, Object> e, Context c) {
            Map<String, Object> req = (Map<String, Object>) e.get("request");
            Map<String, String> priv = (Map<String, String>) req.get("privateChallengeParameters");
            Map<String, Object> out = new LinkedHashMap<>(e);
            out.put("response", Map.of("answerCorrect", priv.get("code").equals(req.get("challengeAnswer"))));
            return out;
        }
    }
}
