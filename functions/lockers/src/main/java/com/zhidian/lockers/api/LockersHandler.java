package com.zhidian.lockers.api;

import com.zhidian.core.http.ApiFunction;
import com.zhidian.core.http.Platform;
import com.zhidian.core.http.Routes;
import com.zhidian.lockers.application.Lockers;

/** The lockers context's Lambda function (LockersFunction): a store's lockers, deposits, jams, removals, pickup codes. */
public final class LockersHandler extends ApiFunction {
    public LockersHandler() {
        this(Platform.fromEnvironment());
    }

    private LockersHandler(Platform platform) {
        this(platform, Lockers.wire(platform.db(), platform.tenants(), platform.clock()));
    }

    public LockersHandler(Platform platform, Lockers l) {
        super(routes(l), platform);
    }

    static Routes routes(Lockers l) {
        Routes routes = new Routes(LockersProblems.TABLE);
        new LockersRoutes(l.lockers()).declare(routes);
        return routes;
    }
}
