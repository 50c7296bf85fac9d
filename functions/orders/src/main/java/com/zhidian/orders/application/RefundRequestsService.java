package com.zhidian.orders.application;

import com.zhidian.core.Retry;
import com.zhidian.core.errors.DomainException;
import com.zhidian.core.paging.Page;
import com.zhidian.members.application.PointsService;
import com.zhidian.orders.domain.Order;
import com.zhidian.orders.domain.OrderRules;
import com.zhidian.orders.domain.OrdersErrors;
import com.zhidian.orders.domain.RefundRequest;
import com.zhidian.orders.domain.RefundRequestRepository;
import java.time.Clock;
import java.time.Instant;
import java.util.List;

/**
 * A customer asks for a refund from the H5; staff approve or reject. Approving makes the order's refund through
 * {@link PaymentsService#refund} keyed by the request ({@link RefundRequest#refundIdFor}): money back (Stripe or cash at
 * the desk), restock, points, coupon, exactly once however often it is approved. One request of an order is pending
 * at a time; the window is the tenant's return window counted from the payment.
 */
public final class RefundRequestsService {
    private final RefundRequestRepository requests;
    private final OrdersService orders;
    private final PaymentsService payments;
    private final PointsService points;
    private final Clock clock;

    public RefundRequestsService(RefundRequestRepository requests, OrdersService orders, PaymentsService payments, PointsService points,
                                 Clock clock) {
        this.requests = requests;
        this.orders = orders;
        this.payments = payments;
        this.points = points;
        this.clock = clock;
    }

    public record Asking(String requestId, List<OrderRules.Ask> lines, String reason, String note) {}

    /** The customer's request; asking again with the same request id answers the request made. */
    public RefundRequest request(String tenantId, String memberId, String orderId, Asking in) {
        Order o = orders.mine(tenantId, memberId, orderId);
        var made = requests.find(tenantId, orderId, in.requestId());
        if (made.isPresent()) return made.get();
        Instant now = clock.instant();
        long amount = OrderRules.checkRequest(o, in.lines(), now, points.returnWindowDays(tenantId));
        List<OrderRules.Ask> lines = in.lines().isEmpty()
                ? o.lines().stream().filter(l -> l.qty() > l.refundedQty()).map(l -> new OrderRules.Ask(l.gtin(), l.qty() - l.refundedQty())).toList()
                : in.lines();
        RefundRequest r = new RefundRequest(tenantId, in.requestId(), orderId, o.number(), o.storeId(), memberId, lines, amount, in.reason(),
                in.note(), RefundRequest.PENDING, null, null, null, now, null, 1);
        requests.create(r);
        return r;
    }

    public List<RefundRequest> ofOrder(String tenantId, String orderId) {
        return requests.ofOrder(tenantId, orderId);
    }

    public Page<RefundRequest> ofStore(String tenantId, String storeId, String state, int limit, String cursor) {
        return requests.ofStore(tenantId, storeId, state, limit, cursor);
    }

    public RefundRequest get(String tenantId, String requestId) {
        return requests.find(tenantId, requestId).orElseThrow(() -> new OrdersErrors.RefundRequestNotFound(requestId));
    }

    /** What an approval did: the request and the order after its refund. */
    public record Approved(RefundRequest request, Order order) {}

    /**
     * Approves and refunds. The refund is checked against the order first (a request that can no longer be met stays
     * pending with the order's refusal); then the request is marked approved and the refund made under the request's
     * refund id. An approval repeated after that makes the same refund again, which changes nothing; had the refund
     * failed, the request goes back to pending.
     */
    public Approved approve(String tenantId, String requestId, boolean restock, String actor) {
        RefundRequest r = Retry.onConflict(() -> {
            RefundRequest cur = get(tenantId, requestId);
            if (RefundRequest.REJECTED.equals(cur.state())) throw new OrdersErrors.RefundRequestDecided(cur.state());
            if (RefundRequest.APPROVED.equals(cur.state())) return cur;
            Order o = orders.get(tenantId, cur.orderId());
            if (!OrderRules.REFUNDABLE.contains(o.status())) throw new OrdersErrors.NotRefundable(o.status());
            OrderRules.refundLines(o, cur.lines());
            RefundRequest after = cur.decided(RefundRequest.APPROVED, actor, null, clock.instant());
            requests.save(cur, after);
            return after;
        }, "this refund request is changing too fast; retry");
        Order done;
        try {
            done = payments.refund(tenantId, r.orderId(), new PaymentsService.RefundAsk(r.refundId(), r.lines(), "refund request: " + r.reason(),
                    restock), actor);
        } catch (DomainException e) {
            reopen(r);
            throw e;
        }
        return new Approved(r, done);
    }

    private void reopen(RefundRequest approved) {
        Order o = orders.get(approved.tenantId(), approved.orderId());
        if (o.refunds().stream().anyMatch(x -> x.refundId().equals(approved.refundId()))) return;
        RefundRequest back = new RefundRequest(approved.tenantId(), approved.requestId(), approved.orderId(), approved.orderNumber(),
                approved.storeId(), approved.memberId(), approved.lines(), approved.amount(), approved.reason(), approved.note(),
                RefundRequest.PENDING, null, null, null, approved.requestedAt(), null, approved.version() + 1);
        try {
            requests.save(approved, back);
        } catch (RuntimeException e) {
            com.zhidian.core.Log.error("refund request not reopened", java.util.Map.of("requestId", approved.requestId()), e);
        }
    }

    /** Rejects a pending request with staff's reason; rejecting it again answers it as it is. */
    public RefundRequest reject(String tenantId, String requestId, String why, String actor) {
        return Retry.onConflict(() -> {
            RefundRequest cur = get(tenantId, requestId);
            if (RefundRequest.REJECTED.equals(cur.state())) return cur;
            if (!RefundRequest.PENDING.equals(cur.state())) throw new OrdersErrors.RefundRequestDecided(cur.state());
            RefundRequest after = cur.decided(RefundRequest.REJECTED, actor, why, clock.instant());
            requests.save(cur, after);
            return after;
        }, "this refund request is changing too fast; retry");
    }
}
