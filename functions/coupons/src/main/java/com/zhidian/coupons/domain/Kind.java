package com.zhidian.coupons.domain;

/** What a coupon gives: money off in fen, a percentage off with a cap, or a gift (a product by GTIN). */
public enum Kind {
    AMOUNT_OFF("amount_off"), PERCENT_OFF("percent_off"), GIFT("gift");

    private final String code;

    Kind(String code) { this.code = code; }

    public String code() { return code; }

    public static Kind of(String code) {
        for (Kind k : values()) if (k.code.equals(code)) return k;
        throw new IllegalArgumentException("no kind " + code);
    }
}
