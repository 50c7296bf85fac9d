package com.zhidian.campaigns.domain;

import java.util.List;
import java.util.Optional;

/** The members of a tenant as campaigns sees them (implemented over the members context's use cases). */
public interface Audience {
    record Slice(List<AudienceMember> members, String nextCursor) {}

    /** A page of the tenant's members, with points and consents as they are now. */
    Slice page(String tenantId, int limit, String cursor);

    /** One member as it is now (consent read now), or empty when the tenant has no such member. */
    Optional<AudienceMember> member(String tenantId, String memberId);

    /** Where the member's channels reach it (phone, WeChat openid) as the members context has them now. */
    default ChannelSender.Recipient recipient(String tenantId, String memberId) {
        return new ChannelSender.Recipient(memberId, null, null);
    }

    /** Withdraws the member's {@code marketing_push} grant as the member's one-tap unsubscribe (kept in the consent history). */
    void unsubscribe(String tenantId, String memberId);
}
