package com.zhidian.orders.domain;

import com.zhidian.catalog.domain.Weighing;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * One order of one store, with everything that happened to it: money in fen, times as Instant. {@code version} is the
 * stored version every change is conditioned on.
 */
public record Order(String tenantId, String orderId, String number, String storeId, String channel, String fulfilment,
                    String status, String memberId, List<Line> lines, long subtotal, String couponCode, long couponDiscount,
                    long pointsUsed, long pointsDiscount, long total, long paid, long refunded, List<Payment> payments,
                    List<Refund> refunds, List<Step> timeline, Address address, String note, Instant placedAt, Instant payBy,
                    long version) {

    public static final String POS = "pos";
    public static final String MINI_PROGRAM = "mini_program";
    public static final Set<String> CHANNELS = Set.of(POS, MINI_PROGRAM);
    public static final String IN_STORE = "in_store";
    public static final String PICKUP = "pickup";
    public static final String DELIVERY = "delivery";
    public static final Set<String> FULFILMENTS = Set.of(IN_STORE, PICKUP, DELIVERY);

    public static final String PLACED = "placed";
    public static final String PAID = "paid";
    public static final String PICKING = "picking";
    public static final String READY_FOR_PICKUP = "ready_for_pickup";
    public static final String OUT_FOR_DELIVERY = "out_for_delivery";
    public static final String COMPLETED = "completed";
    public static final String CANCELLED = "cancelled";
    public static final Set<String> STATES = Set.of(PLACED, PAID, PICKING, READY_FOR_PICKUP, OUT_FOR_DELIVERY, COMPLETED, CANCELLED);

    public Order {
        lines = List.copyOf(lines);
        payments = List.copyOf(payments);
        refunds = List.copyOf(refunds);
        timeline = List.copyOf(timeline);
    }

    /**
     * One line: the unit price in force when placed, its share of the order's discounts, what it costs, and what was
     * refunded. A {@code weighed} line (goods sold by weight) counts grams in {@code qty} and {@code refundedQty}, and
     * {@code unitPrice} is per kilogram: its amount is the catalog's one rule, {@link Weighing#amountFen} (half up to
     * the fen).
     */
    public record Line(String gtin, String name, long qty, long unitPrice, long discount, long lineTotal, long refundedQty,
                       long refundedAmount, boolean weighed) {
        /** A line sold by the piece. */
        public Line(String gtin, String name, long qty, long unitPrice, long discount, long lineTotal, long refundedQty, long refundedAmount) {
            this(gtin, name, qty, unitPrice, discount, lineTotal, refundedQty, refundedAmount, false);
        }

        public long amount() { return weighed ? Weighing.amountFen(unitPrice, qty) : Math.multiplyExact(qty, unitPrice); }

        public Line refunded(long moreQty, long moreAmount) {
            return new Line(gtin, name, qty, unitPrice, discount, lineTotal, refundedQty + moreQty, refundedAmount + moreAmount, weighed);
        }
    }

    /**
     * A payment: cash (tendered, change) or a provider's (its reference, e.g. a Stripe PaymentIntent id). status:
     * pending (waiting for the provider), succeeded, failed, refunded (came after cancellation and went back).
     */
    public record Payment(String paymentId, String method, long amount, Long tendered, Long change, String status, String providerRef,
                          String clientSecret, Instant at) {}

    /** A refund: lines and quantities, money back, points reversed and returned, whether the coupon came back. */
    public record Refund(String refundId, List<RefundLine> lines, long amount, String reason, boolean restock, String method,
                         String providerRef, long pointsReversed, long pointsReturned, boolean couponReturned, String by, Instant at) {
        public Refund {
            lines = List.copyOf(lines);
        }
    }

    public record RefundLine(String gtin, long qty, long amount) {}

    /** A step of the order's life: the status it entered (or an event such as a payment), when and by whom. */
    public record Step(String status, Instant at, String actor, String note) {}

    public record Address(String name, String phone, String line) {}

    public long refundable() { return paid - refunded; }

    public Order with(String newStatus, long newPaid, long newRefunded, List<Line> newLines, List<Payment> newPayments,
                      List<Refund> newRefunds, List<Step> newTimeline) {
        return new Order(tenantId, orderId, number, storeId, channel, fulfilment, newStatus, memberId, newLines, subtotal, couponCode,
                couponDiscount, pointsUsed, pointsDiscount, total, newPaid, newRefunded, newPayments, newRefunds, newTimeline, address,
                note, placedAt, payBy, version + 1);
    }

    /** The same new order under another number (its store's next one was taken meanwhile). */
    public Order numbered(String newNumber) {
        return new Order(tenantId, orderId, newNumber, storeId, channel, fulfilment, status, memberId, lines, subtotal, couponCode,
                couponDiscount, pointsUsed, pointsDiscount, total, paid, refunded, payments, refunds, timeline, address, note, placedAt,
                payBy, version);
    }

    public Order moved(String to, Instant at, String actor, String note) {
        List<Step> t = new ArrayList<>(timeline);
        t.add(new Step(to, at, actor, note));
        return with(to, paid, refunded, lines, payments, refunds, t);
    }

    public Order withPayment(Payment p, Instant at, String actor) {
        List<Payment> ps = new ArrayList<>(payments);
        ps.removeIf(x -> x.paymentId().equals(p.paymentId()));
        ps.add(p);
        return with(status, paid, refunded, lines, ps, refunds, timeline);
    }

    public Payment payment(String providerRef) {
        for (Payment p : payments) if (providerRef.equals(p.providerRef())) return p;
        return null;
    }
}
