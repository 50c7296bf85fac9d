package com.zhidian.telemetry.api;

import com.zhidian.core.Json;
import com.zhidian.telemetry.application.IngestService;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Function;

/**
 * The ingest as a plain {@code java.util.function.Function} (the Spring Cloud Function bean {@code ingestTelemetry}): the IoT
 * rule's event in, as the JSON bytes Lambda received (read once here, and its size is their length: no conversion by
 * the adapter, no second serialisation), what became of it out ({@code outcome}: stored, duplicate, dropped;
 * {@code reason} when dropped). A bad message is an answer, never an exception; only an unreachable DynamoDB throws
 * (and the rule's action retries).
 */
public final class IngestFunction implements Function<byte[], Map<String, Object>> {
    private final IngestService ingest;

    public IngestFunction(IngestService ingest) {
        this.ingest = ingest;
    }

    /** A rule event that is not a JSON object (a message that was not one arrives as {@code {"payload": ...}} or not at all) is dropped. */
    @Override
    public Map<String, Object> apply(byte[] input) {
        Object parsed;
        try {
            parsed = input == null || input.length == 0 ? null : Json.MAPPER.readValue(input, Object.class);
        } catch (java.io.IOException notJson) {
            return answer(ingest.notAnObject());
        }
        if (!(parsed instanceof Map<?, ?> m)) return answer(ingest.notAnObject());
        @SuppressWarnings("unchecked")
        Map<String, Object> event = (Map<String, Object>) m;
        return answer(ingest.ingest(event, input.length));
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
