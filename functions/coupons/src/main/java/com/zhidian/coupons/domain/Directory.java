package com.zhidian.coupons.domain;

import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Map;

/**
 * What coupons need to know of other contexts, asked through their application interfaces (never their keys):
 * members (read only, by id or by a filter) and the tenant's stores.
 */
public interface Directory {
    enum MemberStanding { ACTIVE, ERASED, UNKNOWN }

    /** Each member's standing in the tenant; another tenant's member is UNKNOWN. */
    Map<String, MemberStanding> members(String tenantId, Collection<String> memberIds);

    boolean hasStore(String tenantId, String storeId);

    /** Who an issue to a filter goes to; every field optional. */
    record MemberFilter(String storeId, Long minPoints, Long maxPoints, Instant joinedSince) {}

    /** A member the filter matched, erased or not. */
    record Matched(String memberId, boolean erased) {}

    /** One step of a walk through the tenant's members: those matched among {@code examined}; next null at the end. */
    record Step(List<Matched> matched, int examined, String nextCursor) {}

    Step match(String tenantId, MemberFilter filter, int examine, String cursor);

    /** How many members a walk with this filter looks at (the whole of its progress). */
    long candidates(String tenantId, MemberFilter filter);
}
