package com.zhidian.orders.api;

import com.zhidian.core.http.ApiFunction;
import com.zhidian.core.http.Platform;
import com.zhidian.core.http.Routes;
import com.zhidian.orders.application.Orders;

/** The orders function: placing, reading and moving orders, payments, refunds and the payment provider's webhook. */
public final class OrdersHandler extends ApiFunction {
    public OrdersHandler() {
        this(Platform.fromEnvironment());
    }

    private OrdersHandler(Platform platform) {
        this(platform, Orders.wire(platform.db(), platform.tenants(), platform.clock()));
    }

    public OrdersHandler(Platform platform, Orders o) {
        super(routes(o, com.zhidian.approvals.application.Approvals.gate(platform.db(), platform.clock())), platform);
    }

    private static Routes routes(Orders o, com.zhidian.approvals.application.ApprovalGate gate) {
        Routes routes = new Routes(OrdersProblems.TABLE);
        new OrdersRoutes(o.orders(), o.payments(), o.receipts(), gate).declare(routes);
        new ReceiptRoutes(o.orders(), o.receipts(), o.stores()).declare(routes);
        new MyOrdersRoutes(o.orders(), o.payments(), o.refundRequests()).declare(routes);
        new WebhookRoutes(o.payments(), o.gateway()).declare(routes);
        new RefundRequestRoutes(o.orders(), o.refundRequests()).declare(routes);
        new ReconciliationRoutes(o.reconciliation()).declare(routes);
        new OrderSettingsRoutes(o.orders()).declare(routes);
        return routes;
    }
}
