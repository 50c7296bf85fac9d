package com.zhidian.local.cognito;

import java.util.Map;

/**
 * The self sign-up triggers of a user pool ({@code LambdaConfig.PreSignUp}, {@code LambdaConfig.PostConfirmation}),
 * in the shapes of the Cognito trigger events: {@code PreSignUp_SignUp} gets the new user's attributes, the
 * {@code ValidationData} and {@code ClientMetadata} of the SignUp call and answers {@code autoConfirmUser},
 * {@code autoVerifyPhone}, {@code autoVerifyEmail}; {@code PostConfirmation_ConfirmSignUp} gets the confirmed user's
 * attributes and the {@code ClientMetadata} of the ConfirmSignUp call. A trigger refuses by throwing; the caller of
 * SignUp / ConfirmSignUp then gets {@code UserLambdaValidationException} ("PreSignUp failed with error ...").
 */
public interface SignUpTriggers {

    /** PreSignUp's answer. */
    record PreSignUpAnswer(boolean autoConfirmUser, boolean autoVerifyPhone, boolean autoVerifyEmail) {
        public static final PreSignUpAnswer NONE = new PreSignUpAnswer(false, false, false);
    }

    /** Null when the pool has no PreSignUp trigger. */
    PreSignUpAnswer preSignUp(String username, Map<String, String> userAttributes, Map<String, String> validationData,
                              Map<String, String> clientMetadata);

    /** Does nothing when the pool has no PostConfirmation trigger. */
    void postConfirmation(String username, Map<String, String> userAttributes, Map<String, String> clientMetadata);

    /**
     * The pool's CustomMessage trigger before a code is sent ({@code CustomMessage_SignUp}, {@code CustomMessage_ResendCode}):
     * the SMS text with {@link #CODE_PARAMETER} where the code goes, or null for Cognito's default text (also when the
     * pool has no such trigger). A trigger that throws fails the call, and no code is sent.
     */
    default String customMessage(String triggerSource, String username, Map<String, String> userAttributes,
                                 Map<String, String> clientMetadata) {
        return null;
    }

    /** The placeholder Cognito hands the CustomMessage trigger ({@code request.codeParameter}). */
    String CODE_PARAMETER = "{####}";
}
