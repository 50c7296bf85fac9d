package com.zhidian.office.api;

import static com.zhidian.core.auth.Role.OWNER;
import static com.zhidian.core.auth.Role.STAFF;

import com.zhidian.core.http.Fields;
import com.zhidian.core.http.Formats;
import com.zhidian.core.http.Request;
import com.zhidian.core.http.Response;
import com.zhidian.core.http.Routes;
import com.zhidian.core.http.Language;
import com.zhidian.office.application.PatrolService;
import com.zhidian.office.application.VideoPatrolService;
import com.zhidian.office.domain.Checkpoint;
import com.zhidian.office.domain.PatrolRules;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

/** The owner sets up a store's patrols: checkpoints (with the QR to print) and routes with their rounds; staff read them. */
final class PatrolSetupRoutes {
    static final Pattern TIME = Pattern.compile("([01][0-9]|2[0-3]):[0-5][0-9]");
    static final Pattern NFC = Pattern.compile("[0-9A-Fa-f:]{4,64}");
    private final PatrolService patrols;
    private final VideoPatrolService video;
    private final Clock clock;

    PatrolSetupRoutes(PatrolService patrols, VideoPatrolService video, Clock clock) {
        this.patrols = patrols;
        this.video = video;
        this.clock = clock;
    }

    Routes declare(Routes routes) {
        return routes
                .on("POST /stores/{storeId}/checkpoints", Set.of(OWNER), this::createCheckpoint)
                .on("GET /stores/{storeId}/checkpoints", Set.of(OWNER, STAFF), r -> Response.ok(Views.page(
                        patrols.checkpoints(r.caller(), r.pathId("storeId")).stream()
                                .map(c -> Views.checkpoint(c, patrols.tag(r.caller().tenantId(), c))).toList(), null)))
                .on("POST /stores/{storeId}/patrol-routes", Set.of(OWNER), this::createRoute)
                .on("GET /stores/{storeId}/patrol-routes", Set.of(OWNER, STAFF), r -> Response.ok(Views.page(
                        patrols.routes(r.caller(), r.pathId("storeId")).stream().map(Views::route).toList(), null)));
    }

    private Response createCheckpoint(Request r) {
        String storeId = r.pathId("storeId");
        Fields f = r.fields("name", "place", "nfcTagId", "cameraDeviceId");
        String name = f.requiredString("name", 1, 50);
        String place = f.requiredString("place", 1, 100);
        String nfc = f.optionalMatching("nfcTagId", NFC, "must be the tag's UID in hex, such as 04:A2:2B:1C");
        String camera = f.optionalMatching("cameraDeviceId", Formats.ID, "must be a device id");
        if (nfc != null && camera != null) {
            f.reject("nfcTagId", "patrol.tag_with_camera", r.language() == Language.ZH ? "摄像头巡更点不设 NFC 标签" : "must not be given with cameraDeviceId");
        }
        f.check();
        Checkpoint c = camera != null ? video.createCameraCheckpoint(r.caller(), storeId, name.trim(), place.trim(), camera)
                : patrols.createCheckpoint(r.caller(), storeId, name.trim(), place.trim(), nfc == null ? null : nfc.toUpperCase());
        return Response.created(Views.checkpoint(c, patrols.tag(r.caller().tenantId(), c)));
    }

    private Response createRoute(Request r) {
        String storeId = r.pathId("storeId");
        Fields f = r.fields("name", "checkpointIds", "times", "toleranceMinutes", "staffIds", "effectiveFrom");
        String name = f.requiredString("name", 1, 50);
        List<String> checkpoints = list(f, "checkpointIds", 30, Formats.ID, "must be checkpoint ids");
        List<String> times = list(f, "times", 24, TIME, "must be times of day as HH:mm, such as 21:30");
        Long tolerance = f.requiredLong("toleranceMinutes", PatrolRules.MIN_TOLERANCE, PatrolRules.MAX_TOLERANCE);
        List<String> staff = f.optionalStrings("staffIds", 50, Formats.ID, "must be login ids");
        Instant from = effectiveFrom(f);
        f.check();
        return Response.created(Views.route(patrols.createRoute(r.caller(), storeId, new PatrolService.NewRoute(name.trim(), checkpoints, times,
                tolerance.intValue(), staff == null ? List.of() : staff, from))));
    }

    private static List<String> list(Fields f, String field, int max, Pattern each, String rule) {
        if (!f.has(field)) {
            f.reject(field, Fields.REQUIRED, "is required");
            return List.of();
        }
        List<String> v = f.optionalStrings(field, max, each, rule);
        if (v != null && v.isEmpty()) f.reject(field, Fields.TOO_FEW, "must hold at least one item");
        return v == null ? List.of() : v;
    }

    /** From when rounds count: by default now; the owner may date it back a day at most (a route entered after its first round). */
    private Instant effectiveFrom(Fields f) {
        String v = f.optionalString("effectiveFrom", 1, 40);
        if (v == null) return null;
        try {
            Instant at = Instant.parse(v);
            Instant now = clock.instant();
            if (at.isBefore(now.minus(PatrolRules.LOOKBACK)) || at.isAfter(now.plus(Duration.ofDays(366)))) {
                f.reject("effectiveFrom", Fields.OUT_OF_RANGE, "must be within a day back and a year ahead");
                return null;
            }
            return at;
        } catch (DateTimeParseException e) {
            f.reject("effectiveFrom", Fields.INVALID_FORMAT, "must be a date-time such as 2026-12-04T08:00:00Z");
            return null;
        }
    }
}
