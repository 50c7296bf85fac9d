package com.zhidian.campaigns.application;

import com.zhidian.campaigns.domain.MemberSummaries;
import java.time.Instant;

/**
 * Keeps the member summaries from what the members context writes (its items on the table's stream: the member, its
 * consents, its points account). Each entry sets only the attributes it owns and is safe to repeat.
 */
public final class SummaryFeed {
    private final MemberSummaries summaries;

    public SummaryFeed(MemberSummaries summaries) {
        this.summaries = summaries;
    }

    /** The member as written now; {@code birthday} {@code YYYY-MM-DD} (or null); not active: erased or gone. */
    public void member(String tenantId, String memberId, boolean active, String storeId, Instant createdAt, String birthday,
                       boolean hasPhone) {
        Integer month = null;
        if (birthday != null && birthday.length() >= 7) {
            try {
                month = Integer.valueOf(birthday.substring(5, 7));
            } catch (NumberFormatException e) {
                month = null;
            }
        }
        summaries.member(tenantId, memberId, active, storeId, createdAt, month, hasPhone);
    }

    public void consent(String tenantId, String memberId, String purpose, boolean granted, Instant at) {
        summaries.consent(tenantId, memberId, purpose, granted, at);
    }

    public void points(String tenantId, String memberId, long balance) {
        summaries.points(tenantId, memberId, balance);
    }
}
