package com.zhidian.reports.api;

import com.zhidian.core.http.ApiFunction;
import com.zhidian.core.http.Platform;
import com.zhidian.core.http.Routes;
import com.zhidian.reports.application.Reports;

/** The reports function (sales reports and their exports over HTTP): the rails of {@link ApiFunction} around its routes. */
public final class ReportsHandler extends ApiFunction {

    public ReportsHandler() {
        this(Platform.fromEnvironment());
    }

    private ReportsHandler(Platform platform) {
        this(platform, Reports.wire(platform.db(), platform.tenants(), platform.clock()));
    }

    public ReportsHandler(Platform platform, Reports r) {
        super(routes(r), platform);
    }

    private static Routes routes(Reports r) {
        Routes routes = new Routes(ReportsProblems.TABLE);
        new SalesRoutes(r.sales()).declare(routes);
        new TrafficRoutes(r.traffic()).declare(routes);
        new MemberRoutes(r.members()).declare(routes);
        return routes;
    }
}
