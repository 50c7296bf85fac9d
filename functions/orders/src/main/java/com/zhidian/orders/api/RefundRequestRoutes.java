package com.zhidian.orders.api;

import static com.zhidian.core.auth.Role.CUSTOMER;
import static com.zhidian.core.auth.Role.OWNER;
import static com.zhidian.core.auth.Role.STAFF;

import com.zhidian.core.errors.ApiException;
import com.zhidian.core.http.Fields;
import com.zhidian.core.http.Request;
import com.zhidian.core.http.Response;
import com.zhidian.core.http.Routes;
import com.zhidian.orders.application.OrdersService;
import com.zhidian.orders.application.RefundRequestsService;
import com.zhidian.orders.domain.Order;
import com.zhidian.orders.domain.OrdersErrors;
import com.zhidian.orders.domain.RefundRequest;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

/**
 * Refund requests: a customer asks from the H5 ({@code POST /me/orders/{id}/refund-requests}, keyed by its
 * Idempotency-Key), staff list the pending ones of a store and approve (the order's refund, once) or reject them.
 */
final class RefundRequestRoutes {
    private final OrdersService orders;
    private final RefundRequestsService requests;

    RefundRequestRoutes(OrdersService orders, RefundRequestsService requests) {
        this.orders = orders;
        this.requests = requests;
    }

    Routes declare(Routes routes) {
        return routes
                .on("POST /me/orders/{orderId}/refund-requests", Set.of(CUSTOMER), this::ask)
                .on("GET /refund-requests", Set.of(OWNER, STAFF), this::list)
                .on("POST /refund-requests/{requestId}/approval", Set.of(OWNER, STAFF), this::approve)
                .on("POST /refund-requests/{requestId}/rejection", Set.of(OWNER, STAFF), this::reject);
    }

    private Response ask(Request r) {
        String me = r.caller().requireMember();
        Order o = orders.mine(r.caller().tenantId(), me, r.pathId("orderId"));
        Fields f = r.fields("lines", "reason", "note");
        var lines = Inputs.refundLines(f);
        String reason = f.requiredEnum("reason", RefundRequest.REASONS);
        String note = f.optionalString("note", 1, 200);
        if ("other".equals(reason) && note == null && !f.has("note")) f.reject("note", Fields.REQUIRED, "say why when the reason is other");
        f.check();
        String key = r.header("idempotency-key");
        String requestId = key == null ? com.zhidian.core.Ids.next("rq") : "rq_" + OrdersRoutes.sha(me + "\n" + o.orderId() + "\n" + key);
        RefundRequest made = requests.request(o.tenantId(), me, o.orderId(), new RefundRequestsService.Asking(requestId, lines, reason, note));
        return Response.created(Views.refundRequest(made));
    }

    private Response list(Request r) {
        String storeId = r.query("storeId");
        if (storeId == null || !Inputs.ID.matcher(storeId).matches()) throw ApiException.badRequest("storeId", "must be a store id");
        if (!r.caller().canSeeStore(storeId)) throw ApiException.notFound("store " + storeId);
        String state = r.query("state") == null ? RefundRequest.PENDING : r.query("state");
        if (!RefundRequest.STATES.contains(state)) throw ApiException.badRequest("state", "must be one of " + RefundRequest.STATES);
        var page = requests.ofStore(r.caller().tenantId(), storeId, state, r.limit(), r.query("cursor"));
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("items", page.items().stream().map(Views::refundRequest).toList());
        m.put("nextCursor", page.nextCursor());
        return Response.ok(m);
    }

    /** A request of a store the caller works in; any other (another tenant's, another store's) is 404. */
    private RefundRequest visible(Request r) {
        String id = r.pathId("requestId");
        RefundRequest q = requests.get(r.caller().tenantId(), id);
        if (!r.caller().canSeeStore(q.storeId())) throw new OrdersErrors.RefundRequestNotFound(id);
        return q;
    }

    private Response approve(Request r) {
        RefundRequest q = visible(r);
        Fields f = r.fields("restock");
        Boolean restock = f.optionalBoolean("restock");
        f.check();
        RefundRequestsService.Approved a = requests.approve(q.tenantId(), q.requestId(), restock == null || restock,
                OrdersRoutes.actor(r.caller()));
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("request", Views.refundRequest(a.request()));
        m.put("order", Views.order(a.order()));
        return Response.ok(m);
    }

    private Response reject(Request r) {
        RefundRequest q = visible(r);
        Fields f = r.fields("reason");
        String why = f.requiredString("reason", 1, 200);
        f.check();
        return Response.ok(Views.refundRequest(requests.reject(q.tenantId(), q.requestId(), why, OrdersRoutes.actor(r.caller()))));
    }
}
