package com.zhidian.members.auth;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.events.CognitoUserPoolVerifyAuthChallengeResponseEvent;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;

/** Cognito's VerifyAuthChallengeResponse trigger: the answer must equal the code, compared in constant time. */
public final class VerifyAuthChallengeResponse implements
        RequestHandler<CognitoUserPoolVerifyAuthChallengeResponseEvent, CognitoUserPoolVerifyAuthChallengeResponseEvent> {

    @Override
    public CognitoUserPoolVerifyAuthChallengeResponseEvent handleRequest(CognitoUserPoolVerifyAuthChallengeResponseEvent event,
                                                                         Context context) {
        var request = event.getRequest();
        String expected = request.getPrivateChallengeParameters() == null ? null : request.getPrivateChallengeParameters().get("answer");
        String answer = request.getChallengeAnswer();
        boolean ok = expected != null && answer != null && !request.getUserNotFound()
                && MessageDigest.isEqual(expected.getBytes(StandardCharsets.UTF_8), answer.trim().getBytes(StandardCharsets.UTF_8));
        var response = new CognitoUserPoolVerifyAuthChallengeResponseEvent.Response();
        response.setAnswerCorrect(ok);
        event.setResponse(response);
        return event;
    }
}
