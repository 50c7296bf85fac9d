package com.zhidian.coupons.domain;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.LongRange;
import org.junit.jupiter.api.Test;

class CouponRulesTest {
    static final Instant NOW = Instant.parse("2026-12-04T02:00:00Z");

    static Coupon coupon(Terms t, Instant from, Instant to, CouponState state) {
        return new Coupon("t1", CouponCodes.next(), "ct_1", "mb_1", "满100减10", t, from, to, state, Coupon.ISSUED, from,
                null, null, null, from);
    }

    static Terms amountOff(long value, long minSpend, List<String> stores, Set<String> gtins) {
        return new Terms(Kind.AMOUNT_OFF, value, 0, null, minSpend, stores, gtins, Set.of(), false);
    }

    @Test
    void aValidCoupon_applies_andGivesItsValue() {
        Coupon c = coupon(amountOff(1000, 10000, List.of(), Set.of()), NOW.minusSeconds(60), NOW.plusSeconds(60), CouponState.AVAILABLE);
        var v = CouponRules.check(c, "st_1", new Basket(List.of(new Basket.Line("6901234567892", null, 2, 6000))), NOW);
        assertTrue(v.applies());
        assertEquals(1000L, v.discount());
        assertEquals(12000L, v.eligible());
    }

    @Test
    void eachRefusal_saysWhy() {
        Terms t = amountOff(1000, 10000, List.of("st_1"), Set.of("6901234567892"));
        Coupon early = coupon(t, NOW.plusSeconds(60), NOW.plusSeconds(120), CouponState.AVAILABLE);
        assertEquals(CouponRules.NOT_YET_VALID, CouponRules.check(early, "st_1", null, NOW).refusals().get(0).code());
        Coupon late = coupon(t, NOW.minusSeconds(120), NOW, CouponState.AVAILABLE);
        assertEquals(CouponRules.EXPIRED, CouponRules.check(late, "st_1", null, NOW).refusals().get(0).code());
        assertEquals("expired", late.shownState(NOW));
        Coupon ok = coupon(t, NOW.minusSeconds(60), NOW.plusSeconds(60), CouponState.AVAILABLE);
        assertEquals(CouponRules.NOT_IN_STORE, CouponRules.check(ok, "st_2", null, NOW).refusals().get(0).code());
        var other = CouponRules.check(ok, "st_1", new Basket(List.of(new Basket.Line("96385074", null, 1, 50000))), NOW);
        assertEquals(CouponRules.NOT_IN_BASKET, other.refusals().get(0).code());
        var below = CouponRules.check(ok, "st_1", new Basket(List.of(new Basket.Line("6901234567892", null, 1, 7550))), NOW);
        assertEquals(CouponRules.BELOW_MIN_SPEND, below.refusals().get(0).code());
        assertEquals(2450L, below.refusals().get(0).facts().get("short"));
        for (CouponState s : List.of(CouponState.REDEEMED, CouponState.VOID, CouponState.RESERVED)) {
            var v = CouponRules.check(coupon(t, NOW.minusSeconds(60), NOW.plusSeconds(60), s), "st_1", null, NOW);
            assertEquals(1, v.refusals().size());
            assertFalse(v.applies());
        }
    }

    @Test
    void categoryScope_countsOnlyItsLines() {
        Terms t = new Terms(Kind.AMOUNT_OFF, 500, 0, null, 3000, List.of(), Set.of(), Set.of("dairy"), false);
        Coupon c = coupon(t, NOW.minusSeconds(60), NOW.plusSeconds(60), CouponState.AVAILABLE);
        var v = CouponRules.check(c, "st_1", new Basket(List.of(new Basket.Line("6901234567892", "dairy", 1, 2000),
                new Basket.Line("96385074", "snacks", 1, 9000))), NOW);
        assertEquals(CouponRules.BELOW_MIN_SPEND, v.refusals().get(0).code());
        assertEquals(1000L, v.refusals().get(0).facts().get("short"));
    }

    @Test
    void percentOff_isRoundedDown_andCapped_andAGiftGivesNoMoney() {
        Terms pct = new Terms(Kind.PERCENT_OFF, 15, 2000, null, 0, List.of(), Set.of(), Set.of(), false);
        assertEquals(1499, CouponRules.discount(pct, 9999));
        assertEquals(2000, CouponRules.discount(pct, 1_000_000));
        Terms gift = new Terms(Kind.GIFT, 0, 0, "6901234567892", 0, List.of(), Set.of(), Set.of(), false);
        Coupon g = coupon(gift, NOW.minusSeconds(1), NOW.plus(Duration.ofDays(1)), CouponState.AVAILABLE);
        var v = CouponRules.check(g, "st_1", null, NOW);
        assertEquals("6901234567892", v.giftGtin());
        assertNull(v.discount());
    }

    @Property
    void aDiscount_neverExceedsTheEligibleAmount_norTheCap(@ForAll @IntRange(min = 1, max = 99) int pct,
                                                        @ForAll @LongRange(min = 1, max = 100_000_000) long cap,
                                                        @ForAll @LongRange(min = 0, max = 1_000_000_000) long eligible) {
        long d = CouponRules.discount(new Terms(Kind.PERCENT_OFF, pct, cap, null, 0, List.of(), Set.of(), Set.of(), false), eligible);
        assertTrue(d >= 0 && d <= eligible && d <= cap);
        long a = CouponRules.discount(new Terms(Kind.AMOUNT_OFF, cap, 0, null, 0, List.of(), Set.of(), Set.of(), false), eligible);
        assertTrue(a >= 0 && a <= eligible && a <= cap);
    }

    @Test
    void gtins_needTheirCheckDigit() {
        assertTrue(CouponRules.isGtin("6901234567892"));
        assertTrue(CouponRules.isGtin("96385074"));
        assertTrue(CouponRules.isGtin("036000291452"));
        assertTrue(CouponRules.isGtin("10614141000415"));
        assertFalse(CouponRules.isGtin("6901234567891"));
        assertFalse(CouponRules.isGtin("690123456789"));
        assertFalse(CouponRules.isGtin("69012345678a2"));
    }
}
