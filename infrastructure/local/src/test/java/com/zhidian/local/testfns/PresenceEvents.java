package com.zhidian.local.testfns;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import java.util.Map;
import java.util.concurrent.LinkedBlockingQueue;

/** An IoT rule's function: keeps every event it got (the rule's SELECT result) for the test to read. */
public class PresenceEvents implements RequestHandler<Map<String, Object>, Void> {
    public static final LinkedBlockingQueue<Map<String, Object>> EVENTS = new LinkedBlockingQueue<>();

    @Override
    public Void handleRequest(Map<String, Object> event, Context context) {
        EVENTS.add(event);
        return null;
    }
}
