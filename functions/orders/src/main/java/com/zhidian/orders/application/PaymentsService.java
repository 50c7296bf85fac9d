package com.zhidian.orders.application;

import com.zhidian.catalog.application.StockService;
import com.zhidian.core.Ids;
import com.zhidian.core.Log;
import com.zhidian.core.Retry;
import com.zhidian.core.dynamo.TransactionPart;
import com.zhidian.coupons.application.CouponService;
import com.zhidian.members.application.PointsService;
import com.zhidian.orders.domain.Order;
import com.zhidian.orders.domain.OrderRepository;
import com.zhidian.orders.domain.OrderRules;
import com.zhidian.orders.domain.OrdersErrors;
import com.zhidian.orders.domain.PaymentGateway;
import com.zhidian.orders.domain.Reconciliation;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Money: cash at the POS, provider payments (the {@link PaymentGateway} port) confirmed only by a verified event, and
 * refunds. Paying commits what the order holds (stock leaves on hand, the coupon is redeemed) in the same transaction
 * as the order's status; points are earned after (idempotent per order, pending until the return window closes).
 */
public final class PaymentsService {
    public static final String CASH = "cash";
    public static final String PENDING = "pending";
    public static final String SUCCEEDED = "succeeded";
    public static final String FAILED = "failed";
    public static final String REFUNDED = "refunded";

    private final OrderRepository orders;
    private final OrdersService ordersService;
    private final StockService stock;
    private final CouponService coupons;
    private final PointsService points;
    private final PaymentGateway gateway;
    private final Clock clock;

    public PaymentsService(OrderRepository orders, OrdersService ordersService, StockService stock, CouponService coupons,
                           PointsService points, PaymentGateway gateway, Clock clock) {
        this.orders = orders;
        this.ordersService = ordersService;
        this.stock = stock;
        this.coupons = coupons;
        this.points = points;
        this.gateway = gateway;
        this.clock = clock;
    }

    /** Cash at the till: the order is paid at once, with the change given. */
    public Order payCash(String tenantId, String orderId, long tendered, String actor) {
        Order paid = Retry.onConflict(() -> {
            Order o = ordersService.get(tenantId, orderId);
            if (!Order.PLACED.equals(o.status())) throw new OrdersErrors.NotPayable(o.status());
            if (tendered < o.total()) throw new OrdersErrors.TenderedShort(o.total(), tendered);
            Instant now = clock.instant();
            Order.Payment p = new Order.Payment(Ids.next("pay"), CASH, o.total(), tendered, tendered - o.total(), SUCCEEDED, null, null, now);
            Order after = markPaid(o, p, now, actor);
            List<TransactionPart> parts = commitParts(o, after, actor);
            orders.write(parts);
            return after;
        }, "this order is changing too fast; retry");
        earn(paid);
        return paid;
    }

    /**
     * A provider payment started: the intent is created (idempotently per order and attempt) and recorded as pending;
     * the order stays placed until the provider's verified event says the money arrived. A pending payment of the same
     * method is answered again rather than started twice.
     */
    public Order startPayment(String tenantId, String orderId, String method, String paymentMethod, String actor) {
        return Retry.onConflict(() -> {
            Order o = ordersService.get(tenantId, orderId);
            if (!Order.PLACED.equals(o.status())) throw new OrdersErrors.NotPayable(o.status());
            for (Order.Payment p : o.payments()) if (PENDING.equals(p.status()) && method.equals(p.method())) return o;
            int attempt = o.payments().size() + 1;
            PaymentGateway.Intent intent;
            try {
                intent = gateway.start(tenantId, orderId, o.total(), method, paymentMethod, "order-" + orderId + "-attempt-" + attempt);
            } catch (OrdersErrors.PaymentFailed e) {
                throw e;
            }
            Instant now = clock.instant();
            Order.Payment p = new Order.Payment(Ids.next("pay"), method, o.total(), null, null, PENDING, intent.id(), intent.clientSecret(), now);
            Order after = o.withPayment(p, now, actor);
            List<Order.Step> t = new ArrayList<>(after.timeline());
            t.add(new Order.Step("payment_started", now, actor, method));
            after = after.with(after.status(), after.paid(), after.refunded(), after.lines(), after.payments(), after.refunds(), t);
            orders.write(List.of(orders.savePart(o, after)));
            return after;
        }, "this order is changing too fast; retry");
    }

