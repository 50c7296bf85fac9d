package com.zhidian.campaigns.domain;

import java.util.List;

/**
 * Whether a campaign paid: the members it reached (treated) against the members kept out on purpose (holdout), over
 * the same window after delivery. Two measures, each a difference treated − holdout with a 95% interval:
 * <ul>
 *   <li>the share of members who bought: Agresti–Caffo interval (one buyer and one non-buyer added to each group
 *       before the normal approximation, so a group with no buyers does not give a zero-width interval);</li>
 *   <li>spend per member (fen): Welch's normal interval over the two groups' sample variances.</li>
 * </ul>
 * With fewer than {@link #MIN_GROUP} members in either group the answer is "not enough to tell": no numbers.
 */
public final class Uplift {
    public static final int MIN_GROUP = 30;
    public static final double Z95 = 1.959964;

    private Uplift() {}

    /** One member's purchases in the window: orders and spend (fen, net of refunds). */
    public record Purchases(long orders, long spend) {
        public boolean bought() { return orders > 0; }
    }

    /** A group's totals. */
    public record Group(long members, long buyers, long orders, long spend) {
        public double buyerShare() { return members == 0 ? 0 : (double) buyers / members; }

        public double spendPerMember() { return members == 0 ? 0 : (double) spend / members; }
    }

    /** A difference with its 95% interval. */
    public record Estimate(double value, double low, double high) {
        public boolean contains(double x) { return low <= x && x <= high; }
    }

    /** {@code enough}: false when either group is below {@link #MIN_GROUP}; then both estimates are null. */
    public record Result(Group treated, Group holdout, boolean enough, Estimate buyerShare, Estimate spendPerMember) {}

    public static Group group(List<Purchases> members) {
        long buyers = 0, orders = 0, spend = 0;
        for (Purchases p : members) {
            if (p.bought()) buyers++;
            orders += p.orders();
            spend += p.spend();
        }
        return new Group(members.size(), buyers, orders, spend);
    }

    public static Result compare(List<Purchases> treated, List<Purchases> holdout) {
        Group t = group(treated);
        Group h = group(holdout);
        if (t.members() < MIN_GROUP || h.members() < MIN_GROUP) return new Result(t, h, false, null, null);
        return new Result(t, h, true, share(t, h), spend(treated, holdout));
    }

    static Estimate share(Group t, Group h) {
        double diff = t.buyerShare() - h.buyerShare();
        double pt = (t.buyers() + 1.0) / (t.members() + 2.0);
        double ph = (h.buyers() + 1.0) / (h.members() + 2.0);
        double se = Math.sqrt(pt * (1 - pt) / (t.members() + 2.0) + ph * (1 - ph) / (h.members() + 2.0));
        double centre = pt - ph;
        return new Estimate(diff, Math.max(-1, centre - Z95 * se), Math.min(1, centre + Z95 * se));
    }

    static Estimate spend(List<Purchases> treated, List<Purchases> holdout) {
        double mt = mean(treated), mh = mean(holdout);
        double se = Math.sqrt(variance(treated, mt) / treated.size() + variance(holdout, mh) / holdout.size());
        double diff = mt - mh;
        return new Estimate(diff, diff - Z95 * se, diff + Z95 * se);
    }

    private static double mean(List<Purchases> xs) {
        double sum = 0;
        for (Purchases p : xs) sum += p.spend();
        return sum / xs.size();
    }

    /** The sample variance (n − 1). */
    private static double variance(List<Purchases> xs, double mean) {
        double sum = 0;
        for (Purchases p : xs) sum += (p.spend() - mean) * (p.spend() - mean);
        return sum / (xs.size() - 1);
    }
}
