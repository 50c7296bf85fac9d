package com.zhidian.devices.domain;

/** The GS1 check of the GTIN a shelf label is bound to, in its GTIN-14 form (as the catalog keys products). */
public final class Gtins {
    private Gtins() {}

    /** The GTIN-14 form of a GTIN-8/12/13/14 whose check digit is right; throws {@link DeviceErrors.InvalidGtin}. */
    public static String parse(String text) {
        if (!valid(text)) throw new DeviceErrors.InvalidGtin(String.valueOf(text));
        return "0".repeat(14 - text.length()) + text;
    }

    /** True for a GTIN-8/12/13/14 whose check digit is right. */
    public static boolean valid(String text) {
        if (text == null || !text.matches("[0-9]{8}|[0-9]{12,14}")) return false;
        return checkDigit(text.substring(0, text.length() - 1)) == text.charAt(text.length() - 1) - '0';
    }

    /** GS1 mod-10: from the right, weights 3, 1, 3, ... */
    static int checkDigit(String body) {
        int sum = 0;
        for (int i = 0; i < body.length(); i++) {
            int d = body.charAt(body.length() - 1 - i) - '0';
            sum += i % 2 == 0 ? d * 3 : d;
        }
        return (10 - sum % 10) % 10;
    }
}
