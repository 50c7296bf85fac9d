package com.zhidian.campaigns.domain;

import java.time.Instant;

/**
 * A message as the member receives it: in the in-app message centre, or in an outbox the SMS or WeChat adapter sends
 * from. {@code unsubscribeToken} is the signed one-tap unsubscribe for this member.
 */
public record Message(String tenantId, String memberId, String messageId, String campaignId, String channel, String title,
                      String body, String couponCode, String unsubscribeToken, Instant sentAt, Instant readAt) {}
