package com.zhidian.orders.api;

import static com.zhidian.core.auth.Role.OWNER;
import static com.zhidian.core.auth.Role.STAFF;

import com.zhidian.approvals.api.Gated;
import com.zhidian.approvals.application.ApprovalGate;
import com.zhidian.approvals.domain.Ask;
import com.zhidian.core.auth.Caller;
import com.zhidian.core.auth.Role;
import com.zhidian.core.errors.ApiException;
import com.zhidian.core.http.Fields;
import com.zhidian.core.http.Request;
import com.zhidian.core.http.Response;
import com.zhidian.core.http.Routes;
import com.zhidian.core.links.SignedLinks;
import com.zhidian.orders.application.OrdersService;
import com.zhidian.orders.application.PaymentsService;
import com.zhidian.orders.domain.Order;
import com.zhidian.orders.domain.OrdersErrors;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/** /orders…: staff and owners place, find, move, take payment for and refund orders of their stores. */
final class OrdersRoutes {
    private static final Set<Role> SHOP = Set.of(OWNER, STAFF);
    static final Set<String> METHODS = Set.of("cash", "card", "wechat_pay", "alipay");

    private final OrdersService orders;
    private final PaymentsService payments;
    private final SignedLinks receipts;
    private final ApprovalGate gate;

    OrdersRoutes(OrdersService orders, PaymentsService payments, SignedLinks receipts, ApprovalGate gate) {
        this.gate = gate;
        this.orders = orders;
        this.payments = payments;
        this.receipts = receipts;
    }

    /** Staff's view of an order: with the signed token of its public e-receipt link (GET /receipts/{orderId}?t=…). */
    private Map<String, Object> staffView(Order o) {
        Map<String, Object> m = Views.order(o);
        m.put("receiptToken", receipts.sign(o.tenantId(), o.orderId()));
        return m;
    }

    Routes declare(Routes routes) {
        return routes
                // claimed: the order's one transaction carries the Idempotency-Key's stored answer and the audit entry
                .onClaimed("POST /orders", SHOP, this::place)
                .on("GET /orders", SHOP, this::list)
                .on("GET /orders/{orderId}", SHOP, r -> Response.ok(staffView(visible(r))))
                .on("POST /orders/{orderId}/transitions", SHOP, this::transition)
                .on("POST /orders/{orderId}/payments", SHOP, this::pay)
                .on("POST /orders/{orderId}/refunds", SHOP, this::refund);
    }

    private Response place(Request r) {
        OrdersService.Placing in = Inputs.placing(r, null);
        if (!r.caller().canSeeStore(in.storeId())) throw new OrdersErrors.StoreNotFound(in.storeId());
        return Response.created(staffView(orders.place(r.caller().tenantId(), actor(r.caller()), in)));
    }

    private Response list(Request r) {
        String storeId = r.query("storeId");
        if (storeId == null || !Inputs.ID.matcher(storeId).matches()) throw ApiException.badRequest("storeId", "must be a store id");
        if (!r.caller().canSeeStore(storeId)) throw ApiException.notFound("store " + storeId);
        String status = r.query("status");
        if (status != null && !Order.STATES.contains(status)) throw ApiException.badRequest("status", "must be one of " + Order.STATES);
        return Response.ok(Views.page(orders.ofStore(r.caller().tenantId(), storeId, status, Inputs.instant(r, "from"), Inputs.instant(r, "to"),
                r.limit(), r.query("cursor"))));
    }

    /** An order of a store the caller works in; any other is 404. */
    private Order visible(Request r) {
        Order o = orders.get(r.caller().tenantId(), r.pathId("orderId"));
        if (!r.caller().canSeeStore(o.storeId())) throw new OrdersErrors.OrderNotFound(o.orderId());
        return o;
    }

    // the order is looked up before the body is read: another tenant's (or store's) order is 404 whatever the body says

    private Response transition(Request r) {
        Order o = visible(r);
        Fields f = r.fields("to");
        String to = f.requiredEnum("to", Order.STATES);
        f.check();
        String actor = actor(r.caller());
        Order after = Order.CANCELLED.equals(to) && Order.PAID.equals(o.status())
                ? payments.cancelPaid(o.tenantId(), o.orderId(), actor)
                : orders.transition(o.tenantId(), o.orderId(), to, actor);
        return Response.ok(staffView(after));
    }

    private Response pay(Request r) {
        Order o = visible(r);
        Fields f = r.fields("method", "tendered", "paymentMethod");
        String method = f.requiredEnum("method", METHODS);
        // api.md's cash payment is {method: cash}: without tendered, the exact total was handed over (no change)
        Long tendered = !"cash".equals(method) ? null : f.has("tendered") ? f.requiredLong("tendered", 0, 100_000_000) : Long.valueOf(o.total());
        if (method != null && !"cash".equals(method) && f.has("tendered")) f.reject("tendered", "not_allowed", "only a cash payment is tendered");
        String pm = f.optionalMatching("paymentMethod", Pattern.compile("pm_[A-Za-z0-9_]{1,60}"), "must be a payment method id");
        if (pm != null && !"card".equals(method)) f.reject("paymentMethod", "not_allowed", "only a card payment names a payment method");
        f.check();
        Order after = "cash".equals(method)
                ? payments.payCash(o.tenantId(), o.orderId(), tendered, actor(r.caller()))
                : payments.startPayment(o.tenantId(), o.orderId(), method, pm, actor(r.caller()));
        return Response.ok(staffView(after));
    }

    private Response refund(Request r) {
        Order o = visible(r);
        Fields f = r.fields("lines", "reason", "restock");
        var lines = Inputs.refundLines(f);
        String reason = f.requiredString("reason", 1, 200);
        Boolean restock = f.optionalBoolean("restock");
        f.check();
        String key = r.header("idempotency-key");
        // keyed by the Idempotency-Key: a retry of the same refund is the same refund, at the provider too
        String refundId = key == null ? com.zhidian.core.Ids.next("rf") : "rf_" + sha(r.caller().sub() + "\n" + key);
        long amount = Math.min(o.refundable(), com.zhidian.orders.domain.OrderRules.refundLines(o, lines).stream().mapToLong(Order.RefundLine::amount).sum());
        return gate.guard(Gated.attempt(r), Ask.refund(o.storeId(), o.orderId(), amount), () -> Response.ok(staffView(payments.refund(o.tenantId(),
                o.orderId(), new PaymentsService.RefundAsk(refundId, lines, reason, restock == null || restock), actor(r.caller())))));
    }

    static String sha(String s) {
        try {
            byte[] d = java.security.MessageDigest.getInstance("SHA-256").digest(s.getBytes(java.nio.charset.StandardCharsets.UTF_8));
            return java.util.HexFormat.of().formatHex(d, 0, 12);
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    static String actor(Caller c) {
        return c.username() != null ? c.username() : c.sub();
    }
}
