package com.zhidian.members.domain;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.Optional;

/**
 * A tenant's points rules. Earning: {@code floor(amountFen × pointsPerYuan / 100)}, that is points per
 * whole yuan paid, any remainder of a yuan rounded down (¥12.99 at 1 point/yuan earns 12). Earned points
 * stay pending for {@code returnWindowDays} (a return in that window cancels them) and then become
 * available. Available points expire by {@code expiry}: at the end of the year after the one they became
 * available in (tenant time zone), a number of months after, or never. Spending uses the oldest points first.
 * A new member gets {@code welcomePoints} (0: none) once, available at once. An owner's manual adjustment may move
 * at most {@code adjustLimit} points, and one above {@code adjustConfirmAbove} must be confirmed as such.
 */
public record PointsSettings(int pointsPerYuan, int returnWindowDays, Expiry expiry, int expiryMonths,
                             int welcomePoints, long adjustLimit, long adjustConfirmAbove) {

    public static final int MAX_WELCOME_POINTS = 100_000;
    public static final long MAX_ADJUST_LIMIT = 1_000_000_000L;
    public static final long DEFAULT_ADJUST_LIMIT = 100_000;
    public static final long DEFAULT_ADJUST_CONFIRM_ABOVE = 10_000;

    /** The earning and expiry rules with no welcome gift and the default adjustment limits. */
    public PointsSettings(int pointsPerYuan, int returnWindowDays, Expiry expiry, int expiryMonths) {
        this(pointsPerYuan, returnWindowDays, expiry, expiryMonths, 0, DEFAULT_ADJUST_LIMIT, DEFAULT_ADJUST_CONFIRM_ABOVE);
    }

    public static final String ROUNDING = "floor";
    public static final int EXPIRING_SOON_DAYS = 30;
    /**
     * Spending points: {@value} points are worth 1 yuan (so 1 point = 1 fen), the same for every tenant for now
     * (docs/decisions.md, "Orders": points used at the tenant's rate).
     */
    public static final int POINTS_PER_YUAN_REDEEMED = 100;

    /** What {@code points} take off an order, in fen (whole fen; points that make no whole fen are not used). */
    public static long redeemValueFen(long points) {
        return Math.multiplyExact(points, 100L) / POINTS_PER_YUAN_REDEEMED;
    }

    public enum Expiry {
        END_OF_FOLLOWING_YEAR("end_of_following_year"), MONTHS_AFTER_CREDIT("months_after_credit"), NEVER("never");

        private final String code;

        Expiry(String code) { this.code = code; }

        public String code() { return code; }

        public static Optional<Expiry> of(String code) {
            for (Expiry e : values()) if (e.code.equals(code)) return Optional.of(e);
            return Optional.empty();
        }
    }

    public static PointsSettings defaults() {
        return new PointsSettings(1, 7, Expiry.END_OF_FOLLOWING_YEAR, 0);
    }

    public PointsSettings {
        if (pointsPerYuan < 0 || pointsPerYuan > 1000) throw new IllegalArgumentException("pointsPerYuan");
        if (returnWindowDays < 0 || returnWindowDays > 365) throw new IllegalArgumentException("returnWindowDays");
        if (expiry == null) throw new IllegalArgumentException("expiry");
        if (expiry == Expiry.MONTHS_AFTER_CREDIT && (expiryMonths < 1 || expiryMonths > 120)) {
            throw new IllegalArgumentException("expiryMonths");
        }
        if (welcomePoints < 0 || welcomePoints > MAX_WELCOME_POINTS) throw new IllegalArgumentException("welcomePoints");
        if (adjustLimit < 1 || adjustLimit > MAX_ADJUST_LIMIT) throw new IllegalArgumentException("adjustLimit");
        if (adjustConfirmAbove < 0 || adjustConfirmAbove > adjustLimit) throw new IllegalArgumentException("adjustConfirmAbove");
    }

    /**
     * An owner's manual adjustment of {@code delta} points: refused above the limit, and above the confirmation
     * threshold unless the owner confirmed it (a slip of the keyboard must not move a fortune in one click).
     */
    public void checkAdjust(long delta, boolean confirmed) {
        long size = Math.abs(delta);
        if (size > adjustLimit) throw new MembersErrors.AdjustOverLimit(size, adjustLimit);
        if (size > adjustConfirmAbove && !confirmed) throw new MembersErrors.AdjustUnconfirmed(size, adjustConfirmAbove);
    }

    /** Points for an amount paid, in fen. Rounded down to whole points; never negative. */
    public long pointsFor(long amountFen) {
        if (amountFen < 0) throw new IllegalArgumentException("amountFen must not be negative");
        return Math.multiplyExact(amountFen, (long) pointsPerYuan) / 100;
    }

    public Instant availableAt(Instant earnedAt) {
        return earnedAt.plusSeconds(returnWindowDays * 86_400L);
    }

    /** When points credited at {@code creditedAt} expire, or null if they never do. */
    public Instant expiresAt(Instant creditedAt, ZoneId zone) {
        return switch (expiry) {
            case NEVER -> null;
            case MONTHS_AFTER_CREDIT -> ZonedDateTime.ofInstant(creditedAt, zone).plusMonths(expiryMonths).toInstant();
            case END_OF_FOLLOWING_YEAR -> {
                int year = ZonedDateTime.ofInstant(creditedAt, zone).getYear();
                yield LocalDate.of(year + 2, 1, 1).atStartOfDay(zone).toInstant();
            }
        };
    }
}
