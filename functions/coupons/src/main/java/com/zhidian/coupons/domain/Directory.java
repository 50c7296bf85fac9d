package com.zhidian.coupons.domain;

import java.util.Collection;
import java.util.Map;

/** What coupons need to know of other contexts: members (read only) and the tenant's stores. */
public interface Directory {
    enum MemberStanding { ACTIVE, ERASED, UNKNOWN }

    /** Each member's standing in the tenant; another tenant's member is UNKNOWN. */
    Map<String, MemberStanding> members(String tenantId, Collection<String> memberIds);

    boolean hasStore(String tenantId, String storeId);
}
