package com.zhidian.members.domain;

import java.time.Instant;

/** Points earned by an order, waiting for the return window to pass. One per order: earning twice is refused. */
public record PendingPoints(String orderId, String storeId, long points, Instant earnedAt, Instant availableAt, String state) {
    public static final String OPEN = "pending";
    public static final String RELEASED = "released";
    public static final String CANCELLED = "cancelled";

    public boolean open() { return OPEN.equals(state); }
}
