package com.zhidian.campaigns.store;

import java.time.Instant;

/**
 * Every key of the campaigns context, built here and nowhere else. Table keys start with {@code T#<tenantId>#}.
 * Numbers in sort keys are zero-padded so that text order is time order.
 */
public final class Keys {
    private Keys() {}

    public static final String META = "META";
    public static final String DELIVERY_PREFIX = "D#";
    public static final String MESSAGE_PREFIX = "MSG#";
    public static final String PUSH_SETTINGS = "PUSH";

    /** The tenant's campaign settings (quiet hours, frequency cap). */
    public static String settings(String tenantId) { return "T#" + tenantId + "#CSETTINGS"; }

    public static String segment(String tenantId, String segmentId) { return "T#" + tenantId + "#SEGMENT#" + segmentId; }

    /** gsi1: a tenant's segments, newest first. */
    public static String segmentList(String tenantId) { return "T#" + tenantId + "#SEGMENTS"; }

    /**
     * One partition holds every member summary of a tenant, sort key the member id (a preview reads them all in one
     * paged query): the members' facts, consents and points, the purchase history, the contacts, the WeChat openid.
     */
    public static String profiles(String tenantId) { return "T#" + tenantId + "#CPROFILES"; }

    /**
     * gsi1: the tenant's member summaries by the time each was last written (every writer of a summary sets it), so a
     * preview's cache reads only what changed since its last read.
     */
    public static String summaryChanges(String tenantId) { return "T#" + tenantId + "#CPROFCHG"; }

    public static String changeSk(long atMillis, String memberId) { return pad(atMillis) + "#" + memberId; }

    /** The first change sort key at or after {@code atMillis}. */
    public static String changesFrom(long atMillis) { return pad(atMillis); }

    /** The order events applied to the tenant's profiles (exactly-once markers, kept 30 days). */
    public static String profileEvents(String tenantId) { return "T#" + tenantId + "#CPROFEVT"; }

    public static String campaign(String tenantId, String campaignId) { return "T#" + tenantId + "#CAMPAIGN#" + campaignId; }

    /** gsi1: a tenant's campaigns, newest first. */
    public static String campaignList(String tenantId) { return "T#" + tenantId + "#CAMPAIGNS"; }

    public static String deliverySk(String memberId) { return DELIVERY_PREFIX + memberId; }

    /** The member's in-app message centre. */
    public static String inbox(String tenantId, String memberId) { return "T#" + tenantId + "#INBOX#" + memberId; }

    /** The local outbox of a channel (SMS, WeChat). */
    public static String outbox(String tenantId, String channel) { return "T#" + tenantId + "#OUTBOX#" + channel; }

    /** Messages sort by the time sent, then id; the message id alone finds its item through gsi1. */
    public static String messageSk(Instant at, String messageId) { return MESSAGE_PREFIX + pad(at.toEpochMilli()) + "#" + messageId; }

    public static String messageById(String tenantId, String memberId) { return "T#" + tenantId + "#MSGID#" + memberId; }

    /** gsi2: scheduled campaigns of every tenant by send time (the schedule job reads it; only scheduled ones are in it). */
    public static final String DUE = "CMPDUE";

    public static String dueSk(Instant sendAt, String tenantId, String campaignId) {
        return pad(sendAt.toEpochMilli()) + "#" + tenantId + "#" + campaignId;
    }

    public static String dueUntil(Instant now) { return pad(now.toEpochMilli()) + "#~"; }

    public static String listSk(Instant at, String id) { return pad(at.toEpochMilli()) + "#" + id; }

    /** 15 digits, zero-padded (String.format did this, at a cost the delivery's profile showed). */
    private static String pad(long n) {
        String digits = Long.toString(n);
        return n < 0 || digits.length() >= 15 ? String.format("%015d", n) : "0".repeat(15 - digits.length()) + digits;
    }
}
