package com.zhidian.orders.domain;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class OrderRulesTest {

    @Test
    void theDiscountIsSpreadByLargestRemainder() {
        assertArrayEquals(new long[] {400, 401}, OrderRules.allocate(new long[] {999, 1000}, 801));
        assertArrayEquals(new long[] {632, 168}, OrderRules.allocate(new long[] {3000, 800}, 800));
        assertArrayEquals(new long[] {1, 1, 1}, OrderRules.allocate(new long[] {1, 1, 1}, 3));
        assertArrayEquals(new long[] {1, 0, 0}, OrderRules.allocate(new long[] {1, 1, 1}, 1), "a tie goes to the earlier line");
        assertArrayEquals(new long[] {0, 0}, OrderRules.allocate(new long[] {0, 0}, 0));
        assertThrows(IllegalArgumentException.class, () -> OrderRules.allocate(new long[] {5}, 6));
    }

    private static Order order(String status, String fulfilment, List<Order.Line> lines) {
        long total = lines.stream().mapToLong(Order.Line::lineTotal).sum();
        return new Order("t", "or_1", "A-20261204-0001", "st_1", Order.POS, fulfilment, status, null, lines, total, null, 0, 0, 0, total,
                Order.PLACED.equals(status) ? 0 : total, 0, List.of(), List.of(), List.of(), null, null, Instant.EPOCH, Instant.EPOCH, 1);
    }

    @Test
    void transitionsFollowTheFulfilment() {
        Order pickup = order(Order.PAID, Order.PICKUP, List.of());
        OrderRules.checkTransition(pickup, Order.PICKING);
        assertThrows(OrdersErrors.IllegalTransition.class, () -> OrderRules.checkTransition(pickup, Order.COMPLETED));
        OrderRules.checkTransition(order(Order.PAID, Order.IN_STORE, List.of()), Order.COMPLETED);
        assertThrows(OrdersErrors.IllegalTransition.class, () -> OrderRules.checkTransition(order(Order.PAID, Order.IN_STORE, List.of()), Order.PICKING));
        assertThrows(OrdersErrors.IllegalTransition.class,
                () -> OrderRules.checkTransition(order(Order.PICKING, Order.PICKUP, List.of()), Order.OUT_FOR_DELIVERY));
        OrderRules.checkTransition(order(Order.PICKING, Order.DELIVERY, List.of()), Order.OUT_FOR_DELIVERY);
        assertThrows(OrdersErrors.IllegalTransition.class, () -> OrderRules.checkTransition(order(Order.PLACED, Order.PICKUP, List.of()), Order.PAID));
        assertThrows(OrdersErrors.IllegalTransition.class, () -> OrderRules.checkTransition(order(Order.COMPLETED, Order.PICKUP, List.of()), Order.CANCELLED));
        OrderRules.checkTransition(order(Order.PLACED, Order.PICKUP, List.of()), Order.CANCELLED);
    }

    @Test
    void refundsShareALineTotalOverItsUnits_theLastUnitTakingTheRest() {
        Order o = order(Order.PAID, Order.IN_STORE, List.of(new Order.Line("g1", "水", 3, 334, 2, 1000, 0, 0)));
        List<Order.RefundLine> one = OrderRules.refundLines(o, List.of(new OrderRules.Ask("g1", 1)));
        assertEquals(333, one.get(0).amount());
        Order after = order(Order.PAID, Order.IN_STORE, List.of(new Order.Line("g1", "水", 3, 334, 2, 1000, 1, 333)));
        assertEquals(667, OrderRules.refundLines(after, List.of()).get(0).amount(), "everything left");
        assertThrows(OrdersErrors.RefundTooMuch.class, () -> OrderRules.refundLines(after, List.of(new OrderRules.Ask("g1", 3))));
        assertThrows(OrdersErrors.NotInOrder.class, () -> OrderRules.refundLines(after, List.of(new OrderRules.Ask("g2", 1))));
        assertEquals(63, OrderRules.proportion(300, 632, 3000));
        assertEquals(300, OrderRules.proportion(300, 3000, 3000));
    }
}
