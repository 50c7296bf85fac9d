package com.zhidian.campaigns.domain;

import java.util.Optional;

/** Hands out the campaign's coupon to a member it reached (the coupons context, in process). */
public interface CouponIssuer {
    boolean templateExists(String tenantId, String templateId);

    /** The new coupon's code, or empty when the coupons context refused (stock out, member's limit). */
    Optional<String> issue(String tenantId, String templateId, String memberId);

    /** Whether the coupon with this code has been used (redeemed) in an order. */
    boolean redeemed(String tenantId, String code);
}
