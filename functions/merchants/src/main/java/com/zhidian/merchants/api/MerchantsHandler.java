package com.zhidian.merchants.api;

import com.zhidian.core.http.ApiFunction;
import com.zhidian.core.http.Platform;
import com.zhidian.core.http.Routes;
import com.zhidian.merchants.application.Merchants;

/** The merchants function: merchants and counters, the complaints inbox, and the public credit pages. */
public final class MerchantsHandler extends ApiFunction {

    /** The body limit of this function: a complaint's photo of up to 1 MiB comes base64 in its JSON (about 1.4 MB). */
    static final long MAX_BODY_BYTES = 1_500_000;

    public MerchantsHandler() {
        this(withPhotoBody(Platform.fromEnvironment()));
    }

    /** The platform with room for a complaint's photo (the other functions keep the stage's 256 KiB). */
    static Platform withPhotoBody(Platform p) {
        return new Platform(p.db(), p.tenants(), p.limiter(), p.idempotency(), p.audit(), p.clock(), Math.max(p.maxBodyBytes(), MAX_BODY_BYTES));
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
