package com.zhidian.telemetry.api;

import static com.zhidian.core.auth.Role.OWNER;
import static com.zhidian.core.auth.Role.STAFF;

import com.zhidian.core.http.Request;
import com.zhidian.core.http.Response;
import com.zhidian.core.http.Routes;
import com.zhidian.telemetry.application.AlertService;
import java.util.Set;

/** A store's alerts (the list, its history, one alert), acknowledge and resolve, and the in-app notifications. */
final class AlertsRoutes {
    private final AlertService alerts;

    AlertsRoutes(AlertService alerts) {
        this.alerts = alerts;
    }

    Routes declare(Routes routes) {
        return routes
                .on("GET /alerts", Set.of(OWNER, STAFF), r -> Response.ok(Views.page(
                        alerts.list(r.caller(), Inputs.storeId(r), Inputs.state(r), r.limit(), r.query("cursor")), a -> Views.alert(a, r.language()))))
                .on("GET /alerts/{alertId}", Set.of(OWNER, STAFF), r -> Response.ok(Views.alert(alerts.get(r.caller(), r.pathId("alertId")), r.language())))
                .on("POST /alerts/{alertId}/acknowledge", Set.of(OWNER, STAFF), r -> change(r, false))
                .on("POST /alerts/{alertId}/resolve", Set.of(OWNER, STAFF), r -> change(r, true))
                .on("GET /notifications", Set.of(OWNER, STAFF), r -> Response.ok(Views.page(
                        alerts.notifications(r.caller(), Inputs.storeId(r), r.limit(), r.query("cursor")), n -> Views.notification(n, r.language()))));
    }

    /** The body is optional: nothing, or {} (an empty object); any field is refused. */
    private Response change(Request r, boolean resolve) {
        if (!r.bodyText().isBlank()) r.fields().check();
        String id = r.pathId("alertId");
        return Response.ok(Views.alert(resolve ? alerts.resolve(r.caller(), id) : alerts.acknowledge(r.caller(), id), r.language()));
    }
}
