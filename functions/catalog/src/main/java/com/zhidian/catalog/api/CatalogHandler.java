package com.zhidian.catalog.api;

import com.zhidian.catalog.application.CatalogServices;
import com.zhidian.core.http.ApiFunction;
import com.zhidian.core.http.Platform;
import com.zhidian.core.http.Routes;

/** The catalog context's Lambda function (CatalogFunction): products, prices, stock and scanning. */
public final class CatalogHandler extends ApiFunction {

    public CatalogHandler() {
        this(Platform.fromEnvironment());
    }

    private CatalogHandler(Platform platform) {
        this(CatalogServices.dynamo(platform.db(), platform.clock()), platform);
    }

    public CatalogHandler(CatalogServices services, Platform platform) {
        super(routes(services, com.zhidian.approvals.application.Approvals.gate(platform.db(), platform.clock())), platform);
    }

    static Routes routes(CatalogServices s, com.zhidian.approvals.application.ApprovalGate gate) {
        Routes routes = new Routes(CatalogProblems.table());
        ProductsRoutes.register(routes, s.products());
        PricesRoutes.register(routes, s.prices(), gate);
        StockRoutes.register(routes, s.stock(), gate);
        ScanRoutes.register(routes, s.scan());
        if (s.imports() != null) ImportRoutes.register(routes, s.imports());
        if (s.counts() != null) StockCountRoutes.register(routes, s.counts(), gate);
        return routes;
    }
}
