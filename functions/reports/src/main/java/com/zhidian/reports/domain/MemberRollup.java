package com.zhidian.reports.domain;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The pure arithmetic of the member report's rollup. Additive figures (joined, points, coupons) go into day and month
 * buckets of the member's store and of the whole tenant ({@link Bucket#ALL}); the month buckets let the liability at
 * any day be read from a bounded number of buckets. Active and repeat members are distinct counts, which do not add
 * up across periods, so each calendar day, ISO week and month has its own: a member's first paid order in a period
 * adds an active member, the second a repeat member.
 */
public final class MemberRollup {
    private MemberRollup() {}

    public static final String DAY = "D", WEEK = "W", MONTH = "M";

    /** A member bucket: the scope (a store id or {@link Bucket#ALL}), the grain and the period. */
    public record Slot(String scope, String grain, String period) {}

    /** A coupon bucket: the scope, the day and the template. */
    public record CouponSlot(String scope, String day, String templateId) {}

    public static String period(String grain, LocalDate d) {
        return switch (grain) {
            case DAY -> Rollup.DAY.format(d);
            case WEEK -> SalesGrouping.week(d);
            case MONTH -> Rollup.DAY.format(d).substring(0, 7);
            default -> throw new IllegalArgumentException("no grain " + grain);
        };
    }

    static List<String> scopes(String storeId) {
        return storeId == null || storeId.isBlank() || Bucket.ALL.equals(storeId) ? List.of(Bucket.ALL) : List.of(storeId, Bucket.ALL);
    }

    static Map<Slot, MemberMeasures> additive(Instant at, ZoneId zone, String storeId, MemberMeasures m) {
        LocalDate d = at.atZone(zone).toLocalDate();
        Map<Slot, MemberMeasures> out = new LinkedHashMap<>();
        for (String s : scopes(storeId)) {
            out.put(new Slot(s, DAY, period(DAY, d)), m);
            out.put(new Slot(s, MONTH, period(MONTH, d)), m);
        }
        return out;
    }

    public static Map<Slot, MemberMeasures> contributions(MemberEvents.Joined e, ZoneId zone) {
        return additive(e.at(), zone, e.storeId(), MemberMeasures.joined());
    }

    public static Map<Slot, MemberMeasures> contributions(MemberEvents.LedgerMove e, ZoneId zone) {
        MemberMeasures m = e.measures();
        return m.equals(MemberMeasures.ZERO) ? Map.of() : additive(e.at(), zone, e.storeId(), m);
    }

    /** Issued coupons count in the whole tenant; redemptions in the redeeming store too. */
    public static Map<CouponSlot, long[]> contributions(MemberEvents.CouponMove e, ZoneId zone) {
        String day = Rollup.DAY.format(e.at().atZone(zone));
        Map<CouponSlot, long[]> out = new LinkedHashMap<>();
        for (String s : e.issued() != 0 ? List.of(Bucket.ALL) : scopes(e.storeId())) {
            out.put(new CouponSlot(s, day, e.templateId()), new long[] {e.issued(), e.redeemed()});
        }
        return out;
    }

    /** The periods (of the store and the tenant, by day, week and month) a member's paid order at {@code at} counts in. */
    public static List<Slot> activitySlots(Instant at, ZoneId zone, String storeId) {
        LocalDate d = at.atZone(zone).toLocalDate();
        List<Slot> out = new ArrayList<>();
        for (String s : scopes(storeId)) for (String g : List.of(DAY, WEEK, MONTH)) out.add(new Slot(s, g, period(g, d)));
        return out;
    }

    /** What one more paid order adds to a period where the member had {@code before} paid orders. */
    public static MemberMeasures activity(long before) {
        return MemberMeasures.activity(before == 0 ? 1 : 0, before == 1 ? 1 : 0, 1);
    }
}
