package com.zhidian.orders.api;

import static com.zhidian.core.auth.Role.CUSTOMER;

import com.zhidian.core.auth.Role;
import com.zhidian.core.http.Fields;
import com.zhidian.core.http.Request;
import com.zhidian.core.http.Response;
import com.zhidian.core.http.Routes;
import com.zhidian.orders.application.OrdersService;
import com.zhidian.orders.application.PaymentsService;
import com.zhidian.orders.domain.Order;
import java.util.Set;

/** /me/orders…: a signed-in customer's own orders (the member id comes from the token), placed in the mini-program. */
final class MyOrdersRoutes {
    private static final Set<Role> SELF = Set.of(CUSTOMER);

    private final OrdersService orders;
    private final PaymentsService payments;

    private final com.zhidian.orders.application.RefundRequestsService requests;

    MyOrdersRoutes(OrdersService orders, PaymentsService payments, com.zhidian.orders.application.RefundRequestsService requests) {
        this.orders = orders;
        this.requests = requests;
        this.payments = payments;
    }

    Routes declare(Routes routes) {
        return routes
                .on("POST /me/orders", SELF, r -> {
                    String me = r.caller().requireMember();
                    return Response.created(Views.order(orders.place(r.caller().tenantId(), "customer:" + me, Inputs.placing(r, me))));
                })
                .on("GET /me/orders", SELF, r -> Response.ok(Views.page(orders.ofMember(r.caller().tenantId(), r.caller().requireMember(),
                        r.limit(), r.query("cursor")))))
                .on("GET /me/orders/{orderId}", SELF, r -> {
                    Order o = mine(r);
                    java.util.Map<String, Object> v = Views.order(o);
                    v.put("refundRequests", requests.ofOrder(o.tenantId(), o.orderId()).stream().map(Views::refundRequest).toList());
                    return Response.ok(v);
                })
                .on("POST /me/orders/{orderId}/payments", SELF, this::pay);
    }

    private Order mine(Request r) {
        return orders.mine(r.caller().tenantId(), r.caller().requireMember(), r.pathId("orderId"));
    }

    private Response pay(Request r) {
        Order o = mine(r);
        Fields f = r.fields("method");
        String method = f.requiredEnum("method", Set.of("card", "wechat_pay", "alipay"));
        f.check();
        return Response.ok(Views.order(payments.startPayment(o.tenantId(), o.orderId(), method, null, "customer:" + o.memberId())));
    }
}
