package com.zhidian.local.cognito;

import java.util.Map;

/** A user pool's password policy (Cognito's default unless the template's UserPool says otherwise). */
public record PasswordPolicy(int minimumLength, boolean requireUppercase, boolean requireLowercase,
                             boolean requireNumbers, boolean requireSymbols) {
    public static final PasswordPolicy DEFAULT = new PasswordPolicy(8, true, true, true, true);

    private static final String SYMBOLS = "^$*.[]{}()?\"!@#%&/\\,><':;|_~`=+- ";

    /** From {@code Policies.PasswordPolicy} of an {@code AWS::Cognito::UserPool}. */
    public static PasswordPolicy from(Map<String, Object> p) {
        if (p == null || p.isEmpty()) return DEFAULT;
        return new PasswordPolicy(
                p.get("MinimumLength") instanceof Number n ? n.intValue() : 8,
                bool(p.get("RequireUppercase")), bool(p.get("RequireLowercase")),
                bool(p.get("RequireNumbers")), bool(p.get("RequireSymbols")));
    }

    private static boolean bool(Object o) {
        return o == null || Boolean.parseBoolean(String.valueOf(o));
    }

    /** Throws InvalidPasswordException with Cognito's message when the password does not conform. */
    void check(String password) {
        if (password == null) throw CognitoException.invalidParameter("Missing required parameter PASSWORD");
        String why = null;
        if (password.length() < minimumLength) why = "Password not long enough";
        else if (requireUppercase && password.chars().noneMatch(Character::isUpperCase)) why = "Password must have uppercase characters";
        else if (requireLowercase && password.chars().noneMatch(Character::isLowerCase)) why = "Password must have lowercase characters";
        else if (requireNumbers && password.chars().noneMatch(Character::isDigit)) why = "Password must have numeric characters";
        else if (requireSymbols && password.chars().noneMatch(c -> SYMBOLS.indexOf(c) >= 0)) why = "Password must have symbol characters";
        if (why != null) throw new CognitoException("InvalidPasswordException", "Password does not conform to policy: " + why);
    }
}
