package com.zhidian.catalog.domain;

/**
 * A GS1 Global Trade Item Number. GTIN-8, -12, -13 and -14 are one number space: padded with leading zeros to 14
 * digits they name the same article, so a product is keyed by its GTIN-14 form and "6901234567892" and
 * "06901234567892" are one product.
 */
public record Gtin(String value) {
    public Gtin {
        if (value == null || value.length() != 14 || !isDigits(value) || checkDigit(value.substring(0, 13)) != value.charAt(13) - '0') {
            throw new IllegalArgumentException("not a GTIN-14: " + value);
        }
    }

    /** Why a text is not a GTIN; null when it is one. */
    public static String problem(String text) {
        if (text == null || text.isEmpty()) return "gtin.missing";
        if (!isDigits(text)) return "gtin.not_digits";
        int n = text.length();
        if (n != 8 && n != 12 && n != 13 && n != 14) return "gtin.length";
        if (checkDigit(text.substring(0, n - 1)) != text.charAt(n - 1) - '0') return "gtin.check_digit";
        return null;
    }

    /** The GTIN-14 form of a GTIN-8/12/13/14; throws {@link InvalidGtin} naming what is wrong. */
    public static Gtin parse(String text) {
        String p = problem(text);
        if (p != null) throw new InvalidGtin(p, text);
        return new Gtin("0".repeat(14 - text.length()) + text);
    }

    /** The GTIN-14 form, or null when the text is no GTIN (a path that cannot name a product). */
    public static Gtin orNull(String text) {
        return problem(text) == null ? parse(text) : null;
    }

    /** GS1 mod-10: from the right, weights 3, 1, 3, ...; the check digit brings the sum to a multiple of 10. */
    public static int checkDigit(String body) {
        int sum = 0;
        for (int i = 0; i < body.length(); i++) {
            int d = body.charAt(body.length() - 1 - i) - '0';
            sum += i % 2 == 0 ? d * 3 : d;
        }
        return (10 - sum % 10) % 10;
    }

    /** The shortest standard form: GTIN-13 for a 14-digit number with a leading zero, as shoppers read it. */
    public String display() {
        if (value.startsWith("000000")) return value.substring(6);
        if (value.startsWith("0")) return value.substring(1);
        return value;
    }

    static boolean isDigits(String s) {
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c < '0' || c > '9') return false;
        }
        return !s.isEmpty();
    }

    @Override
    public String toString() { return value; }
}
