package com.zhidian.parking.api;

import static com.zhidian.core.auth.Role.OWNER;
import static com.zhidian.core.auth.Role.STAFF;

import com.zhidian.core.errors.ApiException;
import com.zhidian.core.http.Fields;
import com.zhidian.core.http.Request;
import com.zhidian.core.http.Response;
import com.zhidian.core.http.Routes;
import com.zhidian.core.links.SignedLinks;
import com.zhidian.core.paging.Page;
import com.zhidian.parking.application.ParkingService;
import com.zhidian.parking.domain.CarPark;
import com.zhidian.parking.domain.FreeHours;
import com.zhidian.parking.domain.Session;
import com.zhidian.parking.domain.Tariff;
import com.zhidian.parking.domain.Zone;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/** A store's car park for the owner (set-up, tariff) and staff (occupancy, stays, a day's chart and revenue). */
final class CarParkRoutes {
    static final Pattern ZONE = Pattern.compile("[A-Za-z0-9\\u4e00-\\u9fff_-]{1,16}");
    private final ParkingService s;
    private final SignedLinks links;

    CarParkRoutes(ParkingService s, SignedLinks links) {
        this.s = s;
        this.links = links;
    }

    Routes declare(Routes routes) {
        return routes
                .on("PUT /stores/{storeId}/car-park", Set.of(OWNER), this::setUp)
                .on("GET /stores/{storeId}/car-park", Set.of(OWNER, STAFF), r -> {
                    String storeId = r.pathId("storeId");
                    CarPark p = s.carPark(r.caller(), storeId);
                    return Response.ok(Views.carPark(p, s.inside(r.caller().tenantId(), storeId), links.sign(r.caller().tenantId(), storeId)));
                })
                .on("GET /stores/{storeId}/car-park/sessions", Set.of(OWNER, STAFF), r -> {
                    String status = r.query("status");
                    if (status != null && !Session.STATES.contains(status)) {
                        throw ApiException.badRequest("status", "must be one of " + String.join(", ", Session.STATES.stream().sorted().toList()));
                    }
                    Page<Session> page = s.sessions(r.caller(), r.pathId("storeId"), status, r.limit(), r.query("cursor"));
                    Map<String, Object> o = new LinkedHashMap<>();
                    o.put("items", page.items().stream().map(Views::session).toList());
                    o.put("nextCursor", page.nextCursor());
                    return Response.ok(o);
                })
                .on("GET /stores/{storeId}/car-park/day", Set.of(OWNER, STAFF), r -> Response.ok(Views.day(s.day(r.caller(), r.pathId("storeId"),
                        date(r.query("date"))))));
    }

    private static LocalDate date(String v) {
        if (v == null) throw ApiException.badRequest("date", "is required (YYYY-MM-DD)");
        try {
            if (!v.matches("[0-9]{4}-[0-9]{2}-[0-9]{2}")) throw new DateTimeParseException("format", v, 0);
            return LocalDate.parse(v);
        } catch (DateTimeParseException e) {
            throw ApiException.badRequest("date", "must be a date such as 2026-12-04");
        }
    }

    private Response setUp(Request r) {
        Fields f = r.fields("name", "zones", "tariff", "memberFreeHours", "graceMinutes");
        String name = f.requiredString("name", 1, 60);
        List<Zone> zones = new ArrayList<>();
        for (Fields z : f.requiredObjects("zones", 1, 50, Set.of("zone", "spaces"))) {
            String zone = z.requiredMatching("zone", ZONE, "letters, digits, Chinese characters, _ and - (1 to 16)");
            Long spaces = z.requiredLong("spaces", 1, 10_000);
            if (zone != null && spaces != null) zones.add(new Zone(zone, spaces.intValue()));
        }
        Fields t = f.requiredObject("tariff", Set.of("perHourFen", "freeMinutes", "dailyCapFen"));
        Tariff tariff = null;
        if (t != null) {
            Long perHour = t.requiredLong("perHourFen", 0, Tariff.MAX_FEN);
            Long free = t.requiredLong("freeMinutes", 0, Tariff.MAX_FREE_MINUTES);
            Long cap = t.requiredLong("dailyCapFen", 0, Tariff.MAX_FEN);
            if (perHour != null && free != null && cap != null) tariff = new Tariff(perHour, free.intValue(), cap);
        }
        List<FreeHours> freeHours = new ArrayList<>();
        if (f.has("memberFreeHours")) {
            for (Fields h : f.requiredObjects("memberFreeHours", 0, 10, Set.of("spendFen", "hours"))) {
                Long spend = h.requiredLong("spendFen", 1, 100_000_000);
                Long hours = h.requiredLong("hours", 1, 24);
                if (spend != null && hours != null) freeHours.add(new FreeHours(spend, hours.intValue()));
            }
        }
        Long grace = f.requiredLong("graceMinutes", 0, 120);
        f.check();
        String storeId = r.pathId("storeId");
        CarPark p = s.setUp(r.caller(), storeId, name.trim(), zones, tariff, freeHours, grace.intValue());
        return Response.ok(Views.carPark(p, s.inside(r.caller().tenantId(), storeId), links.sign(r.caller().tenantId(), storeId)));
    }
}
