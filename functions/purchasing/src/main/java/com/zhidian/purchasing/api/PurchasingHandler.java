package com.zhidian.purchasing.api;

import com.zhidian.core.http.ApiFunction;
import com.zhidian.core.http.Platform;
import com.zhidian.core.http.Routes;
import com.zhidian.purchasing.application.Purchasing;

/** The purchasing function: forecasts, replenishment, suppliers, purchase orders, assortment hints. */
public final class PurchasingHandler extends ApiFunction {
    public PurchasingHandler() {
        this(Platform.fromEnvironment());
    }

    private PurchasingHandler(Platform platform) {
        this(platform, Purchasing.wire(platform.db(), platform.clock()));
    }

    public PurchasingHandler(Platform platform, Purchasing p) {
        super(routes(p), platform);
    }

    private static Routes routes(Purchasing p) {
        Routes routes = new Routes(PurchasingProblems.TABLE);
        new DecisionsRoutes(p).declare(routes);
        new SuppliersRoutes(p.suppliers()).declare(routes);
        new PurchaseOrdersRoutes(p.purchaseOrders()).declare(routes);
        return routes;
    }
}
