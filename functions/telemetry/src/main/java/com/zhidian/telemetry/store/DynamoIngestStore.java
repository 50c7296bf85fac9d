package com.zhidian.telemetry.store;

import com.zhidian.core.Env;
import com.zhidian.core.Json;
import com.zhidian.core.errors.ConcurrentChange;
import com.zhidian.telemetry.domain.Alert;
import com.zhidian.telemetry.domain.AlertSettings;
import com.zhidian.telemetry.domain.IngestStore;
import com.zhidian.telemetry.domain.Monitor;
import com.zhidian.telemetry.domain.Reading;
import com.zhidian.telemetry.domain.TelemetryCheck;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.BatchGetItemResponse;
import software.amazon.awssdk.services.dynamodb.model.CancellationReason;
import software.amazon.awssdk.services.dynamodb.model.KeysAndAttributes;
import software.amazon.awssdk.services.dynamodb.model.QueryResponse;
import software.amazon.awssdk.services.dynamodb.model.TransactWriteItem;
import software.amazon.awssdk.services.dynamodb.model.TransactionCanceledException;

/**
 * The ingest's two calls per message: one BatchGetItem (the device's registry item, its monitor, its store's settings)
 * and one TransactWriteItems (raw reading, minute and hour rollups, monitor, alerts and notifications).
 */
public final class DynamoIngestStore implements IngestStore {
    /** How long raw readings are kept (the table's TTL deletes them), and the minute rollups. */
    public static final Duration RAW_KEPT = Duration.ofDays(3), MINUTES_KEPT = Duration.ofDays(35);

    private final DynamoDbClient db;
    private final String table = Env.tableName();

    public DynamoIngestStore(DynamoDbClient db) {
        this.db = db;
    }

    private static Map<String, AttributeValue> key(String pk, String sk) {
        return Map.of("pk", AttributeValue.fromS(pk), "sk", AttributeValue.fromS(sk));
    }

    @Override
    public DeviceContext context(String tenantId, String storeId, String deviceId) {
        Map<String, AttributeValue> device = key(Keys.devices(tenantId), deviceId), monitor = key(Keys.monitors(tenantId), deviceId),
                settings = key(Keys.settings(tenantId), storeId);
        Map<String, KeysAndAttributes> ask = new HashMap<>(Map.of(table, KeysAndAttributes.builder().keys(device, monitor, settings).consistentRead(true).build()));
        List<Map<String, AttributeValue>> got = new ArrayList<>();
        for (int i = 0; i < 5 && !ask.isEmpty(); i++) {
            BatchGetItemResponse r = db.batchGetItem(b -> b.requestItems(ask));
            got.addAll(r.responses().getOrDefault(table, List.of()));
            if (!r.hasUnprocessedKeys() || r.unprocessedKeys().isEmpty()) break;
            Map<String, KeysAndAttributes> again = r.unprocessedKeys();
            ask.clear();
            ask.putAll(again);
        }
        String store = null, kind = null;
        Monitor m = null;
        AlertSettings s = null;
        for (Map<String, AttributeValue> i : got) {
            String pk = i.get("pk").s();
            if (pk.equals(Keys.devices(tenantId))) {
                store = i.get("storeId").s();
                kind = i.get("kind").s();
            } else if (pk.equals(Keys.monitors(tenantId))) {
                m = MonitorCodec.monitor(i);
            } else if (pk.equals(Keys.settings(tenantId))) {
                s = SettingsCodec.settings(i);
            }
        }
        return new DeviceContext(store, kind, m, s == null ? AlertSettings.defaults() : s);
    }

