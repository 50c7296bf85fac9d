package com.zhidian.campaigns.domain;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import java.util.Set;

/**
 * One criterion of a segment. {@code min}/{@code max} bound a number (points, fen, orders, days), {@code withinDays}
 * the look-back window of purchase history and visits, {@code values} the stores, months, categories or GTINs.
 */
public record Rule(String kind, Long min, Long max, Integer withinDays, List<String> values) {
    public static final String POINTS_BALANCE = "points_balance";
    public static final String LAST_VISIT = "last_visit";
    public static final String HOME_STORE = "home_store";
    public static final String MEMBER_SINCE = "member_since";
    public static final String BIRTHDAY_MONTH = "birthday_month";
    public static final String SPEND = "spend";
    public static final String ORDER_COUNT = "order_count";
    public static final String BOUGHT_CATEGORY = "bought_category";
    public static final String BOUGHT_PRODUCT = "bought_product";

    public static final Set<String> KINDS = Set.of(POINTS_BALANCE, LAST_VISIT, HOME_STORE, MEMBER_SINCE, BIRTHDAY_MONTH,
            SPEND, ORDER_COUNT, BOUGHT_CATEGORY, BOUGHT_PRODUCT);
    /** Criteria over the purchase-history profile: PIPL personalised marketing, so they need {@code personalization}. */
    public static final Set<String> PURCHASE_HISTORY = Set.of(LAST_VISIT, SPEND, ORDER_COUNT, BOUGHT_CATEGORY, BOUGHT_PRODUCT);
    public static final int DEFAULT_WINDOW_DAYS = 90;

    public Rule {
        values = values == null ? List.of() : List.copyOf(values);
    }

    public boolean usesPurchaseHistory() { return PURCHASE_HISTORY.contains(kind); }

    private int window() { return withinDays == null ? DEFAULT_WINDOW_DAYS : withinDays; }

    private boolean inRange(long v) {
        return (min == null || v >= min) && (max == null || v <= max);
    }

    /** Whether one member, with its profile (empty when nothing was bought), meets this criterion at {@code now}. */
    public boolean matches(AudienceMember m, Profile p, Instant now, ZoneId zone) {
        Instant since = now.minus(Duration.ofDays(window()));
        return switch (kind) {
            case POINTS_BALANCE -> inRange(m.pointsBalance());
            case HOME_STORE -> m.storeId() != null && values.contains(m.storeId());
            case MEMBER_SINCE -> inRange(Duration.between(m.createdAt(), now).toDays());
            case BIRTHDAY_MONTH -> m.birthdayMonth() != null && values.contains(Integer.toString(m.birthdayMonth()));
            // last visit: days since the last paid order; "never visited" matches only an open-ended min
            case LAST_VISIT -> p.lastVisit() == null
                    ? (min != null && max == null)
                    : inRange(Duration.between(p.lastVisit(), now).toDays());
            case SPEND -> inRange(p.spendSince(since));
            case ORDER_COUNT -> inRange(p.ordersSince(since));
            case BOUGHT_CATEGORY -> p.boughtCategorySince(values, since);
            case BOUGHT_PRODUCT -> p.boughtProductSince(values, since);
            default -> false;
        };
    }
}
