package com.zhidian.telemetry.api;

import com.fasterxml.jackson.databind.JsonNode;
import com.zhidian.core.Json;
import com.zhidian.telemetry.application.IngestService;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * The ingest as a plain {@code java.util.function.Function} (the Spring Cloud Function bean {@code ingestTelemetry}) over
 * the event's JSON bytes as Lambda received them: an SQS batch of the telemetry queue (each record's body one IoT rule
 * event, as the rule's {@code sqs} action sends it), or one rule event alone. The batch is ingested at once
 * ({@link IngestService#ingest(List)}); the answer is Lambda's partial batch response ({@code batchItemFailures}: the
 * records to hand back) with a count per outcome. A bad message is an answer, never an exception; only an unreachable
 * DynamoDB throws (and the whole batch returns to the queue).
 */
public final class IngestFunction implements Function<byte[], Map<String, Object>> {
    private final IngestService ingest;

    public IngestFunction(IngestService ingest) {
        this.ingest = ingest;
    }

    @Override
    public Map<String, Object> apply(byte[] input) {
        JsonNode root;
        try {
            root = input == null || input.length == 0 ? null : Json.MAPPER.readTree(input);
        } catch (java.io.IOException notJson) {
            root = null;
        }
        JsonNode records = root == null ? null : root.has("Records") ? root.get("Records") : root.get("records");
        List<IngestService.Message> batch = new ArrayList<>();
        if (records != null && records.isArray() && root.size() == 1) {
            for (JsonNode r : records) {
                String body = r.path("body").asText("");
                batch.add(new IngestService.Message(r.path("messageId").asText(), object(body), body.getBytes(StandardCharsets.UTF_8).length));
            }
        } else {
            batch.add(new IngestService.Message("event", root != null && root.isObject() ? Json.MAPPER.convertValue(root, Map.class) : null,
                    input == null ? 0 : input.length));
        }
        Map<String, IngestService.Outcome> outcomes = ingest.ingest(batch);
        Map<String, Object> out = new LinkedHashMap<>();
        List<Map<String, String>> failures = new ArrayList<>();
        Map<String, Integer> counts = new LinkedHashMap<>();
        outcomes.forEach((id, o) -> {
            counts.merge(o.outcome(), 1, Integer::sum);
            if ("failed".equals(o.outcome())) failures.add(Map.of("itemIdentifier", id));
        });
        out.put("batchItemFailures", failures);
        out.put("outcomes", counts);
        if (batch.size() == 1 && records == null) {
            IngestService.Outcome o = outcomes.values().iterator().next();
            out.put("outcome", o.outcome());
            if (o.reason() != null) out.put("reason", o.reason());
            if (!o.opened().isEmpty()) out.put("opened", o.opened());
            if (!o.closed().isEmpty()) out.put("closed", o.closed());
        }
        return out;
    }

    /** A record's body as the rule's event (null: not a JSON object, dropped and counted). */
    @SuppressWarnings("unchecked")
    private static Map<String, Object> object(String body) {
        try {
            Object v = Json.MAPPER.readValue(body, Object.class);
            return v instanceof Map<?, ?> m ? (Map<String, Object>) m : null;
        } catch (java.io.IOException | RuntimeException e) {
            return null;
        }
    }
}
