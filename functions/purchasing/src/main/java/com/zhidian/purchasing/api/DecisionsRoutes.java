package com.zhidian.purchasing.api;

import static com.zhidian.core.auth.Role.OWNER;
import static com.zhidian.core.auth.Role.STAFF;

import com.zhidian.core.http.Request;
import com.zhidian.core.http.Response;
import com.zhidian.core.http.Routes;
import com.zhidian.purchasing.application.Purchasing;
import java.util.Set;

/** Forecasts, replenishment suggestions and assortment hints of a store (owner, and staff of that store). */
final class DecisionsRoutes {
    static final int MAX_DAYS = 60;
    static final int DEFAULT_DAYS = 28;

    private final Purchasing p;

    DecisionsRoutes(Purchasing p) { this.p = p; }

    Routes declare(Routes routes) {
        return routes
                .on("GET /reports/forecast", Set.of(OWNER, STAFF), this::forecast)
                .on("GET /reports/assortment", Set.of(OWNER, STAFF), r -> Response.ok(Views.assortment(
                        p.assortment().hints(r.caller().tenantId(), Inputs.requiredStoreId(r)), r.language())))
                .on("GET /stores/{storeId}/replenishment", Set.of(OWNER, STAFF), this::replenishment);
    }

    private Response forecast(Request r) {
        String storeId = Inputs.requiredStoreId(r);
        String gtin = Inputs.requiredGtin(r);
        int days = r.queryInt("days", DEFAULT_DAYS, 1, MAX_DAYS);
        return Response.ok(Views.forecast(p.forecasts().forecast(r.caller().tenantId(), storeId, gtin, days)));
    }

    private Response replenishment(Request r) {
        String storeId = r.pathId("storeId");
        r.caller().requireStore(storeId);
        double level = Inputs.serviceLevel(r);
        return Response.ok(Views.replenishment(storeId, level, p.replenishment().suggest(r.caller().tenantId(), storeId, level),
                r.language()));
    }
}
