package com.zhidian.parking.domain;

import java.time.Instant;

/** What parking reads of other contexts about a member: their spending that day (orders) and whether they still exist (members). */
public interface MemberFacts {
    /** The total of the member's paid orders in that store placed in [from, to), in fen. */
    long spent(String tenantId, String memberId, String storeId, Instant from, Instant to);

    /** False once the member is erased or unknown. */
    boolean active(String tenantId, String memberId);
}
