package com.zhidian.members.domain;

import java.time.Instant;

/** The pure rules of points: from an account and a wish to the change to write, or a refusal. No I/O. */
public final class PointsRules {
    private PointsRules() {}

    public static PointsChange redeem(PointsAccount a, long points, String storeId, String orderId, String reason,
                                      String actor, Instant at) {
        positive(points);
        requireOpen(a);
        if (a.balance() < points) throw new MembersErrors.NotEnoughPoints(a.balance(), points);
        return debit(a, points, LedgerEntry.REDEEM, storeId, orderId, reason, actor, at);
    }

    /** An owner's correction: positive amounts become a new lot, negative ones are spent oldest first. */
    public static PointsChange adjust(PointsAccount a, long delta, String reason, String storeId, String actor,
                                      Instant at, Instant expiresAt) {
        if (delta == 0) throw new IllegalArgumentException("delta must not be 0");
        requireOpen(a);
        if (delta > 0) return credit(a, delta, LedgerEntry.ADJUST, storeId, null, reason, actor, at, expiresAt);
        if (a.balance() < -delta) throw new MembersErrors.NotEnoughPoints(a.balance(), -delta);
        return debit(a, -delta, LedgerEntry.ADJUST, storeId, null, reason, actor, at);
    }

    /** Points an order spent, given back (the order cancelled or refunded): a new lot with the tenant's expiry. */
    public static PointsChange giveBack(PointsAccount a, long points, String orderId, String storeId, String reason, Instant at,
                                        Instant expiresAt) {
        requireOpen(a);
        positive(points);
        return credited(a, a.returned(points), points, LedgerEntry.REDEEM_RETURNED, storeId, orderId, reason, "system", at, expiresAt);
    }

    /** The welcome gift on a newly opened account: available at once, expiring as any credit does; null for none. */
    public static PointsChange welcome(PointsAccount opened, int points, String storeId, Instant at, Instant expiresAt) {
        if (points == 0) return null;
        if (opened.version() != 0) throw new IllegalStateException("a welcome gift goes only to a new account");
        return credit(opened, points, LedgerEntry.WELCOME, storeId, null, LedgerEntry.WELCOME, "system", at, expiresAt);
    }

    /** Points for a paid order, pending until the return window passes; null when the amount earns nothing. */
    public static PointsChange earn(PointsAccount a, PointsSettings settings, String orderId, String storeId,
                                    long amountFen, Instant at) {
        requireOpen(a);
        long points = settings.pointsFor(amountFen);
        if (points == 0) return null;
        PendingPoints p = new PendingPoints(orderId, storeId, points, at, settings.availableAt(at), PendingPoints.OPEN);
        PointsAccount after = a.pendingBy(points);
        LedgerEntry e = new LedgerEntry(after.version(), at, LedgerEntry.EARN_PENDING, 0, points, after.balance(),
                after.pending(), "purchase", orderId, storeId, "system");
        return new PointsChange(a.version(), after, e, null, p, null);
    }

    /** The return window has passed: pending points become available. */
    public static PointsChange release(PointsAccount a, PendingPoints p, Instant at, Instant expiresAt) {
        if (!p.open()) throw new IllegalStateException("not pending");
        PointsAccount after = a.releasing(p.points());
        Lot lot = new Lot(after.credited(), p.points(), at, expiresAt);
        LedgerEntry e = new LedgerEntry(after.version(), at, LedgerEntry.EARN, p.points(), -p.points(), after.balance(),
                after.pending(), "return window passed", p.orderId(), p.storeId(), "system");
        return new PointsChange(a.version(), after, e, lot, null, settled(p, PendingPoints.RELEASED));
    }

    /** The order was returned within the window: its pending points are cancelled. */
    public static PointsChange cancel(PointsAccount a, PendingPoints p, String reason, Instant at) {
        if (!p.open()) throw new IllegalStateException("not pending");
        PointsAccount after = a.pendingBy(-p.points());
        LedgerEntry e = new LedgerEntry(after.version(), at, LedgerEntry.EARN_CANCELLED, 0, -p.points(), after.balance(),
                after.pending(), reason, p.orderId(), p.storeId(), "system");
        return new PointsChange(a.version(), after, e, null, null, settled(p, PendingPoints.CANCELLED));
    }

    /** An order returned after its window: up to the points it earned are taken back from the balance. */
    public static PointsChange reverse(PointsAccount a, long points, String orderId, String storeId, String reason, Instant at) {
        positive(points);
        requireOpen(a);
        if (a.balance() < points) throw new MembersErrors.NotEnoughPoints(a.balance(), points);
        return debit(a, points, LedgerEntry.EARN_REVERSED, storeId, orderId, reason, "system", at);
    }

