package com.zhidian.coupons.domain;

/**
 * A template's counts. {@code issued} (by the owner) plus {@code claimed} (by customers) never passes the total
 * stock; reserved, redeemed and voided move with the coupons' states in the same transactions, so they always equal
 * the number of coupons in each state. {@code expired} is counted from the coupons when asked.
 */
public record Counts(long issued, long claimed, long reserved, long redeemed, long voided, long expired) {
    public long taken() { return issued + claimed; }

    /** Redeemed per coupon handed out, 0..1; 0 before any. */
    public double redemptionRate() { return taken() == 0 ? 0 : (double) redeemed / taken(); }
}