    @Override
    public boolean record(Reading r, Map<String, Double> derived, Monitor next, List<Alert> opened, List<String> closed, Instant now) {
        String t = r.tenantId();
        List<TransactWriteItem> items = new ArrayList<>();
        Map<String, AttributeValue> raw = new HashMap<>(key(Keys.raw(t, r.deviceId()), Keys.rawSk(r.at().toString(), r.seq())));
        Map<String, AttributeValue> metrics = new HashMap<>();
        r.metrics().forEach((k, v) -> metrics.put(k, num(v)));
        raw.put("metrics", AttributeValue.fromM(metrics));
        raw.put("receivedAt", AttributeValue.fromS(now.toString()));
        raw.put("ttl", AttributeValue.fromN(Long.toString(now.plus(RAW_KEPT).getEpochSecond())));
        items.add(TransactWriteItem.builder().put(p -> p.tableName(table).item(raw).conditionExpression("attribute_not_exists(pk)")).build());

        Map<String, Double> adds = new LinkedHashMap<>(r.metrics());
        adds.putAll(derived);
        String minute = r.at().truncatedTo(ChronoUnit.MINUTES).toString().substring(0, 16);
        String hour = minute.substring(0, 13);
        items.add(rollup(key(Keys.minutes(t, r.deviceId()), minute), adds, r, now.plus(MINUTES_KEPT)));
        items.add(rollup(key(Keys.hours(t, r.storeId()), Keys.hourSk(r.kind(), hour, r.deviceId())), adds, r, null));
        items.add(monitorPut(t, r.deviceId(), next));
        for (Alert a : opened) addOpened(items, t, a, now);
        for (String id : closed) {
            items.add(TransactWriteItem.builder().update(u -> u.tableName(table).key(key(Keys.alerts(t), id))
                    .updateExpression("SET recoveredAt = :t, #st = :resolved, resolvedAt = if_not_exists(resolvedAt, :t), "
                            + "resolvedBy = if_not_exists(resolvedBy, :sensor), gsi1pk = :list, gsi2pk = :all")
                    .conditionExpression("attribute_exists(pk)")
                    .expressionAttributeNames(Map.of("#st", "state"))
                    .expressionAttributeValues(Map.of(":t", AttributeValue.fromS(now.toString()), ":resolved", AttributeValue.fromS(Alert.RESOLVED),
                            ":sensor", AttributeValue.fromS("sensor"), ":list", AttributeValue.fromS(Keys.alertList(t, r.storeId(), true)),
                            ":all", AttributeValue.fromS(Keys.tenantAlertList(t, true)))))
                    .build());
        }
        try {
            db.transactWriteItems(b -> b.transactItems(items));
            return true;
        } catch (TransactionCanceledException e) {
            List<CancellationReason> reasons = e.cancellationReasons();
            if (!reasons.isEmpty() && "ConditionalCheckFailed".equals(reasons.get(0).code())) return false;
            if (reasons.size() > 3 && "ConditionalCheckFailed".equals(reasons.get(3).code())) {
                throw new ConcurrentChange("the monitor of " + r.deviceId() + " changed");
            }
            throw e;
        }
    }

    @Override
    public Map<Instant, Double> hourly(String tenantId, String storeId, String kind, String deviceId, String metric, List<Instant> hours) {
        Map<Instant, Double> out = new HashMap<>();
        if (hours.isEmpty()) return out;
        Map<String, Instant> bySk = new HashMap<>();
        List<Map<String, AttributeValue>> keys = new ArrayList<>();
        for (Instant h : hours) {
            String sk = Keys.hourSk(kind, h.truncatedTo(ChronoUnit.HOURS).toString().substring(0, 13), deviceId);
            if (bySk.put(sk, h) == null) keys.add(key(Keys.hours(tenantId, storeId), sk));
        }
        Map<String, KeysAndAttributes> ask = new HashMap<>(Map.of(table, KeysAndAttributes.builder().keys(keys).build()));
        for (int i = 0; i < 5 && !ask.isEmpty(); i++) {
            BatchGetItemResponse r = db.batchGetItem(b -> b.requestItems(ask));
            for (Map<String, AttributeValue> item : r.responses().getOrDefault(table, List.of())) {
                AttributeValue sum = item.get("s_" + metric);
                out.put(bySk.get(item.get("sk").s()), sum == null ? 0.0 : Double.parseDouble(sum.n()));
            }
            Map<String, KeysAndAttributes> again = r.hasUnprocessedKeys() ? r.unprocessedKeys() : Map.of();
            ask.clear();
            ask.putAll(again);
        }
        return out;
    }

    @Override
    public void recordSilence(String tenantId, String deviceId, Monitor next, List<Alert> opened, Instant now) {
        List<TransactWriteItem> items = new ArrayList<>();
        items.add(monitorPut(tenantId, deviceId, next));
        for (Alert a : opened) addOpened(items, tenantId, a, now);
        try {
            db.transactWriteItems(b -> b.transactItems(items));
        } catch (TransactionCanceledException e) {
            if ("ConditionalCheckFailed".equals(e.cancellationReasons().get(0).code())) {
                throw new ConcurrentChange("the monitor of " + deviceId + " changed");
            }
            throw e;
        }
    }

