package com.zhidian.guide.api;

import static com.zhidian.core.auth.Role.OWNER;
import static com.zhidian.core.auth.Role.STAFF;

import com.zhidian.core.http.Fields;
import com.zhidian.core.http.Language;
import com.zhidian.core.http.Request;
import com.zhidian.core.http.Response;
import com.zhidian.core.http.Routes;
import com.zhidian.guide.application.GuideService;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.Set;

/** The store's events and notices for customers (shown on the guide on the days they run). */
final class EventRoutes {
    /** An event runs at most this long (a season's notice); longer ones are usually a mistake in the year. */
    static final Duration LONGEST = Duration.ofDays(120);
    private final GuideService s;

    EventRoutes(GuideService s) {
        this.s = s;
    }

    Routes declare(Routes routes) {
        return routes
                .on("GET /stores/{storeId}/guide-events", Set.of(OWNER, STAFF),
                        r -> Response.ok(Views.events(s.events(r.caller(), r.pathId("storeId"), r.limit(), r.query("cursor")))))
                .on("POST /stores/{storeId}/guide-events", Set.of(OWNER, STAFF),
                        r -> Response.created(Views.event(s.addEvent(r.caller(), r.pathId("storeId"), draft(r)))))
                .on("GET /stores/{storeId}/guide-events/{eventId}", Set.of(OWNER, STAFF),
                        r -> Response.ok(Views.event(s.event(r.caller(), r.pathId("storeId"), r.pathId("eventId")))))
                .on("PUT /stores/{storeId}/guide-events/{eventId}", Set.of(OWNER, STAFF),
                        r -> Response.ok(Views.event(s.changeEvent(r.caller(), r.pathId("storeId"), r.pathId("eventId"), draft(r)))))
                .on("DELETE /stores/{storeId}/guide-events/{eventId}", Set.of(OWNER, STAFF), r -> {
                    s.deleteEvent(r.caller(), r.pathId("storeId"), r.pathId("eventId"));
                    return Response.noContent();
                });
    }

    private static GuideService.EventDraft draft(Request r) {
        Fields f = r.fields("title", "body", "startsAt", "endsAt", "zoneId");
        boolean zh = r.language() == Language.ZH;
        String title = f.requiredString("title", 1, 60);
        String body = f.optionalString("body", 0, 500);
        Instant from = instant(f, "startsAt", zh);
        Instant to = instant(f, "endsAt", zh);
        String zoneId = f.optionalMatching("zoneId", MapRoutes.ZONE_ID, "letters, digits, _ and - (1 to 24)");
        if (from != null && to != null) {
            if (!to.isAfter(from)) f.reject("endsAt", "before_start", zh ? "必须晚于开始时间" : "must be after startsAt");
            else if (Duration.between(from, to).compareTo(LONGEST) > 0) f.reject("endsAt", Fields.OUT_OF_RANGE, zh ? "活动最长 120 天" : "an event lasts at most 120 days");
        }
        f.check();
        return new GuideService.EventDraft(title.trim(), body == null || body.isBlank() ? null : body.trim(), from, to, zoneId);
    }

    private static Instant instant(Fields f, String field, boolean zh) {
        String v = f.requiredString(field, 1, 40);
        if (v == null) return null;
        try {
            return OffsetDateTime.parse(v).toInstant();
        } catch (DateTimeParseException e) {
            f.reject(field, Fields.INVALID_FORMAT, zh ? "须为带时区的 ISO-8601 时间，如 2026-12-05T10:00:00+08:00"
                    : "must be an ISO-8601 time with an offset, such as 2026-12-05T10:00:00+08:00");
            return null;
        }
    }
}
