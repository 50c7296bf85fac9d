package com.zhidian.campaigns.api;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.events.ScheduledEvent;
import com.zhidian.campaigns.application.Campaigns;
import com.zhidian.campaigns.application.InlineDeliveryQueue;
import com.zhidian.campaigns.store.SqsDeliveryQueue;
import com.zhidian.core.Env;
import com.zhidian.core.Log;
import com.zhidian.core.http.Platform;
import java.util.Map;

/** The schedule job (a Schedule event in template.yaml): sends the scheduled campaigns whose time has come. */
public final class ScheduleHandler implements RequestHandler<ScheduledEvent, Map<String, Object>> {
    private final Campaigns campaigns;

    public ScheduleHandler() {
        Platform p = Platform.fromEnvironment();
        String url = Env.get("DELIVERY_QUEUE_URL", null);
        this.campaigns = Campaigns.wire(p.db(), p.tenants(), p.clock(),
                d -> url == null ? new InlineDeliveryQueue(d) : new SqsDeliveryQueue(url));
    }

    @Override
    public Map<String, Object> handleRequest(ScheduledEvent event, Context context) {
        int sent = campaigns.campaigns().sendDue(50);
        Log.info("campaign schedule job", Map.of("sent", sent));
        return Map.of("sent", sent);
    }
}