    /** What a verified provider event did. */
    public enum Outcome { PAID, ALREADY_PAID, REFUNDED_LATE, FAILED, IGNORED, DUPLICATE }

    /**
     * A verified event: recorded by its id in the same transaction as its effect, so a replay changes nothing.
     * Succeeded on a placed order whose pending payment it names: paid (stock committed, coupon redeemed). Succeeded on
     * a cancelled order: the money goes back at once. Failed: the pending payment is marked failed (never after a
     * success: an out-of-order failure changes nothing).
     */
    public Outcome onEvent(PaymentGateway.Event e) {
        if (e.tenantId() == null || e.orderId() == null) return Outcome.IGNORED;
        if (orders.eventSeen(e.tenantId(), e.id())) return Outcome.DUPLICATE;
        Outcome out;
        try {
            out = Retry.onConflict(() -> apply(e), "order changing");
        } catch (OrderRepository.DuplicateEvent d) {
            return Outcome.DUPLICATE;
        }
        if (out == Outcome.PAID) orders.find(e.tenantId(), e.orderId()).ifPresent(this::earn);
        return out;
    }

    private Outcome apply(PaymentGateway.Event e) {
        Order o = orders.find(e.tenantId(), e.orderId()).orElse(null);
        TransactionPart seen = orders.eventPart(e.id(), e.tenantId(), e.orderId());
        if (o == null) {
            orders.write(List.of(seen));
            return Outcome.IGNORED;
        }
        Order.Payment p = o.payment(e.providerRef());
        Instant now = clock.instant();
        if (PaymentGateway.Event.SUCCEEDED.equals(e.type())) {
            if (p != null && SUCCEEDED.equals(p.status()) || Order.PAID.equals(o.status()) && p == null) {
                orders.write(List.of(seen));
                return Outcome.ALREADY_PAID;
            }
            if (Order.CANCELLED.equals(o.status()) || !Order.PLACED.equals(o.status())) {
                if (p != null && REFUNDED.equals(p.status())) {
                    orders.write(List.of(seen));
                    return Outcome.ALREADY_PAID;
                }
                String lateRefund = gateway.refund(e.providerRef(), e.amount(), "late-" + e.providerRef());
                Order.Payment back = new Order.Payment(p == null ? Ids.next("pay") : p.paymentId(), p == null ? "card" : p.method(), e.amount(),
                        null, null, REFUNDED, e.providerRef(), null, now);
                Order after = o.withPayment(back, now, "system");
                List<Order.Step> t = new ArrayList<>(after.timeline());
                t.add(new Order.Step("payment_refunded", now, "system", "paid after the order was cancelled"));
                after = after.with(after.status(), after.paid(), after.refunded(), after.lines(), after.payments(), after.refunds(), t);
                orders.write(List.of(orders.savePart(o, after), seen, orders.moneyPart(o.tenantId(), ordersService.moneyDay(o.tenantId(), now),
                        new Reconciliation.Entry(Reconciliation.Kind.payment, e.providerRef(), e.amount(), o.orderId()),
                        new Reconciliation.Entry(Reconciliation.Kind.refund, lateRefund, e.amount(), o.orderId()))));
                return Outcome.REFUNDED_LATE;
            }
            if (p == null) {
                // the event outran our record of the payment it confirms (Stripe answers a confirmed intent and sends the
                // event at once): not marked seen, and not 2xx, so Stripe delivers it again once the pending payment is written
                Log.warn("payment event before its payment is recorded; Stripe will retry", Map.of("orderId", o.orderId(), "event", e.id()));
                throw com.zhidian.core.errors.ApiException.unavailable("payment " + e.providerRef() + " is not recorded yet; retry");
            }
            if (e.amount() != o.total()) {
                Log.warn("payment event not matching the order", Map.of("orderId", o.orderId(), "event", e.id()));
                orders.write(List.of(seen));
                return Outcome.IGNORED;
            }
            Order.Payment done = new Order.Payment(p.paymentId(), p.method(), p.amount(), null, null, SUCCEEDED, p.providerRef(), null, now);
            Order after = markPaid(o, done, now, "system");
            List<TransactionPart> parts = commitParts(o, after, "system");
            parts.add(seen);
            parts.add(orders.moneyPart(o.tenantId(), ordersService.moneyDay(o.tenantId(), now),
                    new Reconciliation.Entry(Reconciliation.Kind.payment, p.providerRef(), p.amount(), o.orderId())));
            orders.write(parts);
            return Outcome.PAID;
        }
        if (PaymentGateway.Event.FAILED.equals(e.type()) && p != null && PENDING.equals(p.status())) {
            Order.Payment failed = new Order.Payment(p.paymentId(), p.method(), p.amount(), null, null, FAILED, p.providerRef(), null, now);
            Order after = o.withPayment(failed, now, "system");
            orders.write(List.of(orders.savePart(o, after), seen));
            return Outcome.FAILED;
        }
        orders.write(List.of(seen));
        return Outcome.IGNORED;
    }

