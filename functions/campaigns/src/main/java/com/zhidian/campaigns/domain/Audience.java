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

    /** A member as a delivery needs it at this moment: consent read now (null member: no such member), and its phone. */
    record Now(AudienceMember member, String phone) {}

    /** {@link #member} and {@link #recipient}'s phone of many members, read at once at the moment of delivery. */
    default java.util.Map<String, Now> now(String tenantId, java.util.Collection<String> memberIds) {
        java.util.Map<String, Now> out = new java.util.HashMap<>();
        for (String id : memberIds) out.put(id, new Now(member(tenantId, id).orElse(null), recipient(tenantId, id).phone()));
        return out;
    }

    /** When the member's {@code marketing_push} was last withdrawn by an unsubscribe link, if that is its current answer. */
    default Optional<java.time.Instant> withdrawnByLinkAt(String tenantId, String memberId) {
        return Optional.empty();
    }

    /** Grants {@code marketing_push} again on the member's own undo from the unsubscribe page (kept in the consent history). */
    default void resubscribe(String tenantId, String memberId) {
        throw new UnsupportedOperationException("resubscribe");
    }

    /** Withdraws the member's {@code marketing_push} grant as the member's one-tap unsubscribe (kept in the consent history). */
    void unsubscribe(String tenantId, String memberId);
}
