package com.zhidian.campaigns.api;

import com.zhidian.campaigns.application.Campaigns;
import com.zhidian.campaigns.application.DeliveryService;
import com.zhidian.campaigns.application.InlineDeliveryQueue;
import com.zhidian.campaigns.domain.DeliveryQueue;
import com.zhidian.campaigns.store.SqsDeliveryQueue;
import com.zhidian.core.Env;
import com.zhidian.core.http.ApiFunction;
import com.zhidian.core.http.Platform;
import com.zhidian.core.http.Routes;

/** The campaigns function: segments, campaigns and the message outboxes (owner), the message centre (customer). */
public final class CampaignsHandler extends ApiFunction {
    public CampaignsHandler() {
        this(Platform.fromEnvironment());
    }

    private CampaignsHandler(Platform platform) {
        this(platform, Campaigns.wire(platform.db(), platform.tenants(), platform.clock(), CampaignsHandler::queue));
    }

    public CampaignsHandler(Platform platform, Campaigns c) {
        super(routes(c, platform), platform);
    }

    /** SQS when the template gives the function its queue (DELIVERY_QUEUE_URL), else delivery in the sender's thread. */
    private static DeliveryQueue queue(DeliveryService deliveries) {
        String url = Env.get("DELIVERY_QUEUE_URL", null);
        return url == null || url.isBlank() ? new InlineDeliveryQueue(deliveries) : new SqsDeliveryQueue(url);
    }

    private static Routes routes(Campaigns c, Platform platform) {
        Routes routes = new Routes(CampaignsProblems.TABLE);
        new SegmentsRoutes(c.segments(), platform.tenants()).declare(routes);
        new CampaignsRoutes(c.campaigns(), c.messages(), c.results(), platform.tenants()::hasStore).declare(routes);
        new MyMessagesRoutes(c.messages(), c.wechat()).declare(routes);
        new UnsubscribeRoutes(c.messages(), Campaigns.linksFromEnvironment()).declare(routes);
        new SettingsRoutes(c.segments()).declare(routes);
        new SummariesRoutes(c.backfill()).declare(routes);
        return routes;
    }
}
