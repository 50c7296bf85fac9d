package com.zhidian.orders.domain;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.LongRange;
import net.jqwik.api.constraints.Size;

/** Invariants of the money rules over random orders and refunds. */
class OrderProperties {

    @Property
    void linesAlwaysAddUpToTheTotal_andNoLineGoesNegative(@ForAll @Size(min = 1, max = 20) List<@LongRange(min = 0, max = 999_999) Long> amounts,
                                                          @ForAll @IntRange(min = 0, max = 1000) int permille) {
        long[] a = amounts.stream().mapToLong(Long::longValue).toArray();
        long subtotal = amounts.stream().mapToLong(Long::longValue).sum();
        long discount = subtotal * permille / 1000;
        long[] share = OrderRules.allocate(a, discount);
        long sum = 0;
        for (int i = 0; i < a.length; i++) {
            assertTrue(share[i] >= 0 && share[i] <= a[i]);
            sum += share[i];
        }
        assertEquals(discount, sum);
    }

    @Property
    void refundingEveryUnitInAnyStepsReturnsExactlyTheLineTotals(@ForAll @Size(min = 1, max = 5) List<@IntRange(min = 1, max = 9) Integer> qtys,
                                                                 @ForAll @IntRange(min = 1, max = 99_999) int unitPrice,
                                                                 @ForAll @IntRange(min = 0, max = 1000) int permille,
                                                                 @ForAll long seed) {
        List<Order.Line> unpriced = new ArrayList<>();
        for (int i = 0; i < qtys.size(); i++) unpriced.add(new Order.Line("g" + i, "x", qtys.get(i), unitPrice + i, 0, 0, 0, 0));
        long subtotal = unpriced.stream().mapToLong(Order.Line::amount).sum();
        List<Order.Line> lines = OrderRules.price(unpriced, subtotal * permille / 1000);
        long total = lines.stream().mapToLong(Order.Line::lineTotal).sum();
        java.util.Random rnd = new java.util.Random(seed);
        long refunded = 0;
        while (lines.stream().anyMatch(l -> l.refundedQty() < l.qty())) {
            Order o = new Order("t", "o", "n", "s", Order.POS, Order.IN_STORE, Order.PAID, null, lines, subtotal, null, 0, 0, 0, total, total,
                    refunded, List.of(), List.of(), List.of(), null, null, Instant.EPOCH, Instant.EPOCH, 1);
            List<Order.Line> open = lines.stream().filter(l -> l.refundedQty() < l.qty()).toList();
            Order.Line pick = open.get(rnd.nextInt(open.size()));
            long q = 1 + rnd.nextInt((int) (pick.qty() - pick.refundedQty()));
            Order.RefundLine r = OrderRules.refundLines(o, List.of(new OrderRules.Ask(pick.gtin(), q))).get(0);
            assertTrue(r.amount() >= 0);
            refunded += r.amount();
            List<Order.Line> next = new ArrayList<>();
            for (Order.Line l : lines) {
                next.add(l.gtin().equals(pick.gtin()) ? new Order.Line(l.gtin(), l.name(), l.qty(), l.unitPrice(), l.discount(), l.lineTotal(),
                        l.refundedQty() + q, l.refundedAmount() + r.amount()) : l);
            }
            lines = next;
        }
        assertEquals(total, refunded);
        for (Order.Line l : lines) assertEquals(l.lineTotal(), l.refundedAmount());
    }
}
