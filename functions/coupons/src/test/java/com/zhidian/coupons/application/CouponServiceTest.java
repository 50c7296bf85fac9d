package com.zhidian.coupons.application;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.zhidian.coupons.domain.Counts;
import com.zhidian.coupons.domain.Coupon;
import com.zhidian.coupons.domain.CouponErrors;
import com.zhidian.coupons.domain.CouponState;
import com.zhidian.coupons.domain.Template;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class CouponServiceTest {
    final Harness h = new Harness();

    @Test
    void saleor544_concurrentClaims_neverPassTheStock_norAMembersLimit() throws Exception {
        Template t = h.template(20, 2, false);
        AtomicInteger ok = new AtomicInteger();
        List<Callable<Void>> tasks = new ArrayList<>();
        for (int i = 0; i < 60; i++) {
            String member = "mb_" + (i % 12);
            tasks.add(() -> {
                try {
                    h.claim(t, member);
                    ok.incrementAndGet();
                } catch (CouponErrors.StockOut | CouponErrors.LimitReached e) {
                    // refused, as it must be once the stock or the member's limit is reached
                }
                return null;
            });
        }
        ExecutorService pool = Executors.newFixedThreadPool(16);
        for (Future<Void> f : pool.invokeAll(tasks)) f.get();
        pool.shutdown();
        assertEquals(20, ok.get());
        assertEquals(20, h.counts(t.templateId()).claimed());
        assertEquals(20L, h.states(t.templateId()).get(CouponState.AVAILABLE));
        Map<String, Long> perMember = new java.util.HashMap<>();
        for (int i = 0; i < 12; i++) {
            long n = h.service.ofMember(h.tenant, "mb_" + i, 50, null).items().size();
            assertTrue(n <= 2, "mb_" + i + " has " + n);
            perMember.put("mb_" + i, n);
        }
        assertEquals(20L, perMember.values().stream().mapToLong(Long::longValue).sum());
    }

    @Test
    void saleor8219_oneUse_isCountedOnce_howeverOftenItIsTried() throws Exception {
        Template t = h.template(10, 1, false);
        Coupon c = h.claim(t, "mb_1");
        AtomicInteger ok = new AtomicInteger();
        AtomicInteger used = new AtomicInteger();
        List<Callable<Void>> tasks = new ArrayList<>();
        for (int i = 0; i < 30; i++) {
            tasks.add(() -> {
                try {
                    h.service.redeem(h.tenant, c.code(), "st_1", "staff@x", null);
                    ok.incrementAndGet();
                } catch (CouponErrors.AlreadyUsed e) {
                    used.incrementAndGet();
                }
                return null;
            });
        }
        ExecutorService pool = Executors.newFixedThreadPool(16);
        for (Future<Void> f : pool.invokeAll(tasks)) f.get();
        pool.shutdown();
        assertEquals(1, ok.get());
        assertEquals(29, used.get());
        assertEquals(1, h.counts(t.templateId()).redeemed());
        // an order's commit repeated (a retried payment webhook) counts once too
        Coupon d = h.claim(h.template(10, 1, false), "mb_2");
        h.service.reserve(h.tenant, d.code(), "or_1", "st_1", null);
        h.service.commit(h.tenant, d.code(), "or_1", "st_1", "pos");
        h.service.commit(h.tenant, d.code(), "or_1", "st_1", "pos");
        assertEquals(1, h.counts(d.templateId()).redeemed());
        assertEquals(0, h.counts(d.templateId()).reserved());
    }

    @Test
    void vendure1466_shopware8575_aCancelledOrder_givesItsCouponBack_exactlyOnce() {
        Template t = h.template(10, 1, false);
        Coupon c = h.claim(t, "mb_1");
        h.service.reserve(h.tenant, c.code(), "or_1", "st_1", null);
        assertThrows(CouponErrors.Reserved.class, () -> h.service.reserve(h.tenant, c.code(), "or_2", "st_1", null));
        assertThrows(CouponErrors.Reserved.class, () -> h.service.redeem(h.tenant, c.code(), "st_1", "staff", null));
        assertEquals(1, h.counts(t.templateId()).reserved());
        h.service.release(h.tenant, c.code(), "or_1");
        h.service.release(h.tenant, c.code(), "or_1");            // the timeout after the cancellation: nothing more
        assertEquals(0, h.counts(t.templateId()).reserved());
        assertEquals(CouponState.AVAILABLE, h.repo.coupon(h.tenant, c.code()).orElseThrow().state());
        Coupon again = h.service.reserve(h.tenant, c.code(), "or_2", "st_1", null);
        assertEquals("or_2", again.orderId());
        h.service.release(h.tenant, c.code(), "or_1");            // or_1's late release leaves or_2's hold alone
        assertEquals(CouponState.RESERVED, h.repo.coupon(h.tenant, c.code()).orElseThrow().state());
        assertThrows(CouponErrors.NotHeldByOrder.class, () -> h.service.commit(h.tenant, c.code(), "or_1", "st_1", "pos"));
        h.service.commit(h.tenant, c.code(), "or_2", "st_1", "pos");
        Counts n = h.counts(t.templateId());
        assertEquals(1, n.redeemed());
        assertEquals(0, n.reserved());
    }

    @Test
    void odoo257854_aFullRefund_returnsTheCoupon_aPartialOneKeepsItUsed() {
        Template t = h.template(10, 3, false);
        Coupon full = h.claim(t, "mb_1");
        h.service.redeem(h.tenant, full.code(), "st_1", "staff", "or_1");
        Coupon back = h.service.refund(h.tenant, full.code(), "or_1", true);
        assertEquals(CouponState.AVAILABLE, back.state());
        assertNull(back.redemption());
        h.service.refund(h.tenant, full.code(), "or_1", true);      // repeated: nothing more
        assertEquals(0, h.counts(t.templateId()).redeemed());
        h.service.redeem(h.tenant, full.code(), "st_1", "staff", "or_9");   // and it can be used again

        Coupon part = h.claim(t, "mb_1");
        h.service.redeem(h.tenant, part.code(), "st_1", "staff", "or_2");
        assertEquals(CouponState.REDEEMED, h.service.refund(h.tenant, part.code(), "or_2", false).state());

        Coupon late = h.claim(t, "mb_1");
        h.service.redeem(h.tenant, late.code(), "st_1", "staff", "or_3");
        h.clock.advance(Duration.ofDays(31));
        assertEquals(CouponState.REDEEMED, h.service.refund(h.tenant, late.code(), "or_3", true).state());
        assertEquals(3, h.counts(t.templateId()).redeemed());
    }

    @Test
    void oneOrder_holdsOneNonStackableCoupon_butStackableOnesCombine() {
        Template plain = h.template(10, 5, false);
        Template stack = h.template(10, 5, true);
        Coupon a = h.claim(plain, "mb_1");
        Coupon b = h.claim(plain, "mb_1");
        h.service.reserve(h.tenant, a.code(), "or_1", "st_1", null);
        assertThrows(CouponErrors.NotStackable.class, () -> h.service.reserve(h.tenant, b.code(), "or_1", "st_1", null));
        assertEquals(CouponState.AVAILABLE, h.repo.coupon(h.tenant, b.code()).orElseThrow().state());
        Coupon s1 = h.claim(stack, "mb_1");
        assertThrows(CouponErrors.NotStackable.class, () -> h.service.reserve(h.tenant, s1.code(), "or_1", "st_1", null));
        Coupon s2 = h.claim(stack, "mb_1");
        h.service.reserve(h.tenant, s1.code(), "or_2", "st_1", null);
        h.service.reserve(h.tenant, s2.code(), "or_2", "st_1", null);
        assertThrows(CouponErrors.NotStackable.class, () -> h.service.reserve(h.tenant, b.code(), "or_2", "st_1", null));
        h.service.release(h.tenant, a.code(), "or_1");
        h.service.reserve(h.tenant, b.code(), "or_1", "st_1", null);    // the place a released coupon held is free again
    }

    @Test
    void issue_reportsWhoGotOne_andWhyNot() {
        Template t = h.template(3, 1, false);
        h.erased.add("mb_gone");
        var report = h.service.issue(h.tenant, t.templateId(), List.of("mb_1", "mb_gone", "mb_2", "mb_3", "mb_4"));
        assertEquals(5, report.size());
        assertTrue(report.get(0).coupon() != null);
        assertEquals(CouponService.MEMBER_ERASED, report.get(1).refusal());
        assertEquals(CouponService.STOCK_OUT, report.get(4).refusal());
        Template u = h.template(10, 1, false);
        h.service.issue(h.tenant, u.templateId(), List.of("mb_1"));
        assertEquals(CouponService.LIMIT_REACHED, h.service.issue(h.tenant, u.templateId(), List.of("mb_1")).get(0).refusal());
        assertThrows(CouponErrors.MemberNotFound.class, () -> h.service.issue(h.tenant, u.templateId(), List.of("mb_5", "ghost_1")));
        assertEquals(1, h.counts(u.templateId()).issued());   // nothing issued for the refused request
    }

    @Test
    void stop_endsHandingOut_butIssuedCouponsStayValid_andVoidAllLeavesUsedAndHeldOnes() {
        Template t = h.template(10, 5, true);
        Coupon a = h.claim(t, "mb_1");
        Coupon b = h.claim(t, "mb_1");
        Coupon c = h.claim(t, "mb_1");
        h.service.stop(h.tenant, t.templateId());
        assertThrows(CouponErrors.TemplateClosed.class, () -> h.claim(t, "mb_2"));
        h.service.redeem(h.tenant, a.code(), "st_1", "staff", null);
        h.service.reserve(h.tenant, b.code(), "or_1", "st_1", null);
        assertEquals(1, h.service.voidAll(h.tenant, t.templateId(), "印错了"));
        Coupon voided = h.repo.coupon(h.tenant, c.code()).orElseThrow();
        assertEquals(CouponState.VOID, voided.state());
        assertEquals("印错了", voided.voidReason());
        assertThrows(CouponErrors.Voided.class, () -> h.service.redeem(h.tenant, c.code(), "st_1", "staff", null));
        Counts n = h.counts(t.templateId());
        assertEquals(1, n.voided());
        assertEquals(1, n.reserved());
        assertEquals(1, n.redeemed());
    }

    @Test
    void expired_isCountedFromTheCoupons_andRedeemingOneIsRefused() {
        Template t = h.template(10, 5, false);
        Coupon c = h.claim(t, "mb_1");
        h.claim(t, "mb_1");
        h.clock.advance(Duration.ofDays(30));
        assertEquals(2, h.counts(t.templateId()).expired());
        var e = assertThrows(CouponErrors.NotApplicable.class, () -> h.service.redeem(h.tenant, c.code(), "st_1", "staff", null));
        assertEquals("coupon.expired", e.code());
        assertThrows(CouponErrors.TemplateClosed.class, () -> h.claim(t, "mb_2"));
        assertNotEquals(null, h.service.check(h.tenant, c.code(), "st_1", null).verdict().refusals());
    }

    @Test
    void anotherStore_isRefused() {
        Coupon c = h.claim(h.template(10, 5, false), "mb_1");
        var e = assertThrows(CouponErrors.NotApplicable.class, () -> h.service.redeem(h.tenant, c.code(), "st_2", "staff", null));
        assertEquals("coupon.not_in_store", e.code());
    }
}
