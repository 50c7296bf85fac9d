package com.zhidian.reports.api;

import static com.zhidian.core.auth.Role.OWNER;
import static com.zhidian.core.auth.Role.STAFF;

import com.zhidian.core.errors.ApiException;
import com.zhidian.core.http.Request;
import com.zhidian.core.http.Response;
import com.zhidian.core.http.Routes;
import com.zhidian.reports.application.TrafficReports;
import com.zhidian.reports.domain.SalesGrouping;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** /reports/traffic: visitors, orders and conversion of one store by hour or day, and dwell by zone. */
final class TrafficRoutes {
    private final TrafficReports traffic;

    TrafficRoutes(TrafficReports traffic) {
        this.traffic = traffic;
    }

    Routes declare(Routes routes) {
        return routes.on("GET /reports/traffic", Set.of(OWNER, STAFF), this::traffic);
    }

    private Response traffic(Request r) {
        String storeId = r.query("storeId");
        if (storeId == null || storeId.isBlank()) throw ApiException.badRequest("storeId", "required");
        String groupBy = r.query("groupBy") == null ? "day" : r.query("groupBy");
        TrafficReports.Report t = traffic.traffic(r.caller(), SalesGrouping.date("from", r.query("from")), SalesGrouping.date("to", r.query("to")),
                storeId, groupBy);
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("groupBy", t.groupBy());
        m.put("from", t.from().toString());
        m.put("to", t.to().toString());
        m.put("storeId", t.storeId());
        List<Object> rows = new ArrayList<>();
        for (TrafficReports.Row x : t.rows()) rows.add(row(x));
        m.put("rows", rows);
        m.put("totals", row(t.totals()));
        List<Object> zones = new ArrayList<>();
        for (TrafficReports.Zone z : t.zones()) {
            Map<String, Object> zm = new LinkedHashMap<>();
            zm.put("zone", z.zone());
            zm.put("visitors", z.visitors());
            zm.put("dwellMinutes", z.dwellMinutes());
            zones.add(zm);
        }
        m.put("zones", zones);
        return Response.ok(m);
    }

    private static Map<String, Object> row(TrafficReports.Row x) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("key", x.key());
        m.put("visitors", x.visitors());
        m.put("orders", x.orders());
        m.put("net", x.net());
        m.put("conversion", x.conversion());
        return m;
    }
}
