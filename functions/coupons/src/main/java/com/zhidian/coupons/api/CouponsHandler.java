package com.zhidian.coupons.api;

import com.zhidian.core.aws.AwsClients;
import com.zhidian.core.http.ApiFunction;
import com.zhidian.core.http.Platform;
import com.zhidian.core.http.Routes;
import com.zhidian.coupons.application.CouponService;
import com.zhidian.coupons.application.CouponsComposition;
import com.zhidian.coupons.application.IssueJobs;

/** The coupons function: templates (owner), issue jobs (owner), coupons in store (staff), and a customer's own coupons. */
public final class CouponsHandler extends ApiFunction {

    /** What Lambda calls: the real service over the SDK clients. */
    public CouponsHandler() {
        this(Platform.fromEnvironment());
    }

    private CouponsHandler(Platform platform) {
        this(platform, CouponsComposition.fromEnvironment(platform.tenants(), platform.clock()));
    }

    private CouponsHandler(Platform platform, CouponService service) {
        this(platform, service, CouponsComposition.issueJobs(service, AwsClients.dynamo()));
    }

    public CouponsHandler(Platform platform, CouponService service, IssueJobs issues) {
        super(new Routes(CouponProblems.TABLE), platform);
        TemplatesRoutes.register(routes(), service, com.zhidian.approvals.application.Approvals.gate(platform.db(), platform.clock()));
        IssueRoutes.register(routes(), service, issues);
        InStoreRoutes.register(routes(), service);
        MyCouponsRoutes.register(routes(), service);
    }
}
