package com.zhidian.tenants.api;

import com.zhidian.core.http.ApiFunction;
import com.zhidian.core.http.Platform;
import com.zhidian.core.http.Routes;
import com.zhidian.tenants.application.Tenants;
import com.zhidian.tenants.application.TenantsService;

/** The provider's tenant administration: {@code /admin/tenants...}, role provider_admin only. */
public final class AdminHandler extends ApiFunction {

    /** What Lambda calls: the real service over the SDK clients. */
    public AdminHandler() {
        this(Platform.fromEnvironment());
    }

    private AdminHandler(Platform platform) {
        this(Tenants.wire(platform.db(), platform.clock()), platform);
    }

    public AdminHandler(TenantsService service, Platform platform) {
        super(new TenantsRoutes(service).declare(new Routes(TenantsProblems.TABLE)), platform);
    }
}
