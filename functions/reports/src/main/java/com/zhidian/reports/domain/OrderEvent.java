package com.zhidian.reports.domain;

import java.time.Instant;
import java.util.List;

/**
 * An order event as the orders context writes it for the table's stream: an order became paid, or one refund of it.
 * Money in fen; a paid line's {@code net} is what was paid for it after discounts, a refunded line's what went back.
 * {@code categoryId} is resolved from the catalog by the rollup (order lines do not keep it); null when unknown.
 */
public record OrderEvent(String tenantId, String storeId, String eventId, String event, String orderId, Instant at, String channel,
                         String fulfilment, String staffId, String memberId, List<Line> lines) {
    public static final String PAID = "paid";
    public static final String REFUNDED = "refunded";

    public OrderEvent {
        lines = List.copyOf(lines);
    }

    public boolean paid() { return PAID.equals(event); }

    /** A line; {@code weighed}: goods sold by weight, whose {@code qty} is in grams. */
    public record Line(String gtin, String categoryId, long qty, long gross, long discount, long net, boolean weighed) {
        public Line(String gtin, String categoryId, long qty, long gross, long discount, long net) {
            this(gtin, categoryId, qty, gross, discount, net, false);
        }

        public Line inCategory(String category) {
            return new Line(gtin, category, qty, gross, discount, net, weighed);
        }
    }

    public OrderEvent withLines(List<Line> newLines) {
        return new OrderEvent(tenantId, storeId, eventId, event, orderId, at, channel, fulfilment, staffId, memberId, newLines);
    }
}
