package com.zhidian.campaigns.api;

import com.zhidian.campaigns.application.Campaigns;
import com.zhidian.campaigns.application.InlineDeliveryQueue;
import com.zhidian.core.http.ApiFunction;
import com.zhidian.core.http.Platform;
import com.zhidian.core.http.Routes;

/** The campaigns function: segments, campaigns and the message outboxes (owner), the message centre (customer). */
public final class CampaignsHandler extends ApiFunction {
    public CampaignsHandler() {
        this(Platform.fromEnvironment());
    }

    private CampaignsHandler(Platform platform) {
        this(platform, Campaigns.wire(platform.db(), platform.tenants(), platform.clock(), InlineDeliveryQueue::new));
    }

    public CampaignsHandler(Platform platform, Campaigns c) {
        super(routes(c, platform), platform);
    }

    private static Routes routes(Campaigns c, Platform platform) {
        Routes routes = new Routes(CampaignsProblems.TABLE);
        new SegmentsRoutes(c.segments(), platform.tenants()).declare(routes);
        new CampaignsRoutes(c.campaigns(), c.messages()).declare(routes);
        new MyMessagesRoutes(c.messages()).declare(routes);
        new SettingsRoutes(c.segments()).declare(routes);
        return routes;
    }
}
