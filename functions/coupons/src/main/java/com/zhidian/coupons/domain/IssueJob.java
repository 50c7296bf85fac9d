package com.zhidian.coupons.domain;

import java.time.Instant;

/**
 * An issue of a template to every member matching a filter, run in steps (each looks at a page of members) until the
 * walk is through: {@code examined} of {@code candidates} members looked at, {@code matched} of them matched, and the
 * report's counts by outcome. {@code cursor} is where the next step starts.
 */
public record IssueJob(String tenantId, String templateId, String jobId, Directory.MemberFilter filter, String state,
                       long candidates, long examined, long matched, Outcomes outcomes, String cursor,
                       Instant createdAt, Instant updatedAt, Instant finishedAt) {
    public static final String RUNNING = "running";
    public static final String DONE = "done";

    /** How many members got a coupon, and how many did not, by reason. */
    public record Outcomes(long issued, long limitReached, long stockOut, long memberErased, long closed) {
        public static final Outcomes NONE = new Outcomes(0, 0, 0, 0, 0);
    }

    public boolean done() { return DONE.equals(state); }

    /** 0..100: members looked at per members to look at (100 when done). */
    public int percent() {
        if (done()) return 100;
        if (candidates <= 0) return 0;
        return (int) Math.min(99, examined * 100 / candidates);
    }

    /** One line of the report: the member's coupon code, or the reason they got none. */
    public record Line(String memberId, String outcome, String code) {
        public static final String ISSUED = "issued";
    }
}
