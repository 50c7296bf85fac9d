package com.zhidian.orders.domain;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The pure rules of an order: limits, how the order's discount is spread over its lines, which steps are allowed, and
 * what a refund gives back.
 *
 * <p>Rounding (docs/decisions.md, "Orders"): the order's discount (coupon plus points) is spread over the lines in
 * proportion to their amounts by largest remainder: each line first gets {@code floor(discount × amount / subtotal)}
 * fen, then the fen left over go one each to the lines with the largest remainders (earlier line first on a tie). So
 * the lines' discounts add up to the order's exactly, and no line's discount exceeds its amount.
 */
public final class OrderRules {
    private OrderRules() {}

    /** Lines per order: 3 items per line in the order's one transaction (level, hold, movement), within DynamoDB's 100. */
    public static final int MAX_LINES = 20;
    public static final long MAX_QTY = 999;
    /** A weighed line's grams: what a scale label's 5-digit weight holds (99.999 kg). */
    public static final long MAX_GRAMS = com.zhidian.catalog.domain.Weighing.MAX_GRAMS;
    /** An unpaid order is cancelled after this many minutes (the default of the tenant setting). */
    public static final int DEFAULT_PAY_MINUTES = 15;
    /** The bounds of the tenant setting (docs/decisions.md): long enough to pay by phone, short enough not to hold stock all day. */
    public static final int MIN_PAY_MINUTES = 5;
    public static final int MAX_PAY_MINUTES = 120;

    /** Each line's share of {@code discount}, largest remainder; {@code amounts} are the lines' qty × unit price. */
    public static long[] allocate(long[] amounts, long discount) {
        long subtotal = 0;
        for (long a : amounts) subtotal = Math.addExact(subtotal, a);
        if (discount < 0 || discount > subtotal) throw new IllegalArgumentException("discount " + discount + " of " + subtotal);
        long[] share = new long[amounts.length];
        if (discount == 0 || subtotal == 0) return share;
        long[] rem = new long[amounts.length];
        long given = 0;
        for (int i = 0; i < amounts.length; i++) {
            java.math.BigInteger p = java.math.BigInteger.valueOf(discount).multiply(java.math.BigInteger.valueOf(amounts[i]));
            java.math.BigInteger[] qr = p.divideAndRemainder(java.math.BigInteger.valueOf(subtotal));
            share[i] = qr[0].longValueExact();
            rem[i] = qr[1].longValueExact();
            given += share[i];
        }
        for (long left = discount - given; left > 0; left--) {
            int best = -1;
            for (int i = 0; i < amounts.length; i++) {
                if (share[i] >= amounts[i]) continue;
                if (best < 0 || rem[i] > rem[best]) best = i;
            }
            share[best]++;
            rem[best] = -1;
        }
        return share;
    }

    /** Lines priced: unit prices in force (a weighed line's amount rounded once, half up), the discount spread, each line's total. */
    public static List<Order.Line> price(List<Order.Line> unpriced, long discount) {
        long[] amounts = new long[unpriced.size()];
        for (int i = 0; i < amounts.length; i++) amounts[i] = unpriced.get(i).amount();
        long[] share = allocate(amounts, discount);
        List<Order.Line> out = new ArrayList<>();
        for (int i = 0; i < amounts.length; i++) {
            Order.Line l = unpriced.get(i);
            out.add(new Order.Line(l.gtin(), l.name(), l.qty(), l.unitPrice(), share[i], amounts[i] - share[i], 0, 0, l.weighed()));
        }
        return out;
    }

    /** The steps staff take by hand; {@code paid} comes only from a payment, {@code cancelled} has its own rules. */
    private static final Map<String, Set<String>> NEXT = Map.of(
            Order.PAID, Set.of(Order.PICKING, Order.COMPLETED),
            Order.PICKING, Set.of(Order.READY_FOR_PICKUP, Order.OUT_FOR_DELIVERY),
            Order.READY_FOR_PICKUP, Set.of(Order.COMPLETED),
            Order.OUT_FOR_DELIVERY, Set.of(Order.COMPLETED));

