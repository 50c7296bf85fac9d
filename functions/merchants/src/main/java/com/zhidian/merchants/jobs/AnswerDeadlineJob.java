package com.zhidian.merchants.jobs;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.events.ScheduledEvent;
import com.zhidian.core.Log;
import com.zhidian.core.aws.AwsClients;
import com.zhidian.merchants.application.Merchants;
import com.zhidian.merchants.application.MerchantsService;
import java.time.Clock;
import java.util.Map;

/**
 * Every hour: complaints the merchant has not answered by their deadline are flagged late, once (a step by
 * {@code system}, on the complaint's version), which costs the merchant in the credit rating.
 */
public final class AnswerDeadlineJob implements RequestHandler<ScheduledEvent, Map<String, Object>> {
    private final MerchantsService merchants;

    public AnswerDeadlineJob() {
        this(Merchants.wire(AwsClients.dynamo(), Clock.systemUTC()).merchants());
    }

    public AnswerDeadlineJob(MerchantsService merchants) {
        this.merchants = merchants;
    }

    @Override
    public Map<String, Object> handleRequest(ScheduledEvent event, Context context) {
        int flagged = merchants.flagOverdue(500);
        Log.info("complaint answer deadline job", Map.of("flagged", flagged));
        return Map.of("flagged", flagged);
    }
}
