package com.zhidian.campaigns.api;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.events.SQSBatchResponse;
import com.amazonaws.services.lambda.runtime.events.SQSEvent;
import com.zhidian.campaigns.application.Campaigns;
import com.zhidian.campaigns.store.SqsDeliveryQueue;
import com.zhidian.core.Env;
import com.zhidian.core.http.Platform;

/**
 * The SQS-triggered delivery function (DeliveryQueue → CampaignsDeliveryFunction, ReportBatchItemFailures): the
 * {@link DeliveryConsumer} bean behind Lambda's handler interface.
 */
public final class DeliveryHandler implements RequestHandler<SQSEvent, SQSBatchResponse> {
    private final DeliveryConsumer consumer;

    public DeliveryHandler() {
        Platform p = Platform.fromEnvironment();
        String url = Env.get("DELIVERY_QUEUE_URL", null);
        Campaigns c = Campaigns.wire(p.db(), p.tenants(), p.clock(), d -> new SqsDeliveryQueue(url));
        this.consumer = DeliveryConsumer.onSqs(c.deliveries(), url, p.clock());
    }

    @Override
    public SQSBatchResponse handleRequest(SQSEvent event, Context context) {
        return consumer.apply(event);
    }
}
