package com.zhidian.members.domain;

import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Map;

/**
 * Members matched by a filter, read page by page in join order (newest first), for another context that acts on
 * many members at once (coupons issue to a filter). Erased members are matched too, with their status, so that the
 * caller can say why they got nothing.
 */
public interface MemberQuery {

    /** Every field optional (null: any): home store, points balance at least / at most, joined at or after. */
    record Filter(String storeId, Long minPoints, Long maxPoints, Instant joinedSince) {
        public boolean matchesPoints(long balance) {
            return (minPoints == null || balance >= minPoints) && (maxPoints == null || balance <= maxPoints);
        }
    }

    /** A matched member: id, status ({@code active} or {@code erased}), home store, points balance, joined. */
    record Match(String memberId, String status, String storeId, long balance, Instant joinedAt) {
        public boolean active() { return Member.ACTIVE.equals(status); }
    }

    /**
     * One step through the tenant's members: up to {@code examine} members were looked at ({@code examined}), the ones
     * matching the filter are {@code matches}; {@code nextCursor} null at the end.
     */
    record Step(List<Match> matches, int examined, String nextCursor) {}

    Step match(String tenantId, Filter filter, int examine, String cursor);

    /** How many members a walk with this filter looks at (those who joined since; the progress' whole). */
    long candidates(String tenantId, Filter filter);

    /** Each named member's status ({@code active} or {@code erased}); absent: not a member of the tenant. */
    Map<String, String> statuses(String tenantId, Collection<String> memberIds);
}
