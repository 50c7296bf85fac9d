package com.zhidian.orders.api;

import com.zhidian.core.http.Response;
import com.zhidian.core.http.Routes;
import com.zhidian.core.links.SignedLinks;
import com.zhidian.core.scope.RequestScope;
import com.zhidian.orders.application.Orders;
import com.zhidian.orders.application.OrdersService;
import com.zhidian.orders.domain.Order;
import com.zhidian.orders.domain.OrdersErrors;
import java.util.Set;

/**
 * GET /receipts/{orderId}?t=…: the public e-receipt (no sign-in; a customer opens it from the QR on the till). Only
 * a token signed for this order opens it; a missing, wrong or other order's token is 404, as for an unknown order, so
 * the answer never tells which part was wrong. It shows what the paper slip shows, never member data.
 */
final class ReceiptRoutes {
    private final OrdersService orders;
    private final SignedLinks tokens;
    private final Orders.StoreNames stores;

    ReceiptRoutes(OrdersService orders, SignedLinks tokens, Orders.StoreNames stores) {
        this.orders = orders;
        this.tokens = tokens;
        this.stores = stores;
    }

    Routes declare(Routes routes) {
        return routes.on("GET /receipts/{orderId}", Set.of(), r -> {
            String orderId = r.pathId("orderId");
            String tenantId = tokens.tenantOf(orderId, r.query("t"))
                    .filter(id -> Inputs.ID.matcher(id).matches())
                    .orElseThrow(() -> new OrdersErrors.OrderNotFound(orderId));
            // the request came with no tenant; the verified token names it (the rails' scope ends with it)
            RequestScope tenant = RequestScope.enter(tenantId);
            try {
                Order o = orders.get(tenantId, orderId);
                return Response.ok(Views.receipt(o, stores.name(tenantId, o.storeId())));
            } finally {
                tenant.exit();
            }
        });
    }
}
