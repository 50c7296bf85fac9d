package com.zhidian.telemetry.api;

import com.zhidian.core.Json;
import com.zhidian.telemetry.application.IngestService;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Function;

/**
 * The ingest as a plain {@code java.util.function.Function} (the Spring Cloud Function bean {@code ingestTelemetry}): the IoT
 * rule's event in, what became of it out ({@code outcome}: stored, duplicate, dropped; {@code reason} when dropped). A
 * bad message is an answer, never an exception; only an unreachable DynamoDB throws (and the rule's action retries).
 */
public final class IngestFunction implements Function<Object, Map<String, Object>> {
    private final IngestService ingest;

    public IngestFunction(IngestService ingest) {
        this.ingest = ingest;
    }

    /**
     * The adapter hands over the event as a Map; an event it unwraps itself (a rule event whose only field is
     * {@code payload}: a message that was not a JSON object) arrives as something else and is dropped as not an object.
     */
    @Override
    @SuppressWarnings("unchecked")
    public Map<String, Object> apply(Object input) {
        if (!(input instanceof Map<?, ?>)) return answer(ingest.notAnObject());
        Map<String, Object> event = (Map<String, Object>) input;
        int size;
        try {
            size = event == null ? 0 : Json.write(event).getBytes(StandardCharsets.UTF_8).length;
        } catch (RuntimeException unserialisable) {
            size = Integer.MAX_VALUE;
        }
        return answer(ingest.ingest(event, size));
    }

    private static Map<String, Object> answer(IngestService.Outcome o) {
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("outcome", o.outcome());
        if (o.reason() != null) out.put("reason", o.reason());
        if (!o.opened().isEmpty()) out.put("opened", o.opened());
        if (!o.closed().isEmpty()) out.put("closed", o.closed());
        return out;
    }
}
