package com.zhidian.reports.application;

import com.zhidian.core.tenancy.TenantDirectory;
import com.zhidian.reports.domain.MemberBucketRepository;
import com.zhidian.reports.domain.MemberEvents;
import com.zhidian.reports.domain.MemberRollup;
import com.zhidian.reports.domain.OrderEvent;

/**
 * Applies what the members and coupons contexts wrote (read from the table's stream), and members' paid orders, to the
 * member report's buckets in the tenant's time zone, each exactly once in effect.
 */
public final class MemberRollupService {
    private final MemberBucketRepository buckets;
    private final TenantDirectory tenants;

    public MemberRollupService(MemberBucketRepository buckets, TenantDirectory tenants) {
        this.buckets = buckets;
        this.tenants = tenants;
    }

    public boolean joined(MemberEvents.Joined e) {
        return buckets.apply(e.tenantId(), e.markerId(), MemberRollup.contributions(e, RollupService.zone(tenants, e.tenantId())));
    }

    public boolean ledger(MemberEvents.LedgerMove e) {
        return buckets.apply(e.tenantId(), e.markerId(), MemberRollup.contributions(e, RollupService.zone(tenants, e.tenantId())));
    }

    public boolean coupon(MemberEvents.CouponMove e) {
        return buckets.applyCoupons(e.tenantId(), e.markerId(), e.name(),
                MemberRollup.contributions(e, RollupService.zone(tenants, e.tenantId())));
    }

    /** A member's paid order makes them active (and, the second time in a period, a repeat member). */
    public boolean orderPaid(OrderEvent e) {
        if (!e.paid() || e.memberId() == null || e.memberId().isBlank()) return false;
        return buckets.applyActivity(e.tenantId(), e.eventId() + "#ma", e.memberId(),
                MemberRollup.activitySlots(e.at(), RollupService.zone(tenants, e.tenantId()), e.storeId()));
    }
}
