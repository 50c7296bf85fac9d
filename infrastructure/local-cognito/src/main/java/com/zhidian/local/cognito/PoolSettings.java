package com.zhidian.local.cognito;

import java.time.Duration;
import java.util.List;

/**
 * How the local pool behaves: ids, username attributes ({@code email} means usernames are generated and
 * the email signs in, as with a pool whose {@code UsernameAttributes} lists email), aliases, case
 * sensitivity, password policy and token validity, and who may sign themselves up ({@link SignUpPolicy}).
 */
public record PoolSettings(String poolId, String clientId, List<String> usernameAttributes, List<String> aliasAttributes,
                           boolean caseSensitive, PasswordPolicy passwordPolicy, Duration tokenValidity,
                           List<String> customAttributes, SignUpPolicy signUp) {
    public static PoolSettings defaults() {
        return new PoolSettings("local_zhidian", "zhidian-local-client", List.of(), List.of("email"), false,
                PasswordPolicy.DEFAULT, Duration.ofHours(1), List.of(), SignUpPolicy.DEFAULT);
    }

    public PoolSettings {
        if (signUp == null) signUp = SignUpPolicy.DEFAULT;
    }

    /** Attributes a user may sign in with besides the username. */
    List<String> signInAttributes() {
        java.util.ArrayList<String> l = new java.util.ArrayList<>(usernameAttributes);
        aliasAttributes.forEach(a -> { if (!l.contains(a)) l.add(a); });
        return l;
    }
}
