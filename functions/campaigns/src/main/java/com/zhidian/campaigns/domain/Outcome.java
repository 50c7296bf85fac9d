package com.zhidian.campaigns.domain;

import java.time.Instant;

/**
 * What one member of a sent campaign did with it, as its results count it: the delivery (status, reason, when, the
 * coupon handed out) and, marked on the delivery afterwards, when the member read the message and when the member
 * used its one-tap unsubscribe.
 */
public record Outcome(String memberId, String status, String reason, Instant at, String couponCode, Instant readAt,
                      Instant unsubscribedAt) {
    public static final String READ = "readAt";
    public static final String UNSUBSCRIBED = "unsubscribedAt";

    public boolean delivered() { return Delivery.DELIVERED.equals(status); }

    public boolean heldOut() { return Delivery.SKIPPED.equals(status) && Delivery.HOLDOUT.equals(reason); }
}
