package com.zhidian.merchants.domain;

import java.time.Duration;
import java.time.Instant;
import java.util.Collection;

/**
 * The published credit rule (docs/decisions.md, "Merchants and credit"): a merchant starts at 100; each complaint
 * closed as upheld costs 15 points and each partly upheld 8, weighted by how recently it closed (1 within 180 days,
 * 0.5 within a year, 0.2 before); each late answer costs 5 with the same weight by when it was received; each complaint
 * closed within 14 days with an answer in time earns 2 back, at most 10 in all. The score is rounded and kept within
 * 0..100; A from 90, B from 75, C from 60, D below. Open complaints count only when their answer is late.
 */
public final class CreditRating {
    public static final int START = 100;
    public static final int UPHELD_COST = 15;
    public static final int PARTLY_COST = 8;
    public static final int LATE_COST = 5;
    public static final int IN_TIME_BONUS = 2;
    public static final int BONUS_CAP = 10;
    public static final Duration RESOLVED_WITHIN = Duration.ofDays(14);

    /** What the rule reads of one complaint: its outcome (null while open), when it came and closed, and lateness. */
    public record Fact(String outcome, Instant receivedAt, Instant closedAt, boolean late) {
        public static Fact of(Complaint c) {
            return new Fact(c.outcome(), Instant.parse(c.receivedAt()), c.closedAt() == null ? null : Instant.parse(c.closedAt()), c.late());
        }
    }

    public record Rating(int score, String grade) {}

    private CreditRating() {}

    public static Rating of(Collection<Fact> facts, Instant now) {
        double penalty = 0;
        int bonus = 0;
        for (Fact f : facts) {
            if (f.closedAt() != null && ComplaintRules.UPHELD.equals(f.outcome())) penalty += UPHELD_COST * weight(f.closedAt(), now);
            if (f.closedAt() != null && ComplaintRules.PARTLY.equals(f.outcome())) penalty += PARTLY_COST * weight(f.closedAt(), now);
            if (f.late()) penalty += LATE_COST * weight(f.receivedAt(), now);
            if (f.closedAt() != null && !f.late() && !f.closedAt().isAfter(f.receivedAt().plus(RESOLVED_WITHIN))) bonus += IN_TIME_BONUS;
        }
        long raw = Math.round(START - penalty + Math.min(bonus, BONUS_CAP));
        int score = (int) Math.max(0, Math.min(START, raw));
        return new Rating(score, grade(score));
    }

    public static String grade(int score) {
        if (score >= 90) return "A";
        if (score >= 75) return "B";
        if (score >= 60) return "C";
        return "D";
    }

    /** 1 for the last 180 days (and anything dated ahead of now), 0.5 within a year, 0.2 before. */
    static double weight(Instant at, Instant now) {
        Duration age = Duration.between(at, now);
        if (age.compareTo(Duration.ofDays(180)) <= 0) return 1.0;
        if (age.compareTo(Duration.ofDays(365)) <= 0) return 0.5;
        return 0.2;
    }
}