    @Override
    public List<Quiet> quietSince(Instant before, int max) {
        List<Quiet> out = new ArrayList<>();
        for (int shard = 0; shard < Keys.QUIET_SHARDS && out.size() < max; shard++) {
            String pk = Keys.quietShard(shard);
            Map<String, AttributeValue> start = null;
            do {
                Map<String, AttributeValue> from = start;
                QueryResponse r = db.query(b -> b.tableName(table).indexName("gsi1")
                        .keyConditionExpression("gsi1pk = :pk AND gsi1sk < :before")
                        .expressionAttributeValues(Map.of(":pk", AttributeValue.fromS(pk), ":before", AttributeValue.fromS(before.toString())))
                        .exclusiveStartKey(from));
                for (Map<String, AttributeValue> i : r.items()) {
                    if (out.size() >= max) break;
                    out.add(new Quiet(i.get("tenantId").s(), i.get("storeId").s(), i.get("sk").s(), Instant.parse(i.get("lastAt").s())));
                }
                start = r.hasLastEvaluatedKey() && !r.lastEvaluatedKey().isEmpty() && out.size() < max ? r.lastEvaluatedKey() : null;
            } while (start != null);
        }
        return out;
    }

    @Override
    public void countDrop(String tenantId, String storeId, TelemetryCheck.Drop reason, Instant now) {
        String day = now.toString().substring(0, 10);
        Map<String, AttributeValue> k = tenantId == null || storeId == null ? key(Keys.UNKNOWN_DROPS, day) : key(Keys.drops(tenantId, storeId), day);
        db.updateItem(b -> b.tableName(table).key(k).updateExpression("ADD #r :one")
                .expressionAttributeNames(Map.of("#r", reason.name().toLowerCase()))
                .expressionAttributeValues(Map.of(":one", AttributeValue.fromN("1"))));
    }

    private TransactWriteItem monitorPut(String tenantId, String deviceId, Monitor next) {
        Map<String, AttributeValue> item = MonitorCodec.item(tenantId, deviceId, next);
        return TransactWriteItem.builder().put(p -> p.tableName(table).item(item)
                .conditionExpression(next.version() == 0 ? "attribute_not_exists(pk)" : "version = :v")
                .expressionAttributeValues(next.version() == 0 ? null : Map.of(":v", AttributeValue.fromN(Long.toString(next.version())))))
                .build();
    }

    private void addOpened(List<TransactWriteItem> items, String tenantId, Alert a, Instant now) {
        items.addAll(DynamoAlerts.opened(table, tenantId, a, now));
    }

    private TransactWriteItem rollup(Map<String, AttributeValue> key, Map<String, Double> adds, Reading r, Instant expires) {
        StringBuilder add = new StringBuilder("ADD ");
        Map<String, String> names = new HashMap<>();
        Map<String, AttributeValue> values = new HashMap<>();
        values.put(":one", AttributeValue.fromN("1"));
        int i = 0;
        for (Map.Entry<String, Double> e : adds.entrySet()) {
            if (i > 0) add.append(", ");
            names.put("#n" + i, "n_" + e.getKey());
            names.put("#s" + i, "s_" + e.getKey());
            values.put(":v" + i, num(e.getValue()));
            add.append("#n").append(i).append(" :one, #s").append(i).append(" :v").append(i);
            i++;
        }
        StringBuilder set = new StringBuilder(" SET deviceId = :d, kind = :k");
        values.put(":d", AttributeValue.fromS(r.deviceId()));
        values.put(":k", AttributeValue.fromS(r.kind()));
        if (r.zone() != null) { set.append(", #zone = :z"); names.put("#zone", "zone"); values.put(":z", AttributeValue.fromS(r.zone())); }
        if (r.circuit() != null) { set.append(", circuit = :c"); values.put(":c", AttributeValue.fromS(r.circuit())); }
        if (expires != null) { set.append(", #ttl = :ttl"); names.put("#ttl", "ttl"); values.put(":ttl", AttributeValue.fromN(Long.toString(expires.getEpochSecond()))); }
        String expression = add + set.toString();
        return TransactWriteItem.builder().update(u -> u.tableName(table).key(key).updateExpression(expression)
                .expressionAttributeNames(names).expressionAttributeValues(values)).build();
    }

    static AttributeValue num(double v) {
        return AttributeValue.fromN(v == Math.rint(v) && Math.abs(v) < 1e15 ? Long.toString((long) v) : Double.toString(v));
    }
}
