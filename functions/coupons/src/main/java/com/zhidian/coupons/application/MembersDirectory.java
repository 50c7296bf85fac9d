package com.zhidian.coupons.application;

import com.zhidian.core.tenancy.TenantDirectory;
import com.zhidian.coupons.domain.Directory;
import com.zhidian.members.application.MemberFinder;
import com.zhidian.members.domain.MemberQuery;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.Map;

/**
 * Coupons' view of other contexts through their application interfaces: members through the members context's
 * {@link MemberFinder} (never its keys), stores through core's tenant directory.
 */
public final class MembersDirectory implements Directory {
    private final MemberFinder members;
    private final TenantDirectory tenants;

    public MembersDirectory(MemberFinder members, TenantDirectory tenants) {
        this.members = members;
        this.tenants = tenants;
    }

    @Override
    public Map<String, MemberStanding> members(String tenantId, Collection<String> memberIds) {
        Map<String, String> statuses = members.statuses(tenantId, memberIds);
        Map<String, MemberStanding> out = new HashMap<>();
        for (String id : new LinkedHashSet<>(memberIds)) {
            String st = statuses.get(id);
            out.put(id, st == null ? MemberStanding.UNKNOWN : "active".equals(st) ? MemberStanding.ACTIVE : MemberStanding.ERASED);
        }
        return out;
    }

    @Override
    public boolean hasStore(String tenantId, String storeId) {
        return tenants.hasStore(tenantId, storeId);
    }

    @Override
    public Step match(String tenantId, MemberFilter f, int examine, String cursor) {
        MemberQuery.Step s = members.match(tenantId, filter(f), examine, cursor);
        return new Step(s.matches().stream().map(m -> new Matched(m.memberId(), !m.active())).toList(), s.examined(), s.nextCursor());
    }

    @Override
    public long candidates(String tenantId, MemberFilter f) {
        return members.candidates(tenantId, filter(f));
    }

    private static MemberQuery.Filter filter(MemberFilter f) {
        return new MemberQuery.Filter(f.storeId(), f.minPoints(), f.maxPoints(), f.joinedSince());
    }
}
