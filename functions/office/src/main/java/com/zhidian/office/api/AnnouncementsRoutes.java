package com.zhidian.office.api;

import static com.zhidian.core.auth.Role.OWNER;
import static com.zhidian.core.auth.Role.STAFF;

import com.zhidian.core.http.Fields;
import com.zhidian.core.http.Formats;
import com.zhidian.core.http.Request;
import com.zhidian.core.http.Response;
import com.zhidian.core.http.Routes;
import com.zhidian.office.application.AnnouncementService;
import com.zhidian.office.domain.Announcement;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

/** The owner posts announcements and sees who read them; staff read theirs and mark them read. */
final class AnnouncementsRoutes {
    static final Pattern ROLE = Pattern.compile("staff|owner");
    private final AnnouncementService announcements;

    AnnouncementsRoutes(AnnouncementService announcements) {
        this.announcements = announcements;
    }

    Routes declare(Routes routes) {
        return routes
                .on("POST /announcements", Set.of(OWNER), this::post)
                .on("GET /announcements", Set.of(OWNER, STAFF), r -> {
                    List<AnnouncementService.Seen> seen = announcements.mine(r.caller());
                    return Response.ok(Views.announcements(seen));
                })
                .on("POST /announcements/{announcementId}/read", Set.of(OWNER, STAFF),
                        r -> Response.ok(Views.announcement(announcements.read(r.caller(), r.pathId("announcementId")))))
                .on("GET /announcements/{announcementId}/receipts", Set.of(OWNER),
                        r -> Response.ok(Views.receipts(announcements.receipts(r.caller(), r.pathId("announcementId")))));
    }

    private Response post(Request r) {
        Fields f = r.fields("title", "body", "storeIds", "roles");
        String title = f.requiredString("title", 1, 100);
        String body = f.requiredString("body", 1, 4000);
        List<String> stores = f.optionalStrings("storeIds", 100, Formats.ID, "must be store ids");
        List<String> roles = f.optionalStrings("roles", 2, ROLE, "must be staff or owner");
        if (roles != null && roles.isEmpty()) f.reject("roles", Fields.TOO_FEW, "must name at least one role");
        f.check();
        Announcement a = announcements.post(r.caller(), title.trim(), body.strip(), stores == null ? List.of() : stores,
                roles == null ? List.of("staff") : roles);
        return Response.created(Views.announcement(new AnnouncementService.Seen(a, false)));
    }
}
