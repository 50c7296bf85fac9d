package com.zhidian.orders.domain;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.zhidian.orders.domain.Reconciliation.Entry;
import com.zhidian.orders.domain.Reconciliation.Kind;
import com.zhidian.orders.domain.Reconciliation.Problem;
import java.util.List;
import org.junit.jupiter.api.Test;

class ReconciliationTest {
    @Test
    void aCleanDayMatchesEveryEntry() {
        var ours = List.of(new Entry(Kind.payment, "pi_1", 1000, "o1"), new Entry(Kind.refund, "re_1", 300, "o1"));
        var theirs = List.of(new Entry(Kind.refund, "re_1", 300, null), new Entry(Kind.payment, "pi_1", 1000, null));
        var r = Reconciliation.compare("2026-12-04", ours, theirs);
        assertTrue(r.clean());
        assertEquals(2, r.matchedCount());
        assertEquals(700, r.matchedAmount());
    }

    @Test
    void eachKindOfDifferenceIsListedWithItsIds() {
        var ours = List.of(new Entry(Kind.payment, "pi_ours", 500, "o1"), new Entry(Kind.payment, "pi_both", 800, "o2"));
        var theirs = List.of(new Entry(Kind.payment, "pi_both", 900, null), new Entry(Kind.refund, "re_theirs", 100, null));
        var r = Reconciliation.compare("2026-12-04", ours, theirs);
        assertEquals(0, r.matchedCount());
        assertEquals(3, r.mismatches().size());
        var m0 = r.mismatches().get(0);
        assertEquals(Problem.missing_in_provider, m0.problem());
        assertEquals("pi_ours", m0.ref());
        assertEquals("o1", m0.orderId());
        assertNull(m0.theirs());
        var m1 = r.mismatches().get(1);
        assertEquals(Problem.missing_in_zhidian, m1.problem());
        assertEquals("re_theirs", m1.ref());
        assertNull(m1.ours());
        var m2 = r.mismatches().get(2);
        assertEquals(Problem.amount_differs, m2.problem());
        assertEquals(800L, m2.ours());
        assertEquals(900L, m2.theirs());
    }

    @Test
    void aPaymentAndARefundWithTheSameRefAreNotConfused() {
        var r = Reconciliation.compare("d", List.of(new Entry(Kind.payment, "x", 5, null)), List.of(new Entry(Kind.refund, "x", 5, null)));
        assertEquals(2, r.mismatches().size());
    }
}
