package com.zhidian.members.application;

import com.zhidian.members.domain.MemberQuery;
import java.util.Collection;
import java.util.Map;

/**
 * The members context's answer to another context that needs members by the many: the members matching a filter,
 * page by page, and the standing of members named by id. Callers get ids, status, home store, balance and join
 * date; never a phone or a name.
 */
public final class MemberFinder {
    public static final int MAX_EXAMINE = 500;

    private final MemberQuery query;

    public MemberFinder(MemberQuery query) {
        this.query = query;
    }

    /** Looks at up to {@code examine} (1..{@value #MAX_EXAMINE}) more members after {@code cursor}. */
    public MemberQuery.Step match(String tenantId, MemberQuery.Filter filter, int examine, String cursor) {
        return query.match(tenantId, filter, Math.max(1, Math.min(MAX_EXAMINE, examine)), cursor);
    }

    public long candidates(String tenantId, MemberQuery.Filter filter) {
        return query.candidates(tenantId, filter);
    }

    public Map<String, String> statuses(String tenantId, Collection<String> memberIds) {
        return query.statuses(tenantId, memberIds);
    }
}
