package com.zhidian.reports.domain;

import java.time.Instant;

/**
 * What the members and coupons contexts write that the member report counts, as read from the table's stream: a
 * member joined (the profile's insert), a points ledger entry (its insert), a coupon issued (its insert) or a coupon's
 * redemption made or undone (its state change). The rollup never reads the members' or coupons' items otherwise.
 */
public final class MemberEvents {
    private MemberEvents() {}

    /** A member's profile was created; {@code storeId} is the store they joined in, null when none. */
    public record Joined(String tenantId, String memberId, Instant at, String storeId) {
        public String markerId() { return "MJ#" + memberId; }
    }

    /** One points ledger entry: kind as members writes it, the balance and pending changes, the store if any. */
    public record LedgerMove(String tenantId, String memberId, long seq, Instant at, String kind, long delta, long pendingDelta,
                             String storeId) {
        public static final String REDEEM = "redeem";
        public static final String EXPIRE = "expire";
        public static final String REDEEM_RETURNED = "redeem_returned";

        public String markerId() { return "ML#" + memberId + "#" + seq; }

        /**
         * The entry as the report counts it: a credit is issued, except spent points given back, which undo a redemption;
         * a debit is redeemed, expired or another debit.
         */
        public MemberMeasures measures() {
            long issued = Math.max(0, delta), debit = Math.max(0, -delta);
            return switch (kind == null ? "" : kind) {
                case REDEEM -> MemberMeasures.points(issued, debit, 0, 0, pendingDelta);
                case REDEEM_RETURNED -> MemberMeasures.points(0, -issued, 0, 0, pendingDelta);
                case EXPIRE -> MemberMeasures.points(issued, 0, debit, 0, pendingDelta);
                default -> MemberMeasures.points(issued, 0, 0, debit, pendingDelta);
            };
        }
    }

    /**
     * A coupon of a template was issued ({@code issued} 1) or its redemption was made (1) or undone (−1) at {@code at};
     * {@code storeId} is the redeeming store, null for an issue.
     */
    public record CouponMove(String tenantId, String code, String templateId, String name, Instant at, String storeId,
                             long issued, long redeemed) {
        public String markerId() { return "MC#" + code + "#" + (issued != 0 ? "i" : redeemed > 0 ? "r" : "u") + "#" + at.toEpochMilli(); }
    }
}
