package com.zhidian.telemetry.api;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.zhidian.core.aws.AwsClients;
import com.zhidian.telemetry.application.IngestService;
import com.zhidian.telemetry.application.Telemetry;
import java.time.Clock;
import java.util.Map;

/**
 * TelemetryWatchFunction, every minute: the silence rule over every tenant's devices last heard more than two minutes
 * ago (each store's own limit, {@code silentMinutes}, decides), through the provider-wide watch index; and the alert SMS
 * that waited for the end of a store's quiet hours.
 */
public final class WatchHandler implements RequestHandler<Map<String, Object>, Map<String, Object>> {
    /** Below every store's shortest silence limit (2 minutes). */
    static final int QUIET_MINUTES = 2;
    private final IngestService ingest;

    public WatchHandler() {
        this(Telemetry.ingest(AwsClients.dynamo(), Clock.systemUTC()));
    }

    public WatchHandler(IngestService ingest) {
        this.ingest = ingest;
    }

    @Override
    public Map<String, Object> handleRequest(Map<String, Object> event, Context context) {
        return Map.of("opened", ingest.watchSilence(QUIET_MINUTES, 5000), "textsSent", ingest.sendDueTexts(1000));
    }
}
