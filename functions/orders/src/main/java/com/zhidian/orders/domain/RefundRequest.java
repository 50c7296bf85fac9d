package com.zhidian.orders.domain;

import java.time.Instant;
import java.util.List;
import java.util.Set;

/**
 * A customer's request for a refund of (part of) a paid order, made from the H5 and decided by staff: pending, then
 * approved (the order's refund {@code refundId} was made, exactly once) or rejected (with staff's reason). The lines
 * are those asked; the amount is what they were worth when asked (the refund itself recomputes it).
 */
public record RefundRequest(String tenantId, String requestId, String orderId, String orderNumber, String storeId, String memberId,
                            List<OrderRules.Ask> lines, long amount, String reason, String note, String state, String decidedBy,
                            String rejectReason, String refundId, Instant requestedAt, Instant decidedAt, long version) {
    public static final String PENDING = "pending";
    public static final String APPROVED = "approved";
    public static final String REJECTED = "rejected";
    public static final Set<String> STATES = Set.of(PENDING, APPROVED, REJECTED);
    /** The reasons a customer picks from (the H5's list); free text goes in {@code note}. */
    public static final Set<String> REASONS = Set.of("not_as_described", "damaged", "wrong_item", "quality", "changed_mind", "other");

    public RefundRequest {
        lines = List.copyOf(lines);
    }

    public RefundRequest decided(String to, String by, String why, Instant at) {
        return new RefundRequest(tenantId, requestId, orderId, orderNumber, storeId, memberId, lines, amount, reason, note, to, by, why,
                APPROVED.equals(to) ? refundIdFor(requestId) : null, requestedAt, at, version + 1);
    }

    /** The id of the refund an approval makes: one per request, so approving twice refunds once (at the provider too). */
    public static String refundIdFor(String requestId) {
        return "rf_" + requestId;
    }
}