    private Order markPaid(Order o, Order.Payment p, Instant now, String actor) {
        Order withPay = o.withPayment(p, now, actor);
        List<Order.Step> t = new ArrayList<>(withPay.timeline());
        t.add(new Order.Step(Order.PAID, now, actor, p.method()));
        return withPay.with(Order.PAID, o.total(), o.refunded(), o.lines(), withPay.payments(), o.refunds(), t);
    }

    private List<TransactionPart> commitParts(Order o, Order after, String actor) {
        List<TransactionPart> parts = new ArrayList<>();
        parts.add(orders.savePart(o, after));
        parts.add(orders.orderEventPart(after, null));
        parts.add(stock.planCommit(o.tenantId(), o.storeId(), o.orderId(), OrdersService.held(o), actor));
        if (o.couponCode() != null) parts.add(coupons.planCommit(o.tenantId(), o.couponCode(), o.orderId(), o.storeId(), actor));
        return parts;
    }

    /** Points for the money paid: pending until the return window closes; a second call for the order changes nothing. */
    private void earn(Order o) {
        if (o.memberId() == null || o.total() == 0) return;
        try {
            points.earn(o.tenantId(), o.memberId(), o.orderId(), o.storeId(), o.total());
        } catch (RuntimeException e) {
            // the order is paid; the earning is retried by the next event or refund path (idempotent per order)
            Log.error("points earning failed", Map.of("orderId", o.orderId()), e);
        }
    }

    // ---- refunds ----

    public record RefundAsk(String refundId, List<OrderRules.Ask> lines, String reason, boolean restock) {}

