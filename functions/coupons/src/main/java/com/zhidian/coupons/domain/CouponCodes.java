package com.zhidian.coupons.domain;

import java.security.SecureRandom;

/**
 * Coupon codes a cashier can type and a POS can scan: 13 random characters of a 32-character alphabet without
 * 0/O/1/I (65 bits, SecureRandom), then one check character (Luhn mod 32). The check character catches every
 * single mistyped character and most swaps of two neighbours, so a mistyped code is refused before any lookup.
 */
public final class CouponCodes {
    /** 8 digits and 24 letters: no 0, O, 1 or I, which readers confuse. */
    public static final String ALPHABET = "23456789ABCDEFGHJKLMNPQRSTUVWXYZ";
    public static final int RANDOM_CHARS = 13;
    public static final int LENGTH = RANDOM_CHARS + 1;
    private static final int N = ALPHABET.length();
    private static final SecureRandom RANDOM = new SecureRandom();

    private CouponCodes() {}

    public static String next() {
        char[] out = new char[RANDOM_CHARS];
        for (int i = 0; i < out.length; i++) out[i] = ALPHABET.charAt(RANDOM.nextInt(N));
        String body = new String(out);
        return body + checkChar(body);
    }

    /** Bits of randomness in a code: 13 × log2(32). */
    public static int randomBits() { return RANDOM_CHARS * 5; }

    /**
     * The code as typed (any case, spaces or hyphens between groups) in its stored form. Throws
     * {@link CouponErrors.CodeMalformed} for a wrong length or a character outside the alphabet and
     * {@link CouponErrors.CodeMistyped} when the check character does not match.
     */
    public static String normalise(String typed) {
        if (typed == null) throw new CouponErrors.CodeMalformed();
        StringBuilder sb = new StringBuilder(LENGTH);
        for (int i = 0; i < typed.length(); i++) {
            char c = typed.charAt(i);
            if (c == ' ' || c == '-') continue;
            char u = Character.toUpperCase(c);
            if (u > 'Z' || ALPHABET.indexOf(u) < 0) throw new CouponErrors.CodeMalformed();
            sb.append(u);
            if (sb.length() > LENGTH) throw new CouponErrors.CodeMalformed();
        }
        if (sb.length() != LENGTH) throw new CouponErrors.CodeMalformed();
        String code = sb.toString();
        if (!isValid(code)) throw new CouponErrors.CodeMistyped();
        return code;
    }

    /** True when {@code code} is in stored form and its last character checks the rest. */
    public static boolean isValid(String code) {
        if (code == null || code.length() != LENGTH) return false;
        for (int i = 0; i < LENGTH; i++) if (ALPHABET.indexOf(code.charAt(i)) < 0) return false;
        return checkChar(code.substring(0, RANDOM_CHARS)) == code.charAt(RANDOM_CHARS);
    }

    /** Grouped by four for reading aloud: {@code ABCD EFGH JKLM NP}. */
    public static String display(String code) {
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < code.length(); i++) {
            if (i > 0 && i % 4 == 0) sb.append(' ');
            sb.append(code.charAt(i));
        }
        return sb.toString();
    }

    /**
     * Luhn mod N: from the right, every second value is doubled and its base-N digits summed. Doubling this way is
     * a permutation of 0..N-1, so changing any one character changes the sum mod N: every single substitution fails.
     */
    static char checkChar(String body) {
        int sum = 0;
        boolean dbl = true;
        for (int i = body.length() - 1; i >= 0; i--) {
            int v = ALPHABET.indexOf(body.charAt(i));
            if (v < 0) throw new IllegalArgumentException("not in the alphabet: " + body.charAt(i));
            if (dbl) {
                v *= 2;
                v = v / N + v % N;
            }
            sum += v;
            dbl = !dbl;
        }
        return ALPHABET.charAt((N - sum % N) % N);
    }
}
