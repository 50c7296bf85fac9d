package com.zhidian.merchants.api;

import com.zhidian.core.http.ApiFunction;
import com.zhidian.core.http.Platform;
import com.zhidian.core.http.Routes;
import com.zhidian.merchants.application.Merchants;

/** The merchants function: merchants and counters, the complaints inbox, and the public credit pages. */
public final class MerchantsHandler extends ApiFunction {

    /** The body limit of a complaint filed with a photo: up to 1 MiB comes base64 in its JSON (about 1.4 MB). */
    static final long MAX_BODY_BYTES = 1_500_000;
    private static final String FILE_COMPLAINT = "POST /credit/{counterId}/complaints";

    public MerchantsHandler() {
        this(Platform.fromEnvironment());
    }

    private MerchantsHandler(Platform platform) {
        this(platform, Merchants.wire(platform.db(), platform.clock()));
    }

    public MerchantsHandler(Platform platform, Merchants m) {
        super(routes(platform, m), platform);
    }

    /** Room for a photo on the one route that takes one; every other route keeps the stage's limit. */
    @Override
    protected long maxBodyBytes(String routeKey) {
        return FILE_COMPLAINT.equals(routeKey) ? Math.max(super.maxBodyBytes(routeKey), MAX_BODY_BYTES) : super.maxBodyBytes(routeKey);
    }

    private static Routes routes(Platform platform, Merchants m) {
        Routes routes = new Routes(MerchantsProblems.TABLE);
        new MerchantsRoutes(m.merchants(), m.counterLinks()).declare(routes);
        new ComplaintsRoutes(m.merchants(), m.complaintLinks()).declare(routes);
        new CreditRoutes(m.merchants(), m.counterLinks(), m.complaintLinks(), platform.tenants(), platform.limiter(), m.clock()).declare(routes);
        return routes;
    }
}
