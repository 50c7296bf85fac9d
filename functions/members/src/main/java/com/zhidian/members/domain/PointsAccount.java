package com.zhidian.members.domain;

/**
 * One member's points, shared by every store of the tenant. {@code credited} and {@code consumed} are the
 * running totals of all credits and all debits, so {@code balance == credited - consumed} and the oldest
 * points are spent first: the first {@code consumed} points of the credit sequence are used up.
 * {@code version} counts ledger entries; every change writes version+1 and ledger entry number version+1
 * in one transaction, conditioned on the version read.
 */
public record PointsAccount(String tenantId, String memberId, long balance, long pending, long lifetimeEarned,
                            long credited, long consumed, long version, boolean active) {

    public static PointsAccount opened(String tenantId, String memberId) {
        return new PointsAccount(tenantId, memberId, 0, 0, 0, 0, 0, 0, true);
    }

    public PointsAccount {
        if (balance != credited - consumed) throw new IllegalStateException("balance must equal credited - consumed");
        if (balance < 0 || pending < 0) throw new IllegalStateException("points never go negative");
    }

    PointsAccount credit(long n) {
        return new PointsAccount(tenantId, memberId, balance + n, pending, lifetimeEarned + n, credited + n, consumed, version + 1, active);
    }

    /** Spent points coming back: the balance again, but nothing newly earned (lifetimeEarned stays). */
    PointsAccount returned(long n) {
        return new PointsAccount(tenantId, memberId, balance + n, pending, lifetimeEarned, credited + n, consumed, version + 1, active);
    }

    PointsAccount debit(long n) {
        return new PointsAccount(tenantId, memberId, balance - n, pending, lifetimeEarned, credited, consumed + n, version + 1, active);
    }

    PointsAccount pendingBy(long n) {
        return new PointsAccount(tenantId, memberId, balance, pending + n, lifetimeEarned, credited, consumed, version + 1, active);
    }

    PointsAccount releasing(long n) {
        return new PointsAccount(tenantId, memberId, balance + n, pending - n, lifetimeEarned + n, credited + n, consumed, version + 1, active);
    }

    public PointsAccount closed() {
        return new PointsAccount(tenantId, memberId, balance, pending, lifetimeEarned, credited, consumed, version, false);
    }
}
