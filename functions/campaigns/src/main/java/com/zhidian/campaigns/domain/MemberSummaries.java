package com.zhidian.campaigns.domain;

import java.time.Instant;
import java.util.function.Consumer;

/**
 * The per-member summaries campaigns keeps from the members' stream (member, consents, points), the orders' events
 * (purchase history) and its own deliveries (contacts), and the WeChat openids members bind.
 */
public interface MemberSummaries {
    /** Every summary of the tenant, read page by page from its one partition. */
    void forEach(String tenantId, Consumer<MemberSummary> each);

    /**
     * As {@link #forEach(String, Consumer)}; when {@code purchaseHistory} is false the store may leave the purchase
     * history out (each summary's profile then empty): only the segment's purchase-history rules read it.
     */
    default void forEach(String tenantId, boolean purchaseHistory, Consumer<MemberSummary> each) {
        forEach(tenantId, each);
    }

    /**
     * The summaries written at or after {@code sinceMillis} (wall-clock milliseconds of the store's change stamp), each
     * as it is now; what a cache of the summaries reads to catch up. A store that keeps no change stamps has none.
     */
    default void changedSince(String tenantId, long sinceMillis, boolean purchaseHistory, Consumer<MemberSummary> each) {
        throw new UnsupportedOperationException("this store keeps no change stamps");
    }

    /** The member's facts as the members context last wrote them; {@code active} false once erased (the openid goes too). */
    void member(String tenantId, String memberId, boolean active, String storeId, Instant createdAt, Integer birthdayMonth,
                boolean hasPhone);

    /** The member's current answer for a consent purpose ({@code marketing_push}, {@code personalization}). */
    void consent(String tenantId, String memberId, String purpose, boolean granted, Instant at);

    void points(String tenantId, String memberId, long balance);

    /**
     * The backfill: writes the member's facts, consents and points as the members context has them now, but only the
     * attributes the stream has not told yet (each kept if present), so a backfill racing the stream never undoes a
     * newer change and a second run changes nothing.
     */
    void fill(String tenantId, AudienceMember m, boolean hasPhone);

    /** Binds the member's WeChat openid (personal data: removed when the member is erased). */
    void bindWeChat(String tenantId, String memberId, String openId);
}
