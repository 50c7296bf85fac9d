package com.zhidian.orders.api;

import static com.zhidian.core.auth.Role.OWNER;
import static com.zhidian.core.auth.Role.STAFF;

import com.zhidian.core.http.Fields;
import com.zhidian.core.http.Response;
import com.zhidian.core.http.Routes;
import com.zhidian.orders.application.OrdersService;
import com.zhidian.orders.domain.OrderRules;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

/** The tenant's order settings: minutes to pay before an unpaid order is cancelled (owner sets, staff read). */
final class OrderSettingsRoutes {
    private final OrdersService orders;

    OrderSettingsRoutes(OrdersService orders) {
        this.orders = orders;
    }

    Routes declare(Routes routes) {
        return routes
                .on("GET /orders-settings", Set.of(OWNER, STAFF), r -> Response.ok(view(orders.payMinutes(r.caller().tenantId()))))
                .on("PUT /orders-settings", Set.of(OWNER), r -> {
                    Fields f = r.fields("payMinutes");
                    Long m = f.requiredLong("payMinutes", OrderRules.MIN_PAY_MINUTES, OrderRules.MAX_PAY_MINUTES);
                    f.check();
                    orders.setPayMinutes(r.caller().tenantId(), m.intValue());
                    return Response.ok(view(m.intValue()));
                });
    }

    private static Map<String, Object> view(int minutes) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("payMinutes", minutes);
        m.put("minPayMinutes", OrderRules.MIN_PAY_MINUTES);
        m.put("maxPayMinutes", OrderRules.MAX_PAY_MINUTES);
        return m;
    }
}
