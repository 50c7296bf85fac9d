package com.zhidian.telemetry.store;

import com.zhidian.core.Env;
import com.zhidian.telemetry.domain.Monitor;
import com.zhidian.telemetry.domain.Rollups;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.QueryResponse;

/** Reads of a store's hour rollups (one Query per kind and range), its devices' monitors and its drop counts. */
public final class DynamoRollups implements Rollups {
    private final DynamoDbClient db;
    private final String table = Env.tableName();

    public DynamoRollups(DynamoDbClient db) {
        this.db = db;
    }

    @Override
    public List<Hour> hours(String tenantId, String storeId, String kind, Instant from, Instant to) {
        String letter = Keys.kindLetter(kind);
        String lo = letter + "#" + from.truncatedTo(ChronoUnit.HOURS).toString().substring(0, 13);
        String hi = letter + "#" + to.truncatedTo(ChronoUnit.HOURS).toString().substring(0, 13);
        List<Hour> out = new ArrayList<>();
        for (Map<String, AttributeValue> i : query(Keys.hours(tenantId, storeId), "pk = :pk AND sk BETWEEN :lo AND :hi",
                Map.of(":lo", AttributeValue.fromS(lo), ":hi", AttributeValue.fromS(hi)))) {
            String sk = i.get("sk").s();
            String[] parts = sk.split("#", 3);
            Instant hour = Instant.parse(parts[1] + ":00:00Z");
            if (!hour.isBefore(to)) continue;   // the upper bound's own hour (BETWEEN includes "<hi>#...")
            Map<String, Double> counts = new TreeMap<>(), sums = new TreeMap<>();
            i.forEach((name, v) -> {
                if (name.startsWith("n_")) counts.put(name.substring(2), Double.parseDouble(v.n()));
                else if (name.startsWith("s_")) sums.put(name.substring(2), Double.parseDouble(v.n()));
            });
            out.add(new Hour(hour, parts[2], kind, str(i, "zone"), str(i, "circuit"), counts, sums));
        }
        return out;
    }

    @Override
    public Map<String, Monitor> monitors(String tenantId, String storeId) {
        Map<String, Monitor> out = new TreeMap<>();
        for (Map<String, AttributeValue> i : query(Keys.monitors(tenantId), "pk = :pk", Map.of())) {
            if (storeId.equals(str(i, "storeId"))) out.put(i.get("sk").s(), MonitorCodec.monitor(i));
        }
        return out;
    }

    @Override
    public Map<String, Long> drops(String tenantId, String storeId, Instant day) {
        Map<String, AttributeValue> i = db.getItem(b -> b.tableName(table).key(Map.of("pk", AttributeValue.fromS(Keys.drops(tenantId, storeId)),
                "sk", AttributeValue.fromS(day.toString().substring(0, 10))))).item();
        Map<String, Long> out = new TreeMap<>();
        if (i != null) i.forEach((k, v) -> { if (v.n() != null) out.put(k, Long.parseLong(v.n())); });
        return out;
    }

    private List<Map<String, AttributeValue>> query(String pk, String condition, Map<String, AttributeValue> more) {
        Map<String, AttributeValue> values = new HashMap<>(more);
        values.put(":pk", AttributeValue.fromS(pk));
        List<Map<String, AttributeValue>> out = new ArrayList<>();
        Map<String, AttributeValue> start = null;
        do {
            Map<String, AttributeValue> from = start;
            QueryResponse r = db.query(b -> b.tableName(table).keyConditionExpression(condition).expressionAttributeValues(values)
                    .exclusiveStartKey(from));
            out.addAll(r.items());
            start = r.hasLastEvaluatedKey() && !r.lastEvaluatedKey().isEmpty() ? r.lastEvaluatedKey() : null;
        } while (start != null);
        return out;
    }

    private static String str(Map<String, AttributeValue> i, String name) {
        AttributeValue v = i.get(name);
        return v == null ? null : v.s();
    }
}
