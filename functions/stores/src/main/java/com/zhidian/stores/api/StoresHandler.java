package com.zhidian.stores.api;

import com.zhidian.core.http.ApiFunction;
import com.zhidian.core.http.Platform;
import com.zhidian.core.http.Routes;
import com.zhidian.stores.application.Stores;
import com.zhidian.stores.application.StoresService;

/** The stores function: stores, staff logins and the audit trail of the caller's tenant. */
public final class StoresHandler extends ApiFunction {

    /** What Lambda calls: the real service over the SDK clients. */
    public StoresHandler() {
        this(Platform.fromEnvironment());
    }

    private StoresHandler(Platform platform) {
        this(Stores.wire(platform.db(), platform.clock()), platform);
    }

    public StoresHandler(StoresService service, Platform platform) {
        super(routes(service, platform), platform);
    }

    private static Routes routes(StoresService service, Platform platform) {
        Routes routes = new Routes(StoresProblems.TABLE);
        new StoresRoutes(service).declare(routes);
        new StaffRoutes(service, platform.audit()).declare(routes);
        return routes;
    }
}
