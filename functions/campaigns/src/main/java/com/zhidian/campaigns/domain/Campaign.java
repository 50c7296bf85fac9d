package com.zhidian.campaigns.domain;

import java.time.Instant;
import java.util.Set;

/**
 * A message to a segment over one channel, with an optional coupon to hand out with it, an optional send time and an
 * optional holdout share (members kept out on purpose, to measure uplift). Its life: {@code draft} (or
 * {@code scheduled} with a {@code sendAt}) → {@code sending} → {@code sent}; {@code cancelled} from any but sent.
 */
public record Campaign(String tenantId, String campaignId, String title, String body, String channel, String segmentId,
                       String couponTemplateId, Instant sendAt, int holdoutPercent, String status, Instant createdAt,
                       Instant sentAt, long queued) {
    public static final String IN_APP = "in_app";
    public static final String SMS = "sms";
    public static final String WECHAT = "wechat";
    public static final Set<String> CHANNELS = Set.of(IN_APP, SMS, WECHAT);

    public static final String DRAFT = "draft";
    public static final String SCHEDULED = "scheduled";
    public static final String SENDING = "sending";
    public static final String SENT = "sent";
    public static final String CANCELLED = "cancelled";
    public static final int MAX_HOLDOUT_PERCENT = 50;

    public boolean cancelled() { return CANCELLED.equals(status); }

    public Campaign withStatus(String next, Instant sent, long queuedCount) {
        return new Campaign(tenantId, campaignId, title, body, channel, segmentId, couponTemplateId, sendAt, holdoutPercent,
                next, createdAt, sent, queuedCount);
    }
}
