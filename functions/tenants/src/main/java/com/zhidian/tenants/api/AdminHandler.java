package com.zhidian.tenants.api;

import com.zhidian.core.http.ApiFunction;
import com.zhidian.core.http.Platform;
import com.zhidian.core.http.Routes;
import com.zhidian.tenants.application.Tenants;
import com.zhidian.tenants.application.TenantsService;

/**
 * The provider's tenant administration: {@code /admin/tenants...}, role provider_admin only; and tenant billing's
 * Stripe webhook endpoint.
 */
public final class AdminHandler extends ApiFunction {

    /** What Lambda calls: the real service over the SDK clients. */
    public AdminHandler() {
        this(Platform.fromEnvironment());
    }

    private AdminHandler(Platform platform) {
        this(Tenants.wire(platform.db(), platform.clock()), new StripeBillingEvents(Tenants.billing(platform.db()), null), platform);
    }

    public AdminHandler(TenantsService service, StripeBillingEvents billingEvents, Platform platform) {
        super(new BillingWebhookRoutes(billingEvents).declare(new TenantsRoutes(service).declare(new Routes(TenantsProblems.TABLE))), platform);
    }
}
