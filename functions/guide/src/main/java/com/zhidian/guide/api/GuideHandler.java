package com.zhidian.guide.api;

import com.zhidian.core.http.ApiFunction;
import com.zhidian.core.http.Platform;
import com.zhidian.core.http.Routes;
import com.zhidian.guide.application.Guide;

/** The guide context's Lambda function (GuideFunction): the store map, placements, events, and the public guide and kiosk. */
public final class GuideHandler extends ApiFunction {
    public GuideHandler() {
        this(Platform.fromEnvironment());
    }

    private GuideHandler(Platform platform) {
        this(platform, Guide.wire(platform.db(), platform.tenants(), platform.clock()));
    }

    public GuideHandler(Platform platform, Guide g) {
        super(routes(platform, g), platform);
    }

    static Routes routes(Platform platform, Guide g) {
        Routes routes = new Routes(GuideProblems.TABLE);
        new MapRoutes(g.guide(), g.links()).declare(routes);
        new PlacementRoutes(g.guide()).declare(routes);
        new EventRoutes(g.guide()).declare(routes);
        new PublicGuideRoutes(g.guide(), g.links(), platform).declare(routes);
        return routes;
    }
}
