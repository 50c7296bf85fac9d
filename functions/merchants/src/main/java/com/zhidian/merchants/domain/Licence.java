package com.zhidian.merchants.domain;

/**
 * The unified social credit code (统一社会信用代码, GB 32100-2015): 18 characters from 0-9 and the capitals without
 * I, O, S, V, Z; the last is a check character over the first 17 (weights 3^i mod 31, check = 31 - sum mod 31).
 */
public final class Licence {
    static final String ALPHABET = "0123456789ABCDEFGHJKLMNPQRTUWXY";
    private static final int[] WEIGHTS = {1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28};

    private Licence() {}

    /** Whether the code has 18 characters of the alphabet and its check character is right. */
    public static boolean valid(String code) {
        if (code == null || code.length() != 18) return false;
        for (int i = 0; i < 18; i++) if (ALPHABET.indexOf(code.charAt(i)) < 0) return false;
        return checkChar(code.substring(0, 17)) == code.charAt(17);
    }

    /** The check character of the first 17 characters (which must be of the alphabet). */
    public static char checkChar(String first17) {
        if (first17.length() != 17) throw new IllegalArgumentException("17 characters expected");
        int sum = 0;
        for (int i = 0; i < 17; i++) {
            int v = ALPHABET.indexOf(first17.charAt(i));
            if (v < 0) throw new IllegalArgumentException("not a code character: " + first17.charAt(i));
            sum += v * WEIGHTS[i];
        }
        int c = 31 - sum % 31;
        return ALPHABET.charAt(c == 31 ? 0 : c);
    }
}
