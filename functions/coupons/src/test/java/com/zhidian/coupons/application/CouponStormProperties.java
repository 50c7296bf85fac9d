package com.zhidian.coupons.application;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.zhidian.coupons.domain.Counts;
import com.zhidian.coupons.domain.Coupon;
import com.zhidian.coupons.domain.CouponState;
import com.zhidian.coupons.domain.Template;
import com.zhidian.core.errors.DomainException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/**
 * Random storms of reserve, release, commit, redeem, refund and void over a few coupons and orders, run concurrently:
 * afterwards the template's counters equal what the coupons' states say, and no order holds two non-stackable coupons.
 */
class CouponStormProperties {

    record Step(int op, int coupon, int order) {}

    @Property(tries = 12)
    void stormsLeaveCountsEqualToStates(@ForAll("storms") List<Step> steps) throws Exception {
        Harness h = new Harness();
        Template t = h.template(10, 10, false);
        List<Coupon> coupons = new ArrayList<>();
        for (int i = 0; i < 4; i++) coupons.add(h.claim(t, "mb_" + (i % 2)));
        List<Callable<Void>> tasks = new ArrayList<>();
        for (Step s : steps) {
            String code = coupons.get(s.coupon()).code();
            String order = "or_" + s.order();
            tasks.add(() -> {
                try {
                    switch (s.op()) {
                        case 0, 1 -> h.service.reserve(h.tenant, code, order, "st_1", null);
                        case 2 -> h.service.release(h.tenant, code, order);
                        case 3 -> h.service.commit(h.tenant, code, order, "st_1", "pos");
                        case 4 -> h.service.refund(h.tenant, code, order, true);
                        case 5 -> h.service.redeem(h.tenant, code, "st_1", "staff", order);
                        default -> h.service.voidOne(h.tenant, code, "storm");
                    }
                } catch (DomainException refused) {
                    // a refusal is a legitimate outcome; what matters is what was written
                }
                return null;
            });
        }
        ExecutorService pool = Executors.newFixedThreadPool(6);
        for (Future<Void> f : pool.invokeAll(tasks)) f.get();
        pool.shutdown();

        Map<CouponState, Long> states = h.states(t.templateId());
        Counts c = h.counts(t.templateId());
        assertEquals(states.get(CouponState.RESERVED), c.reserved(), "reserved " + states);
        assertEquals(states.get(CouponState.REDEEMED), c.redeemed(), "redeemed " + states);
        assertEquals(states.get(CouponState.VOID), c.voided(), "voided " + states);
        assertEquals(4, c.claimed());
        // every reserved or redeemed coupon's order holds only it (none of them is stackable)
        Map<String, Long> perOrder = new java.util.HashMap<>();
        for (Coupon x : coupons) {
            Coupon now = h.repo.coupon(h.tenant, x.code()).orElseThrow();
            if (now.orderId() != null) perOrder.merge(now.orderId(), 1L, Long::sum);
        }
        perOrder.forEach((o, n) -> assertEquals(1L, n, o + " holds " + n));
    }

    @Provide
    Arbitrary<List<Step>> storms() {
        Arbitrary<Step> step = Combinators.combine(Arbitraries.integers().between(0, 6), Arbitraries.integers().between(0, 3),
                Arbitraries.integers().between(0, 3)).as(Step::new);
        return step.list().ofMinSize(5).ofMaxSize(40);
    }
}
