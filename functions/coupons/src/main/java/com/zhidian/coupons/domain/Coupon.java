package com.zhidian.coupons.domain;

import java.time.Instant;

/**
 * One coupon of one member. {@code orderId} is the order holding it (reserved) or that used it (redeemed);
 * {@code redemption} says where, by whom and when it was used; {@code voidReason} why it was voided.
 */
public record Coupon(String tenantId, String code, String templateId, String memberId, String name, Terms terms,
                     Instant validFrom, Instant validTo, CouponState state, String source, Instant createdAt,
                     String orderId, Redemption redemption, String voidReason, Instant changedAt) {

    public static final String ISSUED = "issued";
    public static final String CLAIMED = "claimed";

    public record Redemption(String storeId, String staff, String orderId, Instant at) {}

    /** available, reserved, redeemed, void, or expired (available, past its end). */
    public String shownState(Instant now) {
        if (state == CouponState.AVAILABLE && !now.isBefore(validTo)) return "expired";
        return state.code();
    }

    public boolean expiredAt(Instant now) { return !now.isBefore(validTo); }

    public Coupon with(CouponState newState, String newOrderId, Redemption newRedemption, String newVoidReason, Instant at) {
        return new Coupon(tenantId, code, templateId, memberId, name, terms, validFrom, validTo, newState, source, createdAt,
                newOrderId, newRedemption, newVoidReason, at);
    }
}
