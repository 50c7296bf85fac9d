package com.zhidian.members.auth;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.events.CognitoUserPoolDefineAuthChallengeEvent;
import com.amazonaws.services.lambda.runtime.events.CognitoUserPoolDefineAuthChallengeEvent.ChallengeResult;

/**
 * Cognito's DefineAuthChallenge trigger for customers' phone + one-time-code sign-in: one custom challenge,
 * tokens once it is answered right, failure after {@value #MAX_TRIES} wrong answers or for an unknown user.
 */
public final class DefineAuthChallenge
        implements RequestHandler<CognitoUserPoolDefineAuthChallengeEvent, CognitoUserPoolDefineAuthChallengeEvent> {
    static final int MAX_TRIES = 3;
    static final String CHALLENGE = "CUSTOM_CHALLENGE";

    @Override
    public CognitoUserPoolDefineAuthChallengeEvent handleRequest(CognitoUserPoolDefineAuthChallengeEvent event, Context context) {
        var request = event.getRequest();
        var response = event.getResponse() != null ? event.getResponse() : new CognitoUserPoolDefineAuthChallengeEvent.Response();
        event.setResponse(response);
        ChallengeResult[] session = request == null || request.getSession() == null ? new ChallengeResult[0] : request.getSession();
        response.setIssueTokens(false);
        response.setFailAuthentication(false);
        response.setChallengeName(null);
        if (request == null || request.getUserNotFound() || !isCustomer(request.getUserAttributes())) {
            // phone + code is the customers' sign-in only: owners and staff use their password
            response.setFailAuthentication(true);
            return event;
        }
        if (session.length > 0) {
            ChallengeResult last = session[session.length - 1];
            if (!CHALLENGE.equals(last.getChallengeName())) {
                response.setFailAuthentication(true);
                return event;
            }
            if (Boolean.TRUE.equals(last.getChallengeResult())) {
                response.setIssueTokens(true);
                return event;
            }
            if (session.length >= MAX_TRIES) {
                response.setFailAuthentication(true);
                return event;
            }
        }
        response.setChallengeName(CHALLENGE);
        return event;
    }

    private static boolean isCustomer(java.util.Map<String, String> attributes) {
        return attributes != null && "customer".equals(attributes.get("custom:role"));
    }
}
