package com.zhidian.coupons.api;

import com.zhidian.core.http.ApiFunction;
import com.zhidian.core.http.Platform;
import com.zhidian.core.http.Routes;
import com.zhidian.coupons.application.CouponService;
import com.zhidian.coupons.application.CouponsComposition;

/** The coupons function: templates (owner), coupons in store (staff), and a customer's own coupons. */
public final class CouponsHandler extends ApiFunction {

    /** What Lambda calls: the real service over the SDK clients. */
    public CouponsHandler() {
        this(Platform.fromEnvironment());
    }

    private CouponsHandler(Platform platform) {
        this(platform, CouponsComposition.fromEnvironment(platform.tenants(), platform.clock()));
    }

    public CouponsHandler(Platform platform, CouponService service) {
        super(new Routes(CouponProblems.TABLE), platform);
        TemplatesRoutes.register(routes(), service);
        InStoreRoutes.register(routes(), service);
        MyCouponsRoutes.register(routes(), service);
    }
}
