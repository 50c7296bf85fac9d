package com.zhidian.local.testfns;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import java.util.List;
import java.util.Map;
import java.util.concurrent.LinkedBlockingQueue;

/** A stream function that keeps the partition key of every record it is given. */
public class CountingStream implements RequestHandler<Map<String, Object>, Void> {
    public static final LinkedBlockingQueue<String> KEYS = new LinkedBlockingQueue<>();

    @Override
    public Void handleRequest(Map<String, Object> event, Context context) {
        KEYS.addAll(keys(event));
        return null;
    }

    @SuppressWarnings("unchecked")
    static List<String> keys(Map<String, Object> event) {
        List<Map<String, Object>> records = (List<Map<String, Object>>) event.get("Records");
        return records.stream().map(r -> {
            Map<String, Object> keys = (Map<String, Object>) ((Map<String, Object>) r.get("dynamodb")).get("Keys");
            return String.valueOf(((Map<String, Object>) keys.get("pk")).get("S"));
        }).toList();
    }
}