    /**
     * Expiry of every lot due by now, given {@code dueCumEnd}, the cumEnd of the last due lot: whatever of
     * those positions is not yet consumed expires. Null when nothing is left to expire.
     */
    public static PointsChange expire(PointsAccount a, long dueCumEnd, Instant at) {
        long n = Math.min(dueCumEnd, a.credited()) - a.consumed();
        if (n <= 0) return null;
        return debit(a, n, LedgerEntry.EXPIRE, null, null, "points expired", "system", at);
    }

    // ---- partial refunds: the earned points of the refunded share (docs/decisions.md, "Orders: points on a partial refund") ----

    /**
     * How many of an order's earned points a refund leaves reversed in all, after it: {@code earned × refunded ÷ paid},
     * rounded down (the member keeps the odd point), and everything on a full refund. Cumulative, so a second partial
     * refund and a full refund after a partial one are exact: each takes {@code target − already reversed}.
     */
    public static long reversedTarget(long earned, long refunded, long paid, boolean full) {
        if (full || refunded >= paid) return earned;
        if (paid <= 0 || refunded <= 0) return 0;
        return java.math.BigInteger.valueOf(earned).multiply(java.math.BigInteger.valueOf(refunded))
                .divide(java.math.BigInteger.valueOf(paid)).longValueExact();
    }

    /**
     * Brings an order's reversed points up to {@code target} (see {@link #reversedTarget}); null when nothing more is
     * due (so repeating it changes nothing). Still pending: the pending points shrink (ledger {@code earn_cancelled},
     * balance untouched; all of them: the earning is cancelled). Already released: taken back from the balance as an
     * {@code earn_reversed} entry, but never more than the balance holds: what the member has already spent is written
     * off (the earning still records all of it as reversed, so a later refund does not try again).
     */
    public static PointsChange reverseShare(PointsAccount a, PendingPoints p, long target, String reason, Instant at) {
        long due = Math.min(target, p.earned()) - p.reversed();
        if (due <= 0 || PendingPoints.CANCELLED.equals(p.state())) return null;
        requireOpen(a);
        if (p.open()) {
            boolean all = due == p.points();
            PointsAccount after = a.pendingBy(-due);
            LedgerEntry e = new LedgerEntry(after.version(), at, LedgerEntry.EARN_CANCELLED, 0, -due, after.balance(),
                    after.pending(), reason, p.orderId(), p.storeId(), "system");
            PendingPoints left = new PendingPoints(p.orderId(), p.storeId(), p.points() - due, p.earnedAt(), p.availableAt(),
                    all ? PendingPoints.CANCELLED : PendingPoints.OPEN, p.reversed() + due);
            return new PointsChange(a.version(), after, e, null, null, left);
        }
        long take = Math.min(due, a.balance());
        PendingPoints marked = new PendingPoints(p.orderId(), p.storeId(), p.points() - due, p.earnedAt(), p.availableAt(), p.state(),
                p.reversed() + due);
        PointsAccount after = take > 0 ? a.debit(take) : a.pendingBy(0);
        String why = take < due ? reason + " (" + (due - take) + " already spent, written off)" : reason;
        LedgerEntry e = new LedgerEntry(after.version(), at, LedgerEntry.EARN_REVERSED, -take, 0, after.balance(), after.pending(),
                why, p.orderId(), p.storeId(), "system");
        return new PointsChange(a.version(), after, e, null, null, marked);
    }

    private static PointsChange debit(PointsAccount a, long n, String kind, String storeId, String orderId, String reason,
                                      String actor, Instant at) {
        PointsAccount after = a.debit(n);
        LedgerEntry e = new LedgerEntry(after.version(), at, kind, -n, 0, after.balance(), after.pending(), reason, orderId, storeId, actor);
        return new PointsChange(a.version(), after, e, null, null, null);
    }

    private static PointsChange credit(PointsAccount a, long n, String kind, String storeId, String orderId, String reason,
                                       String actor, Instant at, Instant expiresAt) {
        return credited(a, a.credit(n), n, kind, storeId, orderId, reason, actor, at, expiresAt);
    }

    /** {@code n} points credited to {@code a}, giving {@code after}: the ledger entry and the new lot. */
    private static PointsChange credited(PointsAccount a, PointsAccount after, long n, String kind, String storeId, String orderId,
                                         String reason, String actor, Instant at, Instant expiresAt) {
        LedgerEntry e = new LedgerEntry(after.version(), at, kind, n, 0, after.balance(), after.pending(), reason, orderId, storeId, actor);
        return new PointsChange(a.version(), after, e, new Lot(after.credited(), n, at, expiresAt), null, null);
    }

    private static PendingPoints settled(PendingPoints p, String state) {
        return new PendingPoints(p.orderId(), p.storeId(), p.points(), p.earnedAt(), p.availableAt(), state, p.reversed());
    }

    private static void positive(long points) {
        if (points <= 0) throw new IllegalArgumentException("points must be positive");
    }

    private static void requireOpen(PointsAccount a) {
        if (!a.active()) throw new MembersErrors.MemberErased();
    }
}
