package com.zhidian.local;

import com.fasterxml.jackson.databind.JsonNode;
import com.zhidian.local.cognito.CognitoException;
import com.zhidian.local.cognito.SignUpTriggers;
import com.zhidian.local.gateway.LambdaFunction;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Self sign-up played by the trigger functions the template's user pool names in {@code LambdaConfig}
 * ({@code PreSignUp}, {@code PostConfirmation}, {@code CustomMessage}; any may be absent), invoked in-process with the events Cognito
 * sends them ({@code triggerSource} {@code PreSignUp_SignUp} and {@code PostConfirmation_ConfirmSignUp}). A trigger that
 * throws fails the call as Cognito does: {@code UserLambdaValidationException}, "PreSignUp failed with error ...".
 */
final class LambdaSignUpTriggers implements SignUpTriggers {
    private final LambdaFunction preSignUp;
    private final LambdaFunction postConfirmation;
    private final LambdaFunction customMessage;
    private final UserPoolTriggerEvents events;

    LambdaSignUpTriggers(LambdaFunction preSignUp, LambdaFunction postConfirmation, LambdaFunction customMessage,
                         String region, String poolId, String clientId) {
        this.preSignUp = preSignUp;
        this.postConfirmation = postConfirmation;
        this.customMessage = customMessage;
        this.events = new UserPoolTriggerEvents(region, poolId, clientId);
    }

    private static JsonNode response(LambdaFunction fn, String trigger, Map<String, Object> event) {
        Object out;
        try {
            out = fn.invoke(event);
        } catch (Throwable t) {
            Throwable cause = t;
            while (cause.getCause() != null && cause.getMessage() == null) cause = cause.getCause();
            throw new CognitoException("UserLambdaValidationException", trigger + " failed with error " + cause.getMessage() + ".");
        }
        return UserPoolTriggerEvents.responseOf(out);
    }

    @Override
    public PreSignUpAnswer preSignUp(String username, Map<String, String> userAttributes, Map<String, String> validationData,
                                     Map<String, String> clientMetadata) {
        if (preSignUp == null) return null;
        Map<String, Object> req = new LinkedHashMap<>();
        req.put("userAttributes", userAttributes);
        req.put("validationData", validationData);
        req.put("clientMetadata", clientMetadata);
        JsonNode r = response(preSignUp, "PreSignUp", events.event("PreSignUp_SignUp", username, req));
        return new PreSignUpAnswer(r.path("autoConfirmUser").asBoolean(false), r.path("autoVerifyPhone").asBoolean(false),
                r.path("autoVerifyEmail").asBoolean(false));
    }

    @Override
    public void postConfirmation(String username, Map<String, String> userAttributes, Map<String, String> clientMetadata) {
        if (postConfirmation == null) return;
        Map<String, Object> req = new LinkedHashMap<>();
        req.put("userAttributes", userAttributes);
        req.put("clientMetadata", clientMetadata);
        response(postConfirmation, "PostConfirmation", events.event("PostConfirmation_ConfirmSignUp", username, req));
    }

    @Override
    public String customMessage(String triggerSource, String username, Map<String, String> userAttributes,
                                Map<String, String> clientMetadata) {
        if (customMessage == null) return null;
        Map<String, Object> req = new LinkedHashMap<>();
        req.put("userAttributes", userAttributes);
        req.put("codeParameter", CODE_PARAMETER);
        req.put("linkParameter", "{##Click Here##}");
        req.put("usernameParameter", null);
        req.put("clientMetadata", clientMetadata);
        JsonNode r = response(customMessage, "CustomMessage", events.event(triggerSource, username, req));
        JsonNode sms = r.path("smsMessage");
        return sms.isTextual() ? sms.asText() : null;
    }
}
