package com.zhidian.coupons.store;

import java.time.Instant;

/**
 * Every key of the coupons context, built here and nowhere else; all start with {@code T#<tenantId>#}. A template's
 * partition holds the template (its counters) and one counter per member who got a coupon of it; each coupon is its
 * own partition, keyed by its code, so a check or a redemption is one read by key. Numbers in sort keys are
 * zero-padded so that text order is time order.
 */
public final class Keys {
    private Keys() {}

    public static final String TEMPLATE_SK = "T";
    public static final String COUPON_SK = "C";
    public static final String HOLD_SK = "H";

    public static String template(String tenantId, String templateId) { return "T#" + tenantId + "#CT#" + templateId; }

    /** The member's counter of coupons of one template (the per-member limit). */
    public static String memberCounterSk(String memberId) { return "M#" + memberId; }

    /** gsi1: a tenant's templates, newest first. */
    public static String templateList(String tenantId) { return "T#" + tenantId + "#CTL"; }

    public static String coupon(String tenantId, String code) { return "T#" + tenantId + "#CP#" + code; }

    /** gsi1: a member's coupons, newest first. */
    public static String memberCoupons(String tenantId, String memberId) { return "T#" + tenantId + "#CPM#" + memberId; }

    /** gsi2: a template's coupons by the end of their validity (the expired ones are a key range). */
    public static String templateCoupons(String tenantId, String templateId) { return "T#" + tenantId + "#CTC#" + templateId; }

    /** The coupons an order holds (at most one unless all are stackable). */
    public static String orderHold(String tenantId, String orderId) { return "T#" + tenantId + "#CPO#" + orderId; }

    /** Members' profiles are the members context's ({@code com.zhidian.members.store.Keys.member}); read only. */
    public static String memberProfile(String tenantId, String memberId) { return "T#" + tenantId + "#M#" + memberId; }

    public static final String MEMBER_PROFILE_SK = "PROFILE";

    public static String at(Instant at, String id) { return pad(at.toEpochMilli()) + "#" + id; }

    /** Sorts after every key {@link #at} makes for {@code at} and before any later one: ended by {@code at} counts as ended. */
    public static String through(Instant at) { return pad(at.toEpochMilli()) + "#~"; }

    static String pad(long n) {
        String s = Long.toString(n);
        return s.length() >= 15 ? s : "0".repeat(15 - s.length()) + s;
    }
}
