package com.zhidian.core;

import java.security.SecureRandom;

/** Short, URL-safe, unguessable ids with a readable prefix (st_, mb_, ...). */
public final class Ids {
    private static final char[] ALPHABET = "0123456789abcdefghjkmnpqrstvwxyz".toCharArray();
    private static final SecureRandom RANDOM = new SecureRandom();

    private Ids() {}

    public static String next(String prefix) {
        char[] out = new char[16];
        for (int i = 0; i < out.length; i++) out[i] = ALPHABET[RANDOM.nextInt(ALPHABET.length)];
        return prefix + "_" + new String(out);
    }

    /** A temporary password that satisfies Cognito's default policy (upper, lower, digit, symbol, 8+). */
    public static String temporaryPassword() {
        return "Tmp-" + next("p").substring(2, 10).toUpperCase() + next("p").substring(2, 8) + "7!";
    }
}
