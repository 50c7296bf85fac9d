package com.zhidian.approvals.domain;

import java.time.Instant;

/**
 * The rules an owner sets; each is off when null. {@code refundAbove}, {@code couponValueAbove}: fen;
 * {@code stockAdjustmentAbove}: units of absolute delta; {@code priceBelowCost}: a store price below the last receipt
 * cost needs approval. {@code updatedBy}/{@code updatedAt}: who set them last (null before the first save).
 */
public record ApprovalRules(Long refundAbove, Boolean priceBelowCost, Long stockAdjustmentAbove, Long couponValueAbove,
                            String updatedBy, Instant updatedAt) {
    public static final ApprovalRules NONE = new ApprovalRules(null, null, null, null, null, null);

    public boolean priceRuleOn() { return Boolean.TRUE.equals(priceBelowCost); }
}
