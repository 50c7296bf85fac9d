package com.zhidian.members.domain;

import java.time.Instant;

/**
 * One change of a member's points. {@code delta} moves the balance and {@code pendingDelta} the pending
 * points; the balance is the sum of all deltas. {@code seq} is the account version the change produced.
 */
public record LedgerEntry(long seq, Instant at, String kind, long delta, long pendingDelta, long balanceAfter,
                          long pendingAfter, String reason, String orderId, String storeId, String actor) {
    public static final String EARN_PENDING = "earn_pending";
    public static final String EARN = "earn";
    public static final String EARN_CANCELLED = "earn_cancelled";
    public static final String EARN_REVERSED = "earn_reversed";
    public static final String REDEEM = "redeem";
    /** Points an order spent, given back when it is cancelled or refunded (with the order's id): not new earnings. */
    public static final String REDEEM_RETURNED = "redeem_returned";
    public static final String ADJUST = "adjust";
    public static final String EXPIRE = "expire";
    /** The tenant's welcome gift to a new member (its reason is the same code). */
    public static final String WELCOME = "welcome";
}
