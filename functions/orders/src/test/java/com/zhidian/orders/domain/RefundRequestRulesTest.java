package com.zhidian.orders.domain;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Whether a customer may ask for lines back: refundable status, within the return window from payment, not over what is left. */
class RefundRequestRulesTest {
    private static final Instant PAID_AT = Instant.parse("2026-12-01T10:00:00Z");

    private static Order paid(String status, long refundedQty) {
        List<Order.Line> lines = List.of(new Order.Line("06900000000014", "水", 3, 1000, 0, 3000, refundedQty, refundedQty * 1000),
                new Order.Line("06900000000021", "茶", 1, 500, 100, 400, 0, 0));
        List<Order.Step> t = List.of(new Order.Step(Order.PLACED, PAID_AT.minusSeconds(60), "c", null),
                new Order.Step(Order.PAID, PAID_AT, "c", "cash"));
        return new Order("t", "or_1", "A-20261201-0001", "st_1", Order.POS, Order.IN_STORE, status, "mb_1", lines, 3500, null, 0, 0, 100, 3400,
                3400, refundedQty * 1000, List.of(), List.of(), t, null, null, PAID_AT, PAID_AT, 2);
    }

    @Test
    void withinTheWindow_theLinesAskedAreWorthTheirShare() {
        Instant now = PAID_AT.plus(Duration.ofDays(6));
        assertEquals(1000, OrderRules.checkRequest(paid(Order.COMPLETED, 0), List.of(new OrderRules.Ask("06900000000014", 1)), now, 7));
        assertEquals(3400, OrderRules.checkRequest(paid(Order.PAID, 0), List.of(), now, 7), "nothing named: everything left");
        assertEquals(2400, OrderRules.checkRequest(paid(Order.PAID, 1), List.of(), now, 7), "what was refunded is not asked again");
    }

    @Test
    void theWindowClosesExactlyItsDaysAfterThePayment() {
        Order o = paid(Order.COMPLETED, 0);
        OrderRules.checkRequest(o, List.of(), PAID_AT.plus(Duration.ofDays(7)).minusSeconds(1), 7);
        var closed = assertThrows(OrdersErrors.RefundWindowClosed.class, () -> OrderRules.checkRequest(o, List.of(), PAID_AT.plus(Duration.ofDays(7)), 7));
        assertEquals("2026-12-08T10:00:00Z", closed.closedAt());
        assertThrows(OrdersErrors.RefundWindowClosed.class, () -> OrderRules.checkRequest(o, List.of(), PAID_AT, 0), "a window of 0 days: no requests");
    }

    @Test
    void overWhatIsLeft_notInTheOrder_unpaidOrCancelled_areRefused() {
        Instant now = PAID_AT.plusSeconds(3600);
        assertThrows(OrdersErrors.RefundTooMuch.class, () -> OrderRules.checkRequest(paid(Order.PAID, 1), List.of(new OrderRules.Ask("06900000000014", 3)), now, 7));
        assertThrows(OrdersErrors.NotInOrder.class, () -> OrderRules.checkRequest(paid(Order.PAID, 0), List.of(new OrderRules.Ask("06900000000038", 1)), now, 7));
        assertThrows(OrdersErrors.NotRefundable.class, () -> OrderRules.checkRequest(paid(Order.PLACED, 0), List.of(), now, 7));
        assertThrows(OrdersErrors.NotRefundable.class, () -> OrderRules.checkRequest(paid(Order.CANCELLED, 0), List.of(), now, 7));
    }
}
