package com.zhidian.devices.api;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.events.ScheduledEvent;
import com.zhidian.core.aws.AwsClients;
import com.zhidian.devices.application.DevicesComposition;
import com.zhidian.devices.application.LabelService;
import java.time.Clock;
import java.util.Map;

/**
 * EslSweepFunction, every minute: labels whose content changes now (a scheduled price, a promotion's start or end)
 * are pushed; labels pushed before are looked at, retried, and after {@code LabelSync.MAX_ATTEMPTS} shown failed.
 */
public final class LabelSweepHandler implements RequestHandler<ScheduledEvent, Map<String, Object>> {
    static final int BATCH = 500;
    private final LabelService labels;

    public LabelSweepHandler() {
        this(DevicesComposition.labels(AwsClients.dynamo(), Clock.systemUTC()));
    }

    public LabelSweepHandler(LabelService labels) {
        this.labels = labels;
    }

    @Override
    public Map<String, Object> handleRequest(ScheduledEvent event, Context context) {
        return Map.of("looked", labels.sweep(BATCH));
    }
}
