package com.zhidian.local.cognito;

import java.util.List;

/**
 * The app client's sign-in settings (an {@code AWS::Cognito::UserPoolClient}): {@code ExplicitAuthFlows}, the
 * flows InitiateAuth accepts (any other is InvalidParameterException "&lt;FLOW&gt; flow not enabled for this client"),
 * and {@code PreventUserExistenceErrors} (ENABLED: an unknown user's sign-in is NotAuthorizedException, as a wrong
 * password; LEGACY, the default when the property is absent: UserNotFoundException).
 */
public record AppClient(List<String> explicitAuthFlows, boolean preventUserExistenceErrors) {
    /** What the stand-in did before it knew the client: every flow, and no user-existence errors. */
    public static final AppClient ANY = new AppClient(null, true);

    /** Cognito's flows when a client names none (CreateUserPoolClient, ExplicitAuthFlows). */
    public static final List<String> DEFAULT_FLOWS = List.of("ALLOW_REFRESH_TOKEN_AUTH", "ALLOW_USER_SRP_AUTH", "ALLOW_CUSTOM_AUTH");

    /** From the client's properties: ExplicitAuthFlows (absent: Cognito's default) and PreventUserExistenceErrors. */
    public static AppClient of(List<String> explicitAuthFlows, String preventUserExistenceErrors) {
        return new AppClient(explicitAuthFlows == null ? DEFAULT_FLOWS : List.copyOf(explicitAuthFlows),
                "ENABLED".equals(preventUserExistenceErrors));
    }

    /** Refuses an InitiateAuth flow the client does not allow. */
    void checkFlow(String flow) {
        if (explicitAuthFlows == null) return;
        String allow = switch (flow) {
            case "USER_PASSWORD_AUTH" -> "ALLOW_USER_PASSWORD_AUTH";
            case "ADMIN_USER_PASSWORD_AUTH", "ADMIN_NO_SRP_AUTH" -> "ALLOW_ADMIN_USER_PASSWORD_AUTH";
            case "REFRESH_TOKEN_AUTH", "REFRESH_TOKEN" -> "ALLOW_REFRESH_TOKEN_AUTH";
            case "CUSTOM_AUTH" -> "ALLOW_CUSTOM_AUTH";
            case "USER_AUTH" -> "ALLOW_USER_AUTH";
            case "USER_SRP_AUTH" -> "ALLOW_USER_SRP_AUTH";
            default -> null;
        };
        // the older names (ADMIN_NO_SRP_AUTH, CUSTOM_AUTH_FLOW_ONLY, USER_PASSWORD_AUTH) are accepted as Cognito still does
        boolean legacy = flow.equals("ADMIN_NO_SRP_AUTH") && explicitAuthFlows.contains("ADMIN_NO_SRP_AUTH")
                || flow.equals("USER_PASSWORD_AUTH") && explicitAuthFlows.contains("USER_PASSWORD_AUTH")
                || flow.equals("CUSTOM_AUTH") && explicitAuthFlows.contains("CUSTOM_AUTH_FLOW_ONLY");
        if (allow != null && !explicitAuthFlows.contains(allow) && !legacy) {
            throw CognitoException.invalidParameter(flow + " flow not enabled for this client");
        }
    }

    /** An unknown user's sign-in, as this client answers it. */
    CognitoException unknownUser() {
        return preventUserExistenceErrors ? CognitoException.notAuthorized("Incorrect username or password.") : CognitoException.userNotFound();
    }
}
