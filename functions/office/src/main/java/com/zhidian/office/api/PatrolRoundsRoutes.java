package com.zhidian.office.api;

import static com.zhidian.core.auth.Role.OWNER;
import static com.zhidian.core.auth.Role.STAFF;

import com.zhidian.core.errors.ApiException;
import com.zhidian.core.http.Fields;
import com.zhidian.core.http.Formats;
import com.zhidian.core.http.Request;
import com.zhidian.core.http.Response;
import com.zhidian.core.http.Routes;
import com.zhidian.office.application.PatrolService;
import com.zhidian.office.application.VideoPatrolService;
import com.zhidian.office.domain.PatrolAlert;
import java.util.Set;

/** Staff check in at checkpoints; the owner and staff read a store's rounds and handle patrol alerts. */
final class PatrolRoundsRoutes {
    static final Set<String> ALERT_STATES = Set.of(PatrolAlert.OPEN, PatrolAlert.RESOLVED);
    private final PatrolService patrols;
    private final VideoPatrolService video;

    PatrolRoundsRoutes(PatrolService patrols, VideoPatrolService video) {
        this.patrols = patrols;
        this.video = video;
    }

    Routes declare(Routes routes) {
        return routes
                .on("POST /patrol/check-ins", Set.of(OWNER, STAFF), this::checkIn)
                .on("GET /stores/{storeId}/patrol-rounds", Set.of(OWNER, STAFF), r -> {
                    var page = patrols.rounds(r.caller(), r.pathId("storeId"), r.limit(), r.query("cursor"));
                    return Response.ok(Views.page(page.items().stream().map(x -> Views.round(x, video::snapshotUrl)).toList(), page.nextCursor()));
                })
                .on("GET /patrol-alerts", Set.of(OWNER, STAFF), this::alerts)
                .on("POST /patrol-alerts/{patrolAlertId}/resolve", Set.of(OWNER, STAFF),
                        r -> Response.ok(Views.alert(patrols.resolve(r.caller(), r.pathId("patrolAlertId")))));
    }

    private Response checkIn(Request r) {
        Fields f = r.fields("code");
        String code = f.requiredString("code", 1, 300);
        f.check();
        return Response.ok(Views.round(patrols.checkIn(r.caller(), code.trim()), video::snapshotUrl));
    }

    private Response alerts(Request r) {
        String storeId = r.query("storeId");
        if (storeId != null && !Formats.ID.matcher(storeId).matches()) throw ApiException.badRequest("storeId", "must be a store id");
        String state = r.query("state");
        if (state != null && !ALERT_STATES.contains(state)) throw ApiException.badRequest("state", "must be open or resolved");
        var page = patrols.alerts(r.caller(), storeId, state, r.limit(), r.query("cursor"));
        return Response.ok(Views.page(page.items().stream().map(Views::alert).toList(), page.nextCursor()));
    }
}
