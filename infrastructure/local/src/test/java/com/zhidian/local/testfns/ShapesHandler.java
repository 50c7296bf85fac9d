package com.zhidian.local.testfns;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;

/** Answers in the other shapes a handler may use, to test the response mapping. */
public class ShapesHandler implements RequestHandler<APIGatewayV2HTTPEvent, Object> {
    private static final java.util.concurrent.atomic.AtomicInteger NAPPING = new java.util.concurrent.atomic.AtomicInteger();
    private static final java.util.concurrent.atomic.AtomicInteger MOST_NAPPING = new java.util.concurrent.atomic.AtomicInteger();

    @Override
    public Object handleRequest(APIGatewayV2HTTPEvent event, Context context) {
        String shape = event.getPathParameters().get("shape");
        switch (shape) {
            case "plain-object": {
                Map<String, Object> m = new LinkedHashMap<>();
                m.put("hello", "world");
                return m;
            }
            case "map-response": {
                Map<String, Object> m = new LinkedHashMap<>();
                m.put("statusCode", 418);
                m.put("headers", Map.of("content-type", "text/plain"));
                m.put("body", "teapot");
                return m;
            }
            case "binary": {
                Map<String, Object> m = new LinkedHashMap<>();
                m.put("statusCode", 200);
                m.put("headers", Map.of("content-type", "application/octet-stream"));
                m.put("body", Base64.getEncoder().encodeToString(new byte[] {0, 1, 2, (byte) 255}));
                m.put("isBase64Encoded", true);
                return m;
            }
            case "sleep":
                try {
                    Thread.sleep(1100);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
                return "late";
            case "nap": {
                // 100 ms of work; answers the most naps that ran at once so far
                int now = NAPPING.incrementAndGet();
                MOST_NAPPING.accumulateAndGet(now, Math::max);
                try {
                    Thread.sleep(100);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                } finally {
                    NAPPING.decrementAndGet();
                }
                return Map.of("mostAtOnce", MOST_NAPPING.get());
            }
            case "throw":
                throw new IllegalStateException("boom");
            default:
                return "just a string";
        }
    }
}
