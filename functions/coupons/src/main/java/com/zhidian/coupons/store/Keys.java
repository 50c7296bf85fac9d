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

    /** An issue job's partition: the job ({@link #JOB_SK}) and one report line per member ({@link #lineSk}). */
    public static String issueJob(String tenantId, String jobId) { return "T#" + tenantId + "#CIJ#" + jobId; }

    public static final String JOB_SK = "J";

    public static String lineSk(String memberId) { return "L#" + memberId; }

    public static final String LINE_PREFIX = "L#";

    /**
     * gsi2: the unfinished issue jobs of every tenant, for the scheduled runner (the one key not starting with a
     * tenant: a GSI key, not a table key, holding only jobs still running, like members' points due index).
     */
    public static final String UNFINISHED_JOBS = "CIJOBS";

    public static String at(Instant at, String id) { return pad(at.toEpochMilli()) + "#" + id; }

    /** Sorts after every key {@link #at} makes for {@code at} and before any later one: ended by {@code at} counts as ended. */
    public static String through(Instant at) { return pad(at.toEpochMilli()) + "#~"; }

    static String pad(long n) {
        String s = Long.toString(n);
        return s.length() >= 15 ? s : "0".repeat(15 - s.length()) + s;
    }
}
