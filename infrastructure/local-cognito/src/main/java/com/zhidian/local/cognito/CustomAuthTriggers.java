package com.zhidian.local.cognito;

import java.util.List;
import java.util.Map;

/**
 * The extension point for {@code CUSTOM_AUTH} (customers: phone + one-time code). Cognito runs three
 * Lambda triggers for it; an implementation of this interface plays them (for instance by invoking the
 * handler classes that {@code template.yaml} names in the user pool's {@code LambdaConfig}). The shapes
 * follow the trigger events of the Cognito documentation.
 */
public interface CustomAuthTriggers {

    /** One round so far: which challenge, whether the answer was right, the metadata CreateAuthChallenge set. */
    record ChallengeResult(String challengeName, boolean challengeResult, String challengeMetadata) {}

    /** DefineAuthChallenge's answer. */
    record Decision(boolean issueTokens, boolean failAuthentication, String challengeName) {}

    /** CreateAuthChallenge's answer. */
    record Challenge(Map<String, String> publicChallengeParameters, Map<String, String> privateChallengeParameters,
                     String challengeMetadata) {}

    Decision defineAuthChallenge(String username, Map<String, String> userAttributes, List<ChallengeResult> session,
                                 Map<String, String> clientMetadata);

    Challenge createAuthChallenge(String username, Map<String, String> userAttributes, String challengeName,
                                  List<ChallengeResult> session, Map<String, String> clientMetadata);

    boolean verifyAuthChallengeResponse(String username, Map<String, String> userAttributes,
                                        Map<String, String> privateChallengeParameters, String challengeAnswer,
                                        Map<String, String> clientMetadata);
}
