package com.zhidian.approvals.api;

import com.zhidian.approvals.application.Approvals;
import com.zhidian.core.http.ApiFunction;
import com.zhidian.core.http.Platform;
import com.zhidian.core.http.Routes;

/** The approvals context's Lambda function (ApprovalsFunction): the owner's rules, staff's requests, the owner's decisions. */
public final class ApprovalsHandler extends ApiFunction {
    public ApprovalsHandler() {
        this(Platform.fromEnvironment());
    }

    private ApprovalsHandler(Platform platform) {
        this(platform, Approvals.wire(platform.db(), platform.clock()));
    }

    public ApprovalsHandler(Platform platform, Approvals a) {
        super(routes(a), platform);
    }

    static Routes routes(Approvals a) {
        Routes routes = new Routes(ApprovalsProblems.TABLE);
        new ApprovalsRoutes(a.approvals()).declare(routes);
        return routes;
    }
}
