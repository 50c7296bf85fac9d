package com.zhidian.merchants.api;

import com.zhidian.core.http.ApiFunction;
import com.zhidian.core.http.Platform;
import com.zhidian.core.http.Routes;
import com.zhidian.merchants.application.Merchants;

/** The merchants function: merchants and counters, the complaints inbox, and the public credit pages. */
public final class MerchantsHandler extends ApiFunction {

    public MerchantsHandler() {
        this(Platform.fromEnvironment());
    }

    private MerchantsHandler(Platform platform) {
        this(platform, Merchants.wire(platform.db(), platform.clock()));
    }

    public MerchantsHandler(Platform platform, Merchants m) {
        super(routes(platform, m), platform);
    }

    private static Routes routes(Platform platform, Merchants m) {
        Routes routes = new Routes(MerchantsProblems.TABLE);
        new MerchantsRoutes(m.merchants(), m.counterLinks()).declare(routes);
        new ComplaintsRoutes(m.merchants(), m.complaintLinks()).declare(routes);
        new CreditRoutes(m.merchants(), m.counterLinks(), m.complaintLinks(), platform.tenants(), platform.limiter(), m.clock()).declare(routes);
        return routes;
    }
}
