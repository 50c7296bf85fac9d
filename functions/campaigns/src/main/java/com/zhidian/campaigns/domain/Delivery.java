package com.zhidian.campaigns.domain;

import java.time.Instant;
import java.util.List;

/**
 * What became of one member of a campaign's segment: delivered (with the message id), skipped with the reason, or
 * deferred by quiet hours until {@code until}. One per campaign and member: a retry never makes a second.
 */
public record Delivery(String tenantId, String campaignId, String memberId, String status, String reason, Instant at,
                       Instant until, String messageId, String couponCode) {
    public static final String DELIVERED = "delivered";
    public static final String SKIPPED = "skipped";
    public static final String DEFERRED = "deferred";

    public static final String NO_GRANT = "no_grant";
    public static final String WITHDRAWN = "withdrawn";
    public static final String QUIET_HOURS = "quiet_hours";
    public static final String FREQUENCY_CAP = "frequency_cap";
    public static final String ERASED = "erased";
    public static final String HOLDOUT = "holdout";
    public static final String CANCELLED = "cancelled";
    /** The campaign's channel cannot reach the member: SMS without a phone, WeChat without a bound openid. */
    public static final String UNREACHABLE = "unreachable";
    /** Every reason a member of the segment is not messaged (now or yet), in the order the rules look. */
    public static final List<String> REASONS = List.of(ERASED, NO_GRANT, WITHDRAWN, HOLDOUT, QUIET_HOURS, FREQUENCY_CAP,
            UNREACHABLE, CANCELLED);

    public boolean finished() { return !DEFERRED.equals(status); }
}
