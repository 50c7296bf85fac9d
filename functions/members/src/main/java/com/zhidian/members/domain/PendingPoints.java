package com.zhidian.members.domain;

import java.time.Instant;

/**
 * Points earned by an order, waiting for the return window to pass. One per order: earning twice is refused.
 * {@code points} is what is still pending (or, once released, what of it no refund reversed); {@code reversed} is how much of the earning partial
 * refunds took back so far, so the order earned {@code points + reversed} (see {@link PointsRules#reverseShare}).
 */
public record PendingPoints(String orderId, String storeId, long points, Instant earnedAt, Instant availableAt, String state,
                            long reversed) {
    public PendingPoints(String orderId, String storeId, long points, Instant earnedAt, Instant availableAt, String state) {
        this(orderId, storeId, points, earnedAt, availableAt, state, 0);
    }

    /** What the order earned before any refund. */
    public long earned() { return points + reversed; }

    public static final String OPEN = "pending";
    public static final String RELEASED = "released";
    public static final String CANCELLED = "cancelled";

    public boolean open() { return OPEN.equals(state); }
}
