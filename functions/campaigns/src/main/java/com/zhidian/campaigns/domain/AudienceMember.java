package com.zhidian.campaigns.domain;

import java.time.Instant;

/**
 * What campaigns may know of a member, read through the members context's application interface at the moment
 * it is needed (consent above all: read again at delivery). {@code marketingPushAnswered} tells a withdrawal from
 * a member who never answered.
 */
public record AudienceMember(String memberId, boolean active, String storeId, Instant createdAt, Integer birthdayMonth,
                             long pointsBalance, boolean marketingPush, boolean marketingPushAnswered,
                             boolean personalization) {}
