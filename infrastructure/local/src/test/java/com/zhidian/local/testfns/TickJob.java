package com.zhidian.local.testfns;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.events.ScheduledEvent;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

/** A scheduled function that counts its runs and echoes what EventBridge would send. */
public class TickJob implements RequestHandler<ScheduledEvent, Map<String, Object>> {
    public static final AtomicInteger RUNS = new AtomicInteger();

    @Override
    public Map<String, Object> handleRequest(ScheduledEvent event, Context context) {
        return Map.of("runs", RUNS.incrementAndGet(), "source", event.getSource(), "detailType", event.getDetailType(),
                "function", context.getFunctionName());
    }
}