    /**
     * One refund, keyed by its id: money back (cash, or the provider's refund with the refund's id as its idempotency
     * key), goods back on hand unless damaged, points spent returned and points earned taken back in proportion to the
     * money, the coupon back on a full refund within its validity. Repeating a refund id answers the order as it is.
     */
    public Order refund(String tenantId, String orderId, RefundAsk ask, String actor) {
        return Retry.onConflict(() -> {
            Order o = ordersService.get(tenantId, orderId);
            if (o.refunds().stream().anyMatch(r -> r.refundId().equals(ask.refundId()))) {
                reverseEarned(o, "refund " + ask.refundId());  // idempotent: finishes a reversal a crash cut short
                return o;
            }
            if (!List.of(Order.PAID, Order.PICKING, Order.READY_FOR_PICKUP, Order.OUT_FOR_DELIVERY, Order.COMPLETED).contains(o.status())) {
                throw new OrdersErrors.NotRefundable(o.status());
            }
            List<Order.RefundLine> rl = OrderRules.refundLines(o, ask.lines());
            long amount = rl.stream().mapToLong(Order.RefundLine::amount).sum();
            if (rl.isEmpty()) throw new OrdersErrors.NothingLeftToRefund();    // no lines asked, and none left
            long refundedAfter = o.refunded() + amount;
            boolean full = o.lines().stream().allMatch(l -> l.qty() == l.refundedQty() + rl.stream()
                    .filter(r -> r.gtin().equals(l.gtin())).mapToLong(Order.RefundLine::qty).sum());
            long pointsBack = o.pointsUsed() == 0 ? 0 : (full ? o.pointsUsed() : OrderRules.proportion(o.pointsUsed(), refundedAfter, o.total()))
                    - o.refunds().stream().mapToLong(Order.Refund::pointsReturned).sum();
            long pointsReversed = o.memberId() == null ? 0 : points.reversalDue(tenantId, o.memberId(), orderId, refundedAfter, o.paid(), full);
            Order.Payment paidBy = o.payments().stream().filter(p -> SUCCEEDED.equals(p.status())).findFirst().orElse(null);
            String method = paidBy == null ? CASH : paidBy.method();
            String providerRefund = null;
            if (paidBy != null && paidBy.providerRef() != null && amount > 0) {
                providerRefund = gateway.refund(paidBy.providerRef(), amount, "refund-" + orderId + "-" + ask.refundId());
            }
            Instant now = clock.instant();
            List<Order.Line> lines = new ArrayList<>();
            for (Order.Line l : o.lines()) {
                long q = rl.stream().filter(r -> r.gtin().equals(l.gtin())).mapToLong(Order.RefundLine::qty).sum();
                long a = rl.stream().filter(r -> r.gtin().equals(l.gtin())).mapToLong(Order.RefundLine::amount).sum();
                lines.add(l.refunded(q, a));
            }
            Order.Refund r = new Order.Refund(ask.refundId(), rl, amount, ask.reason(), ask.restock(), method, providerRefund,
                    pointsReversed, Math.max(0, pointsBack), false, actor, now);
            List<TransactionPart> parts = new ArrayList<>();
            TransactionPart couponBack = null;
            if (full && o.couponCode() != null) couponBack = coupons.planRefund(tenantId, o.couponCode(), orderId, true);
            boolean couponReturned = couponBack != null && couponBack.size() > 0;
            r = new Order.Refund(r.refundId(), r.lines(), r.amount(), r.reason(), r.restock(), r.method(), r.providerRef(),
                    r.pointsReversed(), r.pointsReturned(), couponReturned, actor, now);
            List<Order.Refund> refunds = new ArrayList<>(o.refunds());
            refunds.add(r);
            List<Order.Step> t = new ArrayList<>(o.timeline());
            t.add(new Order.Step("refunded", now, actor, ask.reason()));
            Order after = o.with(o.status(), o.paid(), refundedAfter, lines, o.payments(), refunds, t);
            parts.add(orders.savePart(o, after));
            parts.add(orders.orderEventPart(after, r));
            if (ask.restock()) {
                java.util.Map<String, Long> back = new java.util.LinkedHashMap<>();
                for (Order.RefundLine x : rl) if (x.qty() > 0) back.merge(x.gtin(), x.qty(), Long::sum);
                if (!back.isEmpty()) parts.add(stock.planReturn(tenantId, o.storeId(), orderId, ask.refundId(), back, actor));
            }
            if (r.pointsReturned() > 0) {
                parts.add(points.planGiveBack(tenantId, o.memberId(), r.pointsReturned(), o.storeId(), orderId, "refund " + ask.refundId()));
            }
            if (couponReturned) parts.add(couponBack);
            if (providerRefund != null) {
                parts.add(orders.moneyPart(tenantId, ordersService.moneyDay(tenantId, now),
                        new Reconciliation.Entry(Reconciliation.Kind.refund, providerRefund, amount, orderId)));
            }
            orders.write(parts);
            reverseEarned(after, "refund " + ask.refundId());
            return after;
        }, "this order is changing too fast; retry");
    }

    /**
     * The points the order earned, reversed in proportion to what is refunded so far (all of them once every unit is
     * refunded): members' {@code PointsService.reverseEarned}, cumulative and idempotent, so it runs after the refund's
     * transaction and again whenever the same refund is asked again.
     */
    private void reverseEarned(Order o, String reason) {
        if (o.memberId() == null || o.refunded() == 0) return;
        boolean full = o.lines().stream().allMatch(l -> l.refundedQty() == l.qty());
        points.reverseEarned(o.tenantId(), o.memberId(), o.orderId(), o.refunded(), o.paid(), full, reason);
    }

    /** A paid order cancelled: everything left is refunded (goods back on the shelf), then the order is cancelled. */
    public Order cancelPaid(String tenantId, String orderId, String actor) {
        Order o = ordersService.get(tenantId, orderId);
        if (!Order.PAID.equals(o.status())) return ordersService.transition(tenantId, orderId, Order.CANCELLED, actor);
        if (o.lines().stream().anyMatch(l -> l.qty() > l.refundedQty())) {
            refund(tenantId, orderId, new RefundAsk("cancel-" + orderId, List.of(), "cancelled", true), actor);
        }
        return Retry.onConflict(() -> {
            Order cur = ordersService.get(tenantId, orderId);
            if (Order.CANCELLED.equals(cur.status())) return cur;
            Order after = cur.moved(Order.CANCELLED, clock.instant(), actor, "refunded in full");
            orders.write(List.of(orders.savePart(cur, after)));
            return after;
        }, "this order is changing too fast; retry");
    }
}
