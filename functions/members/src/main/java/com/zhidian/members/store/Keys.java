package com.zhidian.members.store;

import com.zhidian.core.aws.ReadAhead;

import java.time.Instant;

/**
 * Every key of the members context, built here and nowhere else. Table keys start with
 * {@code T#<tenantId>#}. The one exception is the due index (gsi2, {@code PTDUE#<shard>}), which the
 * scheduled points job reads across tenants; it is a GSI key, not a table key, and holds only items not
 * yet processed. Numbers in sort keys are zero-padded so that text order is numeric order.
 */
public final class Keys {
    private Keys() {}

    public static final String PROFILE = "PROFILE";
    public static final String POINTS = "POINTS";
    public static final String LEDGER_PREFIX = "L#";
    public static final String LOT_PREFIX = "LOT#";
    public static final String PENDING_PREFIX = "PEND#";
    public static final String CONSENT_PREFIX = "C#";
    public static final String CONSENT_HISTORY_PREFIX = "CH#";
    public static final String PHONE_SK = "PHONE";
    public static final String CARD_SK = "CARD";
    public static final String SETTINGS_POINTS_SK = "POINTS";
    /** Member items naming a stored Idempotency-Key answer that shows the member (erasure overwrites it). */
    public static final String ANSWER_PREFIX = "ANS#";
    public static final int DUE_SHARDS = 8;

    /** The partition of one member: profile, points account, ledger, lots, pending earnings, consents. */
    /** The points account, which every points route reads first (the rails read it ahead with the tenant's standing). */
    public static ReadAhead.Key pointsAccount(String tenantId, String memberId) {
        return new ReadAhead.Key(member(tenantId, memberId), POINTS);
    }

    public static String member(String tenantId, String memberId) {
        return "T#" + tenantId + "#M#" + memberId;
    }

    public static String ledgerSk(long seq) { return LEDGER_PREFIX + pad(seq, 12); }

    public static String lotSk(long cumEnd) { return LOT_PREFIX + pad(cumEnd, 15); }

    public static String lotsEnd() { return LOT_PREFIX + "~"; }

    public static String pendingSk(String orderId) { return PENDING_PREFIX + orderId; }

    public static String consentSk(String purpose) { return CONSENT_PREFIX + purpose; }

    public static String consentHistorySk(Instant at, String eventId) {
        return CONSENT_HISTORY_PREFIX + pad(at.toEpochMilli(), 15) + "#" + eventId;
    }

    public static String answerSk(String answerKey) { return ANSWER_PREFIX + answerKey; }

    /** The claim that makes a phone unique in a tenant. */
    public static String phone(String tenantId, String phone) { return "T#" + tenantId + "#PHONE#" + phone; }

    /** The claim that makes a card number unique in a tenant. */
    public static String card(String tenantId, String cardNo) { return "T#" + tenantId + "#CARD#" + cardNo; }

    /** gsi1: a tenant's members, newest first. */
    public static String memberList(String tenantId) { return "T#" + tenantId + "#MEMBERS"; }

    public static String memberListSk(Instant createdAt, String memberId) {
        return pad(createdAt.toEpochMilli(), 15) + "#" + memberId;
    }

    public static String settings(String tenantId) { return "T#" + tenantId + "#SETTINGS"; }

    /** gsi2: work for the points job, spread over a few partitions so no one partition runs hot. */
    public static String dueShard(int shard) { return "PTDUE#" + shard; }

    public static int shardOf(String memberId) { return Math.floorMod(memberId.hashCode(), DUE_SHARDS); }

    public static String dueSk(Instant at, String tenantId, String memberId, String sk) {
        return pad(at.toEpochMilli(), 15) + "#" + tenantId + "#" + memberId + "#" + sk;
    }

    public static String dueUpTo(Instant now) { return pad(now.toEpochMilli(), 15) + "#~"; }

    static String pad(long n, int width) {
        String s = Long.toString(n);
        return s.length() >= width ? s : "0".repeat(width - s.length()) + s;
    }
}
