package com.zhidian.members.domain;

import java.security.SecureRandom;

/**
 * Member card numbers: 16 digits, starting with 8, ending with a Luhn check digit so a mistyped number at
 * the till is caught before any lookup.
 */
public final class CardNumbers {
    private static final SecureRandom RANDOM = new SecureRandom();

    private CardNumbers() {}

    public static String next() {
        StringBuilder sb = new StringBuilder("8");
        for (int i = 0; i < 14; i++) sb.append((char) ('0' + RANDOM.nextInt(10)));
        return sb.append(checkDigit(sb)).toString();
    }

    public static boolean isValid(String cardNo) {
        if (cardNo == null || !cardNo.matches("[0-9]{16}")) return false;
        return checkDigit(cardNo.substring(0, 15)) == cardNo.charAt(15);
    }

    static char checkDigit(CharSequence body) {
        int sum = 0;
        boolean dbl = true;
        for (int i = body.length() - 1; i >= 0; i--) {
            int d = body.charAt(i) - '0';
            if (dbl) {
                d *= 2;
                if (d > 9) d -= 9;
            }
            sum += d;
            dbl = !dbl;
        }
        return (char) ('0' + (10 - sum % 10) % 10);
    }
}
