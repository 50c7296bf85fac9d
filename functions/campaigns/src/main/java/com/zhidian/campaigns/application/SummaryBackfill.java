package com.zhidian.campaigns.application;

import com.zhidian.campaigns.domain.Audience;
import com.zhidian.campaigns.domain.AudienceMember;
import com.zhidian.campaigns.domain.MemberSummaries;

/**
 * Summaries for members the stream never told campaigns about (they joined, answered or earned points before the
 * feed was deployed): a page of the tenant's members read through the members' use case, each written where its
 * summary lacks an attribute. Never overwrites what the stream wrote, so it may run at any time, any number of times.
 */
public final class SummaryBackfill {
    public static final int MAX_PAGE = 200;
    private final Audience audience;
    private final MemberSummaries summaries;

    public SummaryBackfill(Audience audience, MemberSummaries summaries) {
        this.audience = audience;
        this.summaries = summaries;
    }

    /** How many members this page examined, and where the next page starts (null: the last page). */
    public record Result(int examined, String nextCursor) {}

    public Result page(String tenantId, int limit, String cursor) {
        Audience.Slice s = audience.page(tenantId, Math.max(1, Math.min(limit, MAX_PAGE)), cursor);
        // every member joins with a phone and erasure removes it: an active member has one
        for (AudienceMember m : s.members()) summaries.fill(tenantId, m, m.active());
        return new Result(s.members().size(), s.nextCursor());
    }
}
