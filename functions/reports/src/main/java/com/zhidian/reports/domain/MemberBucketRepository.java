package com.zhidian.reports.domain;

import java.util.List;
import java.util.Map;

/** Where the member report's buckets live. Each apply is exactly once in effect: a marker per event in its transaction. */
public interface MemberBucketRepository {
    boolean apply(String tenantId, String markerId, Map<MemberRollup.Slot, MemberMeasures> contributions);

    /** {@code counts}: per coupon slot, {issued, redeemed}; {@code name} the template's name, kept on the bucket. */
    boolean applyCoupons(String tenantId, String markerId, String name, Map<MemberRollup.CouponSlot, long[]> counts);

    /**
     * Counts one paid order of a member in each slot: the member's orders in the slot go up by one, and the slot's
     * bucket gets {@link MemberRollup#activity} of the count before. Answers whether this call applied it.
     */
    boolean applyActivity(String tenantId, String markerId, String memberId, List<MemberRollup.Slot> slots);

    /** The buckets of a scope and grain whose period is within [fromPeriod, toPeriod]. */
    List<Row> read(String tenantId, String scope, String grain, String fromPeriod, String toPeriod);

    /** The coupon buckets of a scope whose day is within [fromDay, toDay]. */
    List<CouponRow> coupons(String tenantId, String scope, String fromDay, String toDay);

    record Row(String period, MemberMeasures measures) {}

    record CouponRow(String day, String templateId, String name, long issued, long redeemed) {}
}
