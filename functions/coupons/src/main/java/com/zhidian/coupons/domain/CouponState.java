package com.zhidian.coupons.domain;

/**
 * The stored state of a coupon. "expired" is not stored: an available coupon past its end is shown as expired
 * ({@link Coupon#shownState}), and nothing has to run at midnight to make it so.
 */
public enum CouponState {
    AVAILABLE("available"), RESERVED("reserved"), REDEEMED("redeemed"), VOID("void");

    private final String code;

    CouponState(String code) { this.code = code; }

    public String code() { return code; }

    public static CouponState of(String code) {
        for (CouponState s : values()) if (s.code.equals(code)) return s;
        throw new IllegalArgumentException("no state " + code);
    }
}
