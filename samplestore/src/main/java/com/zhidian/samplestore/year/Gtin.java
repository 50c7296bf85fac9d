package com.zhidian.samplestore.year;

/** GTIN-13 with the GS1 mod-10 check digit. */
public final class Gtin {
    private Gtin() {}

    /** The check digit for the first twelve digits. */
    public static int checkDigit(String twelve) {
        if (twelve.length() != 12 || !twelve.chars().allMatch(Character::isDigit)) throw new IllegalArgumentException(twelve);
        int sum = 0;
        for (int i = 0; i < 12; i++) sum += (twelve.charAt(i) - '0') * (i % 2 == 0 ? 1 : 3);
        return (10 - sum % 10) % 10;
    }

    /** prefix (3 digits, 690–699 for China) + company (4) + item (5) + check digit. */
    public static String of(int prefix, int company, int item) {
        String twelve = String.format("%03d%04d%05d", prefix, company, item);
        return twelve + checkDigit(twelve);
    }

    public static boolean valid(String gtin) {
        return gtin != null && gtin.length() == 13 && gtin.chars().allMatch(Character::isDigit)
                && checkDigit(gtin.substring(0, 12)) == gtin.charAt(12) - '0';
    }
}
