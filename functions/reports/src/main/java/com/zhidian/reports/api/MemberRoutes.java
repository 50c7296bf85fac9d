package com.zhidian.reports.api;

import static com.zhidian.core.auth.Role.OWNER;

import com.zhidian.core.http.Request;
import com.zhidian.core.http.Response;
import com.zhidian.core.http.Routes;
import com.zhidian.reports.application.MemberReports;
import com.zhidian.reports.domain.SalesGrouping;
import java.util.Set;

/** /reports/members: JSON, or CSV with {@code Accept: text/csv}; owners only (the points liability is the tenant's). */
final class MemberRoutes {
    private final MemberReports members;

    MemberRoutes(MemberReports members) {
        this.members = members;
    }

    Routes declare(Routes routes) {
        return routes.on("GET /reports/members", Set.of(OWNER), this::members);
    }

    private Response members(Request r) {
        String groupBy = r.query("groupBy") == null ? "day" : r.query("groupBy");
        MemberReports.Report report = members.members(r.caller(), SalesGrouping.date("from", r.query("from")),
                SalesGrouping.date("to", r.query("to")), r.query("storeId"), groupBy);
        String accept = r.header("Accept");
        if (accept != null && accept.toLowerCase().contains("text/csv")) {
            return Response.raw(200, MemberViews.csv(report), "text/csv; charset=utf-8").header("Content-Disposition",
                    "attachment; filename=\"members-" + report.groupBy() + "-" + report.from() + "-" + report.to() + ".csv\"");
        }
        return Response.ok(MemberViews.json(report));
    }
}
