package com.zhidian.reports.api;

import static com.zhidian.core.auth.Role.OWNER;
import static com.zhidian.core.auth.Role.STAFF;

import com.zhidian.core.http.Request;
import com.zhidian.core.http.Response;
import com.zhidian.core.http.Routes;
import com.zhidian.reports.application.SalesReports;
import com.zhidian.reports.domain.SalesGrouping;
import java.util.Set;

/** /reports/sales: JSON, CSV ({@code Accept: text/csv}) and XLSX; owners see every store, staff their own. */
final class SalesRoutes {
    private final SalesReports sales;

    SalesRoutes(SalesReports sales) {
        this.sales = sales;
    }

    Routes declare(Routes routes) {
        return routes
                .on("GET /reports/sales", Set.of(OWNER, STAFF), this::sales)
                .on("GET /reports/sales.xlsx", Set.of(OWNER, STAFF), this::xlsx);
    }

    private SalesReports.Report report(Request r) {
        String groupBy = r.query("groupBy") == null ? "day" : r.query("groupBy");
        return sales.sales(r.caller(), SalesGrouping.date("from", r.query("from")), SalesGrouping.date("to", r.query("to")),
                r.query("storeId"), groupBy);
    }

    private Response sales(Request r) {
        SalesReports.Report report = report(r);
        String accept = r.header("Accept");
        if (accept != null && accept.toLowerCase().contains("text/csv")) {
            return Response.raw(200, Exports.csv(report), "text/csv; charset=utf-8")
                    .header("Content-Disposition", "attachment; filename=\"" + fileName(report) + ".csv\"");
        }
        return Response.ok(Views.sales(report));
    }

    private Response xlsx(Request r) {
        SalesReports.Report report = report(r);
        return Response.binary(200, Exports.xlsx(report), Exports.XLSX)
                .header("Content-Disposition", "attachment; filename=\"" + fileName(report) + ".xlsx\"");
    }

    private static String fileName(SalesReports.Report r) {
        return "sales-" + r.groupBy() + "-" + r.from() + "-" + r.to();
    }
}