    /**
     * Whether an order may go from its status to {@code to} by a transition: the fulfilment decides the branch
     * (in store: paid → completed; pickup: → picking → ready_for_pickup → completed; delivery: → picking →
     * out_for_delivery → completed). Cancelling is allowed from placed (releases what it holds) and from paid (a full
     * refund first).
     */
    public static void checkTransition(Order o, String to) {
        String from = o.status();
        boolean ok;
        if (Order.CANCELLED.equals(to)) {
            ok = Order.PLACED.equals(from) || Order.PAID.equals(from);
        } else {
            ok = NEXT.getOrDefault(from, Set.of()).contains(to);
            if (ok && Order.PAID.equals(from)) ok = Order.IN_STORE.equals(o.fulfilment()) == Order.COMPLETED.equals(to);
            if (ok && Order.READY_FOR_PICKUP.equals(to)) ok = Order.PICKUP.equals(o.fulfilment());
            if (ok && Order.OUT_FOR_DELIVERY.equals(to)) ok = Order.DELIVERY.equals(o.fulfilment());
        }
        if (!ok) throw new OrdersErrors.IllegalTransition(from, to);
    }

    /** A line of a refund as asked: gtin and quantity. */
    public record Ask(String gtin, long qty) {}

    /**
     * What a refund gives back per line: the units asked of what is left of each line; each unit's money is the line's
     * total shared over its units, the last unit taking what is left, so refunding every unit returns the line's total
     * exactly. No lines asked: everything left.
     */
    public static List<Order.RefundLine> refundLines(Order o, List<Ask> asked) {
        List<Ask> asks = asked == null || asked.isEmpty()
                ? o.lines().stream().filter(l -> l.qty() > l.refundedQty()).map(l -> new Ask(l.gtin(), l.qty() - l.refundedQty())).toList()
                : asked;
        List<Order.RefundLine> out = new ArrayList<>();
        for (Ask a : asks) {
            Order.Line l = o.lines().stream().filter(x -> x.gtin().equals(a.gtin())).findFirst()
                    .orElseThrow(() -> new OrdersErrors.NotInOrder(a.gtin()));
            long already = out.stream().filter(r -> r.gtin().equals(a.gtin())).mapToLong(Order.RefundLine::qty).sum();
            long left = l.qty() - l.refundedQty() - already;
            if (a.qty() > left) throw new OrdersErrors.RefundTooMuch(a.gtin(), a.qty(), left);
            long units = l.refundedQty() + already + a.qty();
            long before = l.refundedAmount() + out.stream().filter(r -> r.gtin().equals(a.gtin())).mapToLong(Order.RefundLine::amount).sum();
            long upTo = units == l.qty() ? l.lineTotal() : Math.multiplyExact(l.lineTotal(), units) / l.qty();
            out.add(new Order.RefundLine(a.gtin(), a.qty(), upTo - before));
        }
        return out;
    }

    /** The part of {@code whole} that corresponds to {@code share} of {@code of}, rounded down; all of it when share = of. */
    public static long proportion(long whole, long share, long of) {
        if (of <= 0) return 0;
        if (share >= of) return whole;
        return java.math.BigInteger.valueOf(whole).multiply(java.math.BigInteger.valueOf(share))
                .divide(java.math.BigInteger.valueOf(of)).longValueExact();
    }

    /** The statuses a refund (and a customer's request for one) is allowed in. */
    public static final Set<String> REFUNDABLE = Set.of(Order.PAID, Order.PICKING, Order.READY_FOR_PICKUP, Order.OUT_FOR_DELIVERY,
            Order.COMPLETED);

    /** When an order was paid: the time of its {@code paid} step; null if it never was. */
    public static java.time.Instant paidAt(Order o) {
        for (Order.Step s : o.timeline()) if (Order.PAID.equals(s.status())) return s.at();
        return null;
    }

    /**
     * Whether a customer may ask for these lines back now: the order refundable, paid within the return window
     * ({@code windowDays} from its payment, the tenant's points return window), every unit asked still left to refund.
     * Answers what the lines are worth; refuses with the order's codes otherwise.
     */
    public static long checkRequest(Order o, List<Ask> asks, java.time.Instant now, int windowDays) {
        if (!REFUNDABLE.contains(o.status())) throw new OrdersErrors.NotRefundable(o.status());
        java.time.Instant paid = paidAt(o);
        if (paid == null) throw new OrdersErrors.NotRefundable(o.status());
        java.time.Instant closes = paid.plusSeconds(windowDays * 86_400L);
        if (!now.isBefore(closes)) throw new OrdersErrors.RefundWindowClosed(closes.toString(), windowDays);
        List<Order.RefundLine> rl = refundLines(o, asks);
        long amount = 0;
        for (Order.RefundLine r : rl) amount += r.amount();
        if (rl.stream().mapToLong(Order.RefundLine::qty).sum() == 0) throw new OrdersErrors.NotRefundable(o.status());
        return amount;
    }
}
