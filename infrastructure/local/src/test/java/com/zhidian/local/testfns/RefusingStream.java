package com.zhidian.local.testfns;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import java.util.List;
import java.util.Map;
import java.util.concurrent.LinkedBlockingQueue;

/** A stream function that fails every batch; keeps the sequence numbers of each batch it was given. */
public class RefusingStream implements RequestHandler<Map<String, Object>, Void> {
    public static final LinkedBlockingQueue<List<String>> BATCHES = new LinkedBlockingQueue<>();
    public static final LinkedBlockingQueue<String> ARNS = new LinkedBlockingQueue<>();
    /** System.nanoTime() of each call, in the order of BATCHES. */
    public static final LinkedBlockingQueue<Long> CALLED_AT = new LinkedBlockingQueue<>();

    @Override
    @SuppressWarnings("unchecked")
    public Void handleRequest(Map<String, Object> event, Context context) {
        List<Map<String, Object>> records = (List<Map<String, Object>>) event.get("Records");
        CALLED_AT.add(System.nanoTime());
        BATCHES.add(records.stream().map(r -> String.valueOf(((Map<String, Object>) r.get("dynamodb")).get("SequenceNumber"))).toList());
        ARNS.add(String.valueOf(records.get(0).get("eventSourceARN")));
        throw new IllegalStateException("refused on purpose");
    }
}
