package com.zhidian.office.api;

import static com.zhidian.core.auth.Role.OWNER;
import static com.zhidian.core.auth.Role.STAFF;

import com.zhidian.core.http.Fields;
import com.zhidian.core.http.Language;
import com.zhidian.core.http.Request;
import com.zhidian.core.http.Response;
import com.zhidian.core.http.Routes;
import com.zhidian.office.application.VideoPatrolService;
import com.zhidian.office.domain.VideoPatrol;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/** The tenant's patrol settings: how long camera snapshots are kept (one of the bucket's lifecycle rules). */
final class PatrolSettingsRoutes {
    private final VideoPatrolService video;

    PatrolSettingsRoutes(VideoPatrolService video) {
        this.video = video;
    }

    Routes declare(Routes routes) {
        return routes
                .on("GET /patrol-settings", Set.of(OWNER, STAFF), r -> Response.ok(view(video.retentionDays(r.caller().tenantId()))))
                .on("PUT /patrol-settings", Set.of(OWNER), this::put);
    }

    private Response put(Request r) {
        Fields f = r.fields("snapshotRetentionDays");
        Long days = f.requiredLong("snapshotRetentionDays", 1, 3650);
        if (days != null && !VideoPatrol.RETENTION_DAYS.contains(days.intValue())) {
            String choices = VideoPatrol.RETENTION_DAYS.stream().sorted().map(String::valueOf).collect(Collectors.joining(", "));
            f.reject("snapshotRetentionDays", Fields.NOT_IN_LIST, r.language() == Language.ZH ? "必须是以下天数之一：" + choices : "must be one of " + choices + " days");
        }
        f.check();
        return Response.ok(view(video.setRetentionDays(r.caller(), days.intValue())));
    }

    private static Map<String, Object> view(int days) {
        return Map.of("snapshotRetentionDays", days, "choices", VideoPatrol.RETENTION_DAYS.stream().sorted().toList());
    }
}
