package com.zhidian.campaigns.api;

import static com.zhidian.core.auth.Role.OWNER;

import com.zhidian.campaigns.application.SegmentService;
import com.zhidian.campaigns.domain.PushSettings;
import com.zhidian.core.http.Fields;
import com.zhidian.core.http.Request;
import com.zhidian.core.http.Response;
import com.zhidian.core.http.Routes;
import java.time.LocalTime;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/** The owner's campaign settings: quiet hours in the tenant's zone and the weekly frequency cap. */
final class SettingsRoutes {
    private static final Pattern HH_MM = Pattern.compile("([01][0-9]|2[0-3]):[0-5][0-9]");
    private final SegmentService segments;

    SettingsRoutes(SegmentService segments) {
        this.segments = segments;
    }

    Routes declare(Routes routes) {
        return routes
                .on("GET /campaign-settings", Set.of(OWNER), r -> Response.ok(view(segments.settings(r.caller().tenantId()))))
                .on("PUT /campaign-settings", Set.of(OWNER), this::put);
    }

    private Response put(Request r) {
        Fields f = r.fields("quietHoursFrom", "quietHoursUntil", "frequencyCap");
        String from = f.requiredMatching("quietHoursFrom", HH_MM, "must be a time like 21:00");
        String until = f.requiredMatching("quietHoursUntil", HH_MM, "must be a time like 08:00");
        Long cap = f.requiredLong("frequencyCap", 1, PushSettings.MAX_CAP);
        f.check();
        PushSettings s = new PushSettings(LocalTime.parse(from), LocalTime.parse(until), cap.intValue());
        return Response.ok(view(segments.saveSettings(r.caller().tenantId(), s)));
    }

    private static Map<String, Object> view(PushSettings s) {
        Map<String, Object> v = new LinkedHashMap<>();
        v.put("quietHoursFrom", s.quietFrom().toString());
        v.put("quietHoursUntil", s.quietUntil().toString());
        v.put("frequencyCap", s.frequencyCap());
        v.put("frequencyWindowDays", 7);
        return v;
    }
}
