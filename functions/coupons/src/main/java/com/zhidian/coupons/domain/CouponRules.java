package com.zhidian.coupons.domain;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** Whether a coupon applies here and now, and what it gives: pure, so a check changes nothing. */
public final class CouponRules {
    private CouponRules() {}

    /** Why a coupon does not apply; {@code facts} carry what a cashier reads out (the amount short, the dates). */
    public record Refusal(String code, Map<String, Object> facts) {}

    /** The refusals (none: it applies), and with a basket the discount in fen and the gift. */
    public record Verdict(List<Refusal> refusals, Long discount, String giftGtin, Long eligible) {
        public boolean applies() { return refusals.isEmpty(); }
    }

    public static final String VOID = "void";
    public static final String USED = "used";
    public static final String RESERVED = "reserved";
    public static final String NOT_YET_VALID = "not_yet_valid";
    public static final String EXPIRED = "expired";
    public static final String NOT_IN_STORE = "not_in_store";
    public static final String BELOW_MIN_SPEND = "below_min_spend";
    public static final String NOT_IN_BASKET = "not_in_basket";

    /**
     * A void, used or reserved coupon is refused for that alone; otherwise every reason that holds is listed, in the
     * order a cashier deals with them (dates, store, basket).
     */
    public static Verdict check(Coupon c, String storeId, Basket basket, Instant now) {
        List<Refusal> out = new ArrayList<>();
        switch (c.state()) {
            case VOID -> out.add(new Refusal(VOID, c.voidReason() == null ? Map.of() : Map.of("reason", c.voidReason())));
            case REDEEMED -> out.add(new Refusal(USED, c.redemption() == null ? Map.of()
                    : Map.of("at", c.redemption().at().toString(), "storeId", c.redemption().storeId())));
            case RESERVED -> out.add(new Refusal(RESERVED, Map.of()));
            case AVAILABLE -> { }
        }
        if (!out.isEmpty()) return new Verdict(out, null, null, null);
        if (now.isBefore(c.validFrom())) out.add(new Refusal(NOT_YET_VALID, Map.of("validFrom", c.validFrom().toString())));
        if (c.expiredAt(now)) out.add(new Refusal(EXPIRED, Map.of("validTo", c.validTo().toString())));
        if (storeId != null && !c.terms().validIn(storeId)) out.add(new Refusal(NOT_IN_STORE, Map.of("storeId", storeId)));
        Long discount = null;
        Long eligible = null;
        if (basket != null) {
            Terms t = c.terms();
            eligible = basket.eligible(t);
            if (t.scoped() && !basket.hasScopedLine(t)) {
                out.add(new Refusal(NOT_IN_BASKET, Map.of()));
            } else if (eligible < t.minSpend()) {
                out.add(new Refusal(BELOW_MIN_SPEND, Map.of("minSpend", t.minSpend(), "short", t.minSpend() - eligible)));
            }
            discount = discount(t, eligible);
        }
        return new Verdict(out, discount, c.terms().kind() == Kind.GIFT ? c.terms().giftGtin() : null, eligible);
    }

    /** Money off for an eligible amount: never more than the amount, a percentage rounded down and capped. */
    public static long discount(Terms t, long eligible) {
        return switch (t.kind()) {
            case AMOUNT_OFF -> Math.min(t.value(), eligible);
            case PERCENT_OFF -> Math.min(Math.multiplyExact(eligible, t.value()) / 100, Math.min(t.maxDiscount(), eligible));
            case GIFT -> 0;
        };
    }

    /** GTIN-8/12/13/14 with a valid GS1 check digit. */
    public static boolean isGtin(String s) {
        if (s == null || !(s.length() == 8 || s.length() == 12 || s.length() == 13 || s.length() == 14)) return false;
        int sum = 0;
        for (int i = 0; i < s.length() - 1; i++) {
            char ch = s.charAt(i);
            if (ch < '0' || ch > '9') return false;
            int d = ch - '0';
            // weights 3,1,3,... from the digit left of the check digit
            sum += ((s.length() - 1 - i) % 2 == 1) ? d * 3 : d;
        }
        char last = s.charAt(s.length() - 1);
        return last >= '0' && last <= '9' && (10 - sum % 10) % 10 == last - '0';
    }
}
