package com.zhidian.local.cognito;

import java.util.List;

/**
 * Who may sign themselves up, and how: {@code AdminCreateUserConfig.AllowAdminCreateUserOnly} (true refuses SignUp
 * with NotAuthorizedException), {@code AutoVerifiedAttributes} (phone_number: SignUp texts a confirmation code),
 * and the app client's {@code WriteAttributes} (SignUp may set only those; null means every attribute).
 */
public record SignUpPolicy(boolean adminCreateUserOnly, List<String> autoVerifiedAttributes, List<String> writeAttributes) {
    /** Cognito's defaults: self sign-up allowed, nothing verified automatically, every attribute writable. */
    public static final SignUpPolicy DEFAULT = new SignUpPolicy(false, List.of(), null);
}
