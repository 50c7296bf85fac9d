package com.zhidian.reports.domain;

/**
 * What a member bucket counts: members who joined, members active (at least one paid order) and repeat members (two or
 * more) in the bucket's period, orders paid by members, and points: issued (every credit), redeemed (spent on orders),
 * expired, other debits (reversals of earnings on refunds, negative adjustments) and the change of pending points.
 * The balance moved by a bucket is {@code issued − redeemed − expired − otherDebits}; the liability at a day's end is
 * that summed over every bucket up to it.
 */
public record MemberMeasures(long newMembers, long activeMembers, long repeatMembers, long memberOrders, long pointsIssued,
                             long pointsRedeemed, long pointsExpired, long pointsOtherDebits, long pendingDelta) {
    public static final MemberMeasures ZERO = new MemberMeasures(0, 0, 0, 0, 0, 0, 0, 0, 0);

    public MemberMeasures plus(MemberMeasures o) {
        return new MemberMeasures(Math.addExact(newMembers, o.newMembers), Math.addExact(activeMembers, o.activeMembers),
                Math.addExact(repeatMembers, o.repeatMembers), Math.addExact(memberOrders, o.memberOrders),
                Math.addExact(pointsIssued, o.pointsIssued), Math.addExact(pointsRedeemed, o.pointsRedeemed),
                Math.addExact(pointsExpired, o.pointsExpired), Math.addExact(pointsOtherDebits, o.pointsOtherDebits),
                Math.addExact(pendingDelta, o.pendingDelta));
    }

    /** The change of the points balance (the liability) this bucket holds. */
    public long balanceDelta() { return pointsIssued - pointsRedeemed - pointsExpired - pointsOtherDebits; }

    public static MemberMeasures joined() { return new MemberMeasures(1, 0, 0, 0, 0, 0, 0, 0, 0); }

    public static MemberMeasures activity(long active, long repeat, long orders) {
        return new MemberMeasures(0, active, repeat, orders, 0, 0, 0, 0, 0);
    }

    public static MemberMeasures points(long issued, long redeemed, long expired, long otherDebits, long pending) {
        return new MemberMeasures(0, 0, 0, 0, issued, redeemed, expired, otherDebits, pending);
    }
}
