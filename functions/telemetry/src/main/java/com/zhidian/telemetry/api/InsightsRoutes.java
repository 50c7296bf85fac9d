package com.zhidian.telemetry.api;

import static com.zhidian.core.auth.Role.OWNER;
import static com.zhidian.core.auth.Role.STAFF;

import com.zhidian.core.http.Response;
import com.zhidian.core.http.Routes;
import com.zhidian.telemetry.application.InsightsService;
import java.time.Clock;
import java.util.Set;

/** A store's day: energy against the baseline, temperature and air by zone, traffic. */
final class InsightsRoutes {
    private final InsightsService insights;
    private final Clock clock;

    InsightsRoutes(InsightsService insights, Clock clock) {
        this.insights = insights;
        this.clock = clock;
    }

    Routes declare(Routes routes) {
        return routes
                .on("GET /stores/{storeId}/energy", Set.of(OWNER, STAFF), r -> Response.ok(Views.energy(r.pathId("storeId"),
                        insights.energy(r.caller(), r.pathId("storeId"), Inputs.day(r, clock)))))
                .on("GET /stores/{storeId}/environment", Set.of(OWNER, STAFF), r -> Response.ok(Views.environment(r.pathId("storeId"),
                        insights.environment(r.caller(), r.pathId("storeId"), Inputs.day(r, clock)),
                        insights.drops(r.caller(), r.pathId("storeId"), clock.instant()))))
                .on("GET /stores/{storeId}/traffic", Set.of(OWNER, STAFF), r -> Response.ok(Views.traffic(r.pathId("storeId"),
                        insights.traffic(r.caller(), r.pathId("storeId"), Inputs.day(r, clock)))));
    }
}
