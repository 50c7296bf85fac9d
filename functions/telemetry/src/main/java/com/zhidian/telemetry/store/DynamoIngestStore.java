package com.zhidian.telemetry.store;

import com.zhidian.core.Env;
import com.zhidian.core.Json;
import com.zhidian.core.errors.ConcurrentChange;
import com.zhidian.telemetry.domain.Alert;
import com.zhidian.telemetry.domain.AlertSettings;
import com.zhidian.telemetry.domain.DeviceFold;
import com.zhidian.telemetry.domain.IngestStore;
import com.zhidian.telemetry.domain.Monitor;
import com.zhidian.telemetry.domain.Reading;
import com.zhidian.telemetry.domain.TelemetryCheck;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Collection;
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
 * The ingest's calls per batch: BatchGetItem of every device's registry item, monitor and store settings (100 keys a
 * call), and TransactWriteItems of the devices' folded writes (raw readings, one ADD per device-minute and per
 * device-hour, monitor, alerts and notifications), whole writes packed up to 100 items a transaction.
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
    public Map<DeviceKey, DeviceContext> contexts(Collection<DeviceKey> devices) {
        List<Map<String, AttributeValue>> keys = new ArrayList<>();
        java.util.Set<String> asked = new java.util.HashSet<>();
        for (DeviceKey d : devices) {
            List<Map<String, AttributeValue>> of = new ArrayList<>(List.of(key(Keys.devices(d.tenantId()), d.deviceId()), key(Keys.monitors(d.tenantId()), d.deviceId())));
            if (d.storeId() != null) of.add(key(Keys.settings(d.tenantId()), d.storeId()));   // a lifecycle event knows no store
            for (Map<String, AttributeValue> k : of) {
                if (asked.add(k.get("pk").s() + "\u0000" + k.get("sk").s())) keys.add(k);
            }
        }
        Map<String, Map<String, AttributeValue>> got = new HashMap<>();
        for (int from = 0; from < keys.size(); from += 100) {
            Map<String, KeysAndAttributes> ask = new HashMap<>(Map.of(table, KeysAndAttributes.builder()
                    .keys(keys.subList(from, Math.min(keys.size(), from + 100))).consistentRead(true).build()));
            for (int i = 0; i < 8 && !ask.isEmpty(); i++) {
                BatchGetItemResponse r = db.batchGetItem(b -> b.requestItems(ask));
                for (Map<String, AttributeValue> item : r.responses().getOrDefault(table, List.of())) got.put(item.get("pk").s() + "\u0000" + item.get("sk").s(), item);
                Map<String, KeysAndAttributes> again = r.hasUnprocessedKeys() ? r.unprocessedKeys() : Map.of();
                ask.clear();
                ask.putAll(again);
            }
            if (!ask.isEmpty()) throw new IllegalStateException("DynamoDB left keys unprocessed");
        }
        Map<DeviceKey, DeviceContext> out = new LinkedHashMap<>();
        for (DeviceKey d : devices) {
            Map<String, AttributeValue> device = got.get(Keys.devices(d.tenantId()) + "\u0000" + d.deviceId());
            Map<String, AttributeValue> monitor = got.get(Keys.monitors(d.tenantId()) + "\u0000" + d.deviceId());
            Map<String, AttributeValue> settings = got.get(Keys.settings(d.tenantId()) + "\u0000" + d.storeId());
            AlertSettings s = settings == null ? null : SettingsCodec.settings(settings);
            out.put(d, new DeviceContext(device == null ? null : device.get("storeId").s(), device == null ? null : device.get("kind").s(),
                    monitor == null ? null : MonitorCodec.monitor(monitor), s == null ? AlertSettings.defaults() : s));
        }
        return out;
    }

    /** Items of one device write in a transaction: where they start, how many raw puts lead, where its monitor is. */
    private record Placed(int write, int first, int readings, int monitor, int count) {}

    @Override
    public List<Written> write(List<DeviceWrite> writes, Instant now) {
        Written[] out = new Written[writes.size()];
        List<List<TransactWriteItem>> itemsOf = new ArrayList<>();
        for (DeviceWrite w : writes) itemsOf.add(items(w, now));
        List<Integer> todo = new ArrayList<>();
        for (int i = 0; i < writes.size(); i++) todo.add(i);
        while (!todo.isEmpty()) {
            // pack whole writes into transactions of at most 100 items, in order
            List<Integer> next = new ArrayList<>();
            int at = 0;
            while (at < todo.size()) {
                List<TransactWriteItem> tx = new ArrayList<>();
                List<Placed> placed = new ArrayList<>();
                while (at < todo.size() && (tx.isEmpty() || tx.size() + itemsOf.get(todo.get(at)).size() <= MAX_TRANSACTION)) {
                    int w = todo.get(at++);
                    int n = writes.get(w).readings().size();
                    placed.add(new Placed(w, tx.size(), n, tx.size() + n + writes.get(w).minutes().size() + writes.get(w).hours().size(), itemsOf.get(w).size()));
                    tx.addAll(itemsOf.get(w));
                }
                try {
                    db.transactWriteItems(b -> b.transactItems(tx));
                    for (Placed p : placed) out[p.write()] = Written.OK;
                } catch (TransactionCanceledException e) {
                    List<CancellationReason> reasons = e.cancellationReasons();
                    boolean anyNamed = false;
                    for (Placed p : placed) {
                        java.util.Set<Integer> dup = new java.util.TreeSet<>();
                        boolean failed = false;
                        for (int i = 0; i < p.count(); i++) {
                            String code = p.first() + i < reasons.size() ? reasons.get(p.first() + i).code() : null;
                            if (code == null || "None".equals(code)) continue;
                            failed = true;
                            if (i < p.readings() && "ConditionalCheckFailed".equals(code)) dup.add(i);
                        }
                        if (failed) {
                            anyNamed = true;
                            out[p.write()] = new Written(false, java.util.Set.copyOf(dup), dup.isEmpty());
                        } else {
                            next.add(p.write());   // not its fault: tried again
                        }
                    }
                    if (!anyNamed) throw e;
                }
            }
            todo = next;
        }
        return List.of(out);
    }

    /** DynamoDB's limit of actions in one TransactWriteItems. */
    static final int MAX_TRANSACTION = 100;

    private List<TransactWriteItem> items(DeviceWrite w, Instant now) {
        String t = w.device().tenantId(), deviceId = w.device().deviceId(), storeId = w.device().storeId();
        List<TransactWriteItem> items = new ArrayList<>();
        String ttl = Long.toString(now.plus(RAW_KEPT).getEpochSecond());
        for (Reading r : w.readings()) {
            Map<String, AttributeValue> raw = new HashMap<>(key(Keys.raw(t, deviceId), Keys.rawSk(r.at().toString(), r.seq())));
            Map<String, AttributeValue> metrics = new HashMap<>();
            r.metrics().forEach((k, v) -> metrics.put(k, num(v)));
            raw.put("metrics", AttributeValue.fromM(metrics));
            raw.put("receivedAt", AttributeValue.fromS(now.toString()));
            raw.put("ttl", AttributeValue.fromN(ttl));
            items.add(TransactWriteItem.builder().put(p -> p.tableName(table).item(raw).conditionExpression("attribute_not_exists(pk)")).build());
        }
        Instant minutesExpire = now.plus(MINUTES_KEPT);
        w.minutes().forEach((minute, sums) -> items.add(rollup(key(Keys.minutes(t, deviceId), minute), sums, deviceId, w.kind(), minutesExpire)));
        w.hours().forEach((hour, sums) -> items.add(rollup(key(Keys.hours(t, storeId), Keys.hourSk(w.kind(), hour, deviceId)), sums, deviceId, w.kind(), null)));
        items.add(monitorPut(t, deviceId, w.next()));
        for (Alert a : w.opened()) addOpened(items, t, a, now);
        for (String id : w.closed()) items.add(close(t, storeId, id, now));
        return items;
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
    public StoreHour storeHour(String tenantId, String storeId, Instant hour) {
        Map<String, AttributeValue> item = db.getItem(b -> b.tableName(table).key(key(Keys.storeMonitors(tenantId), storeId)).consistentRead(true)).item();
        Monitor m = item == null || item.isEmpty() ? null : MonitorCodec.monitor(item);
        Map<String, Double> kwh = new HashMap<>();
        Map<String, String> circuits = new HashMap<>();
        meterHour(tenantId, storeId, hour, kwh, circuits);
        return new StoreHour(m, com.zhidian.telemetry.domain.StoreUsual.total(kwh, circuits), kwh.size());
    }

    @Override
    public Map<Instant, Double> storeHourly(String tenantId, String storeId, List<Instant> hours) {
        Map<Instant, Double> out = new HashMap<>();
        for (Instant h : hours) {
            Map<String, Double> kwh = new HashMap<>();
            Map<String, String> circuits = new HashMap<>();
            meterHour(tenantId, storeId, h, kwh, circuits);
            if (!kwh.isEmpty()) out.put(h, com.zhidian.telemetry.domain.StoreUsual.total(kwh, circuits));
        }
        return out;
    }

    /** The energy meters' hour rollups of the store in one UTC hour: kWh and circuit by meter. */
    private void meterHour(String tenantId, String storeId, Instant hour, Map<String, Double> kwh, Map<String, String> circuits) {
        String prefix = Keys.kindLetter("energy_meter") + "#" + hour.truncatedTo(ChronoUnit.HOURS).toString().substring(0, 13) + "#";
        Map<String, AttributeValue> start = null;
        do {
            Map<String, AttributeValue> from = start;
            QueryResponse r = db.query(b -> b.tableName(table).keyConditionExpression("pk = :pk AND begins_with(sk, :p)")
                    .expressionAttributeValues(Map.of(":pk", AttributeValue.fromS(Keys.hours(tenantId, storeId)), ":p", AttributeValue.fromS(prefix)))
                    .exclusiveStartKey(from));
            for (Map<String, AttributeValue> i : r.items()) {
                String meter = i.get("sk").s().substring(prefix.length());
                AttributeValue s = i.get("s_kwh");
                kwh.put(meter, s == null ? 0.0 : Double.parseDouble(s.n()));
                AttributeValue c = i.get("circuit");
                if (c != null) circuits.put(meter, c.s());
            }
            start = r.hasLastEvaluatedKey() && !r.lastEvaluatedKey().isEmpty() ? r.lastEvaluatedKey() : null;
        } while (start != null);
    }

    @Override
    public boolean writeStore(String tenantId, Monitor next, List<Alert> opened, List<String> closed, Instant now) {
        Map<String, AttributeValue> item = new HashMap<>(MonitorCodec.item(tenantId, next.storeId(), next));
        item.put("pk", AttributeValue.fromS(Keys.storeMonitors(tenantId)));
        List<TransactWriteItem> items = new ArrayList<>();
        items.add(TransactWriteItem.builder().put(p -> p.tableName(table).item(item)
                .conditionExpression(next.version() == 0 ? "attribute_not_exists(pk)" : "version = :v")
                .expressionAttributeValues(next.version() == 0 ? null : Map.of(":v", AttributeValue.fromN(Long.toString(next.version())))))
                .build());
        for (Alert a : opened) addOpened(items, tenantId, a, now);
        for (String id : closed) items.add(close(tenantId, next.storeId(), id, now));
        try {
            db.transactWriteItems(b -> b.transactItems(items));
            return true;
        } catch (TransactionCanceledException e) {
            if ("ConditionalCheckFailed".equals(e.cancellationReasons().get(0).code())) return false;
            throw e;
        }
    }

    private TransactWriteItem close(String t, String storeId, String id, Instant now) {
        return TransactWriteItem.builder().update(u -> u.tableName(table).key(key(Keys.alerts(t), id))
                .updateExpression("SET recoveredAt = :t, #st = :resolved, resolvedAt = if_not_exists(resolvedAt, :t), "
                        + "resolvedBy = if_not_exists(resolvedBy, :sensor), gsi1pk = :list, gsi2pk = :all")
                .conditionExpression("attribute_exists(pk)")
                .expressionAttributeNames(Map.of("#st", "state"))
                .expressionAttributeValues(Map.of(":t", AttributeValue.fromS(now.toString()), ":resolved", AttributeValue.fromS(Alert.RESOLVED),
                        ":sensor", AttributeValue.fromS("sensor"), ":list", AttributeValue.fromS(Keys.alertList(t, storeId, true)),
                        ":all", AttributeValue.fromS(Keys.tenantAlertList(t, true)))))
                .build();
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
                    // the index's sort key starts with the earlier of last reading and disconnect (a label has no last reading)
                    String heard = i.get("gsi1sk").s();
                    out.add(new Quiet(i.get("tenantId").s(), i.get("storeId").s(), i.get("sk").s(), Instant.parse(heard.substring(0, heard.indexOf('#')))));
                }
                start = r.hasLastEvaluatedKey() && !r.lastEvaluatedKey().isEmpty() && out.size() < max ? r.lastEvaluatedKey() : null;
            } while (start != null);
        }
        return out;
    }

    @Override
    public void countDrops(Map<DeviceKey, Map<TelemetryCheck.Drop, Long>> drops, Instant now) {
        String day = now.toString().substring(0, 10);
        drops.forEach((where, counts) -> {
            Map<String, AttributeValue> k = where.tenantId() == null || where.storeId() == null ? key(Keys.UNKNOWN_DROPS, day)
                    : key(Keys.drops(where.tenantId(), where.storeId()), day);
            Map<String, String> names = new HashMap<>();
            Map<String, AttributeValue> values = new HashMap<>();
            StringBuilder add = new StringBuilder("ADD ");
            int i = 0;
            for (Map.Entry<TelemetryCheck.Drop, Long> c : counts.entrySet()) {
                if (i > 0) add.append(", ");
                names.put("#r" + i, c.getKey().name().toLowerCase());
                values.put(":n" + i, AttributeValue.fromN(Long.toString(c.getValue())));
                add.append("#r").append(i).append(" :n").append(i);
                i++;
            }
            db.updateItem(b -> b.tableName(table).key(k).updateExpression(add.toString()).expressionAttributeNames(names).expressionAttributeValues(values));
        });
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

    private TransactWriteItem rollup(Map<String, AttributeValue> key, DeviceFold.Sums sums, String deviceId, String kind, Instant expires) {
        StringBuilder add = new StringBuilder("ADD ");
        Map<String, String> names = new HashMap<>();
        Map<String, AttributeValue> values = new HashMap<>();
        int i = 0;
        for (Map.Entry<String, Double> e : sums.sums.entrySet()) {
            if (i > 0) add.append(", ");
            names.put("#n" + i, "n_" + e.getKey());
            names.put("#s" + i, "s_" + e.getKey());
            values.put(":c" + i, num(sums.counts.get(e.getKey())));
            values.put(":v" + i, num(e.getValue()));
            add.append("#n").append(i).append(" :c").append(i).append(", #s").append(i).append(" :v").append(i);
            i++;
        }
        StringBuilder set = new StringBuilder(" SET deviceId = :d, kind = :k");
        values.put(":d", AttributeValue.fromS(deviceId));
        values.put(":k", AttributeValue.fromS(kind));
        if (sums.zone != null) { set.append(", #zone = :z"); names.put("#zone", "zone"); values.put(":z", AttributeValue.fromS(sums.zone)); }
        if (sums.circuit != null) { set.append(", circuit = :cc"); values.put(":cc", AttributeValue.fromS(sums.circuit)); }
        if (expires != null) { set.append(", #ttl = :ttl"); names.put("#ttl", "ttl"); values.put(":ttl", AttributeValue.fromN(Long.toString(expires.getEpochSecond()))); }
        String expression = add + set.toString();
        return TransactWriteItem.builder().update(u -> u.tableName(table).key(key).updateExpression(expression)
                .expressionAttributeNames(names).expressionAttributeValues(values)).build();
    }

    static AttributeValue num(double v) {
        return AttributeValue.fromN(v == Math.rint(v) && Math.abs(v) < 1e15 ? Long.toString((long) v) : Double.toString(v));
    }
}
