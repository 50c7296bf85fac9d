package com.zhidian.devices.store;

import com.zhidian.core.Env;
import com.zhidian.devices.domain.Device;
import com.zhidian.devices.domain.DeviceRepository;
import com.zhidian.devices.domain.Presence;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;
import software.amazon.awssdk.services.dynamodb.model.QueryResponse;

/** Device items: pk {@code T#<tenant>#DEVICE}, sk the device id; a store's devices are that partition filtered by store. */
public final class DynamoDeviceRepository implements DeviceRepository {
    private final DynamoDbClient db;
    private final String table = Env.tableName();

    public DynamoDeviceRepository(DynamoDbClient db) {
        this.db = db;
    }

    private static Map<String, AttributeValue> key(String tenantId, String deviceId) {
        return Map.of("pk", AttributeValue.fromS(Keys.devices(tenantId)), "sk", AttributeValue.fromS(deviceId));
    }

    @Override
    public void add(String tenantId, Device d) {
        Map<String, AttributeValue> item = new HashMap<>(key(tenantId, d.deviceId()));
        item.put("storeId", AttributeValue.fromS(d.storeId()));
        item.put("kind", AttributeValue.fromS(d.kind()));
        item.put("name", AttributeValue.fromS(d.name()));
        item.put("thingName", AttributeValue.fromS(d.thingName()));
        item.put("createdAt", AttributeValue.fromS(d.createdAt()));
        if (d.gtin() != null) {
            item.put("gtin", AttributeValue.fromS(d.gtin()));
            // the tenant's bound labels sorted by product (sparse gsi1): a slice of a bulk change finds its labels in one read
            moveOldLabels(tenantId);
            item.put("gsi1pk", AttributeValue.fromS(Keys.labels(tenantId)));
            item.put("gsi1sk", AttributeValue.fromS(Keys.labelSk(d.gtin(), d.storeId(), d.deviceId())));
        }
        db.putItem(b -> b.tableName(table).item(item).conditionExpression("attribute_not_exists(pk)"));
    }

    @Override
    public List<Device> inStore(String tenantId, String storeId) {
        List<Device> out = new ArrayList<>();
        Map<String, AttributeValue> start = null;
        do {
            Map<String, AttributeValue> from = start;
            QueryResponse r = db.query(b -> b.tableName(table).keyConditionExpression("pk = :pk").filterExpression("storeId = :s")
                    .expressionAttributeValues(Map.of(":pk", AttributeValue.fromS(Keys.devices(tenantId)), ":s", AttributeValue.fromS(storeId)))
                    .consistentRead(true).exclusiveStartKey(from));
            r.items().forEach(i -> out.add(device(i)));
            start = r.hasLastEvaluatedKey() && !r.lastEvaluatedKey().isEmpty() ? r.lastEvaluatedKey() : null;
        } while (start != null);
        return out;
    }

    @Override
    public Device find(String tenantId, String deviceId) {
        Map<String, AttributeValue> item = db.getItem(b -> b.tableName(table).key(key(tenantId, deviceId)).consistentRead(true)).item();
        return item == null || item.isEmpty() ? null : device(item);
    }

    @Override
    public void remove(String tenantId, String deviceId) {
        db.deleteItem(b -> b.tableName(table).key(key(tenantId, deviceId)));
    }

    @Override
    public List<Device> labelsOf(String tenantId, String storeId, String gtin14) {
        moveOldLabels(tenantId);
        List<Device> out = new ArrayList<>();
        Map<String, AttributeValue> start = null;
        Map<String, AttributeValue> values = Map.of(":pk", AttributeValue.fromS(Keys.labels(tenantId)),
                ":p", AttributeValue.fromS(storeId == null ? gtin14 + "#" : Keys.labelSk(gtin14, storeId, "")));
        do {
            Map<String, AttributeValue> from = start;
            QueryResponse r = db.query(b -> b.tableName(table).indexName("gsi1").keyConditionExpression("gsi1pk = :pk AND begins_with(gsi1sk, :p)")
                    .expressionAttributeValues(values).exclusiveStartKey(from));
            r.items().forEach(i -> out.add(device(i)));
            start = r.hasLastEvaluatedKey() && !r.lastEvaluatedKey().isEmpty() ? r.lastEvaluatedKey() : null;
        } while (start != null);
        return out;
    }

    /** Labels a range read may read per product before the products from where it stopped are read one at a time. */
    public static final int RANGE_LABELS_A_PRODUCT = 4;

    /**
     * One range read of gsi1 from the lowest GTIN asked to the highest, capped at {@value #RANGE_LABELS_A_PRODUCT} labels a
     * product (a bulk change's slice is sorted neighbours, so the range is mostly its own labels); from the product where
     * the page stopped, one {@link #labelsOf(String, String, String)} each. So a slice of neighbours costs one call, and
     * scattered products or products with many labels (many stores) at most one more each.
     */
    @Override
    public Map<String, List<Device>> labelsOf(String tenantId, Set<String> gtin14s) {
        Map<String, List<Device>> out = new HashMap<>();
        if (gtin14s.isEmpty()) return out;
        moveOldLabels(tenantId);
        TreeSet<String> asked = new TreeSet<>(gtin14s);
        QueryResponse r = db.query(b -> b.tableName(table).indexName("gsi1").keyConditionExpression("gsi1pk = :pk AND gsi1sk BETWEEN :a AND :b")
                .limit(RANGE_LABELS_A_PRODUCT * asked.size())
                .expressionAttributeValues(Map.of(":pk", AttributeValue.fromS(Keys.labels(tenantId)),
                        ":a", AttributeValue.fromS(asked.first() + "#"), ":b", AttributeValue.fromS(asked.last() + "#~"))));
        boolean cutShort = r.hasLastEvaluatedKey() && !r.lastEvaluatedKey().isEmpty();
        // cut short, the last product read may have more labels after the page: it and the ones after are read alone
        String cut = !cutShort ? null : r.items().isEmpty() ? asked.first() : r.items().get(r.items().size() - 1).get("gtin").s();
        for (Map<String, AttributeValue> i : r.items()) {
            String gtin = i.get("gtin").s();
            if (asked.contains(gtin) && (cut == null || gtin.compareTo(cut) < 0)) out.computeIfAbsent(gtin, g -> new ArrayList<>()).add(device(i));
        }
        if (cut == null) return out;
        for (String gtin : asked.tailSet(cut, true)) {
            List<Device> labels = labelsOf(tenantId, null, gtin);
            if (!labels.isEmpty()) out.put(gtin, labels);
        }
        return out;
    }

    /** Tenants whose labels this repository saw in {@link Keys#labels} (the move happens once per tenant and stays done). */
    private final Set<String> moved = ConcurrentHashMap.newKeySet();

    /**
     * The backfill of gsi1's layout (docs/decisions.md, "ESL labels sorted by product"): a label bound before it sat in a
     * partition of its product ({@link Keys#oldLabelsOf}); the first read or bind of a tenant's labels moves every such
     * label of the tenant to {@link Keys#labels} and then writes an item saying so, so later ones cost one GetItem per
     * tenant and process. Moving twice (two functions at once) writes the same keys; a label decommissioned meanwhile
     * stays gone (the update's condition).
     */
    void moveOldLabels(String tenantId) {
        if (moved.contains(tenantId)) return;
        Map<String, AttributeValue> marker = Map.of("pk", AttributeValue.fromS(Keys.labelIndex(tenantId)), "sk", AttributeValue.fromS(Keys.LABELS_MOVED));
        Map<String, AttributeValue> done = db.getItem(b -> b.tableName(table).key(marker).consistentRead(true)).item();
        if (done == null || done.isEmpty()) {
            Map<String, AttributeValue> start = null;
            do {
                Map<String, AttributeValue> from = start;
                QueryResponse r = db.query(b -> b.tableName(table).keyConditionExpression("pk = :pk").filterExpression("begins_with(gsi1pk, :old)")
                        .expressionAttributeValues(Map.of(":pk", AttributeValue.fromS(Keys.devices(tenantId)),
                                ":old", AttributeValue.fromS(Keys.oldLabelsOf(tenantId, ""))))
                        .consistentRead(true).exclusiveStartKey(from));
                for (Map<String, AttributeValue> i : r.items()) move(tenantId, i);
                start = r.hasLastEvaluatedKey() && !r.lastEvaluatedKey().isEmpty() ? r.lastEvaluatedKey() : null;
            } while (start != null);
            Map<String, AttributeValue> item = new HashMap<>(marker);
            item.put("at", AttributeValue.fromS(Instant.now().toString()));
            db.putItem(b -> b.tableName(table).item(item));
        }
        moved.add(tenantId);
    }

    private void move(String tenantId, Map<String, AttributeValue> label) {
        try {
            db.updateItem(b -> b.tableName(table).key(Map.of("pk", label.get("pk"), "sk", label.get("sk")))
                    .updateExpression("SET gsi1pk = :pk, gsi1sk = :sk").conditionExpression("gsi1pk = :was")
                    .expressionAttributeValues(Map.of(":pk", AttributeValue.fromS(Keys.labels(tenantId)),
                            ":sk", AttributeValue.fromS(Keys.labelSk(label.get("gtin").s(), label.get("storeId").s(), label.get("sk").s())),
                            ":was", label.get("gsi1pk"))));
        } catch (ConditionalCheckFailedException goneOrMoved) {
            // decommissioned, or another function moved it first
        }
    }

    @Override
    public boolean pushed(String tenantId, String deviceId, Device.Push push, Instant checkAt) {
        Instant due = push.changeAt() == null ? checkAt : checkAt == null || push.changeAt().isBefore(checkAt) ? push.changeAt() : checkAt;
        Map<String, AttributeValue> values = new HashMap<>(Map.of(":n", AttributeValue.fromN(Integer.toString(push.attempts()))));
        StringBuilder set = new StringBuilder("SET eslAttempts = :n");
        List<String> remove = new ArrayList<>();
        if (push.changeAt() != null) {
            set.append(", eslChangeAt = :c");
            values.put(":c", AttributeValue.fromS(push.changeAt().toString()));
        } else {
            remove.add("eslChangeAt");
        }
        if (due != null) {
            set.append(", gsi2pk = :dpk, gsi2sk = :dsk");
            values.put(":dpk", AttributeValue.fromS(Keys.LABELS_DUE));
            values.put(":dsk", AttributeValue.fromS(Keys.dueSk(due, tenantId, deviceId)));
        } else {
            remove.add("gsi2pk");
            remove.add("gsi2sk");
        }
        String update = set + (remove.isEmpty() ? "" : " REMOVE " + String.join(", ", remove));
        try {
            db.updateItem(b -> b.tableName(table).key(key(tenantId, deviceId)).updateExpression(update)
                    .conditionExpression("attribute_exists(pk)").expressionAttributeValues(values));
            return true;
        } catch (ConditionalCheckFailedException gone) {
            return false;
        }
    }

    @Override
    public List<Due> due(Instant now, int limit) {
        QueryResponse r = db.query(b -> b.tableName(table).indexName("gsi2").keyConditionExpression("gsi2pk = :pk AND gsi2sk <= :upTo")
                .expressionAttributeValues(Map.of(":pk", AttributeValue.fromS(Keys.LABELS_DUE),
                        ":upTo", AttributeValue.fromS(Keys.dueSk(now, "~", "~"))))
                .limit(limit));
        List<Due> out = new ArrayList<>();
        for (Map<String, AttributeValue> i : r.items()) {
            if (i.containsKey("checkOf")) {
                // a bulk push's check item: every label it names
                String tenant = i.get("checkOf").s();
                for (String id : i.get("deviceIds").ss()) out.add(new Due(tenant, id, i.get("sk").s()));
            } else {
                String[] t = Device.tenantAndDevice(i.get("thingName").s());
                out.add(new Due(t[0], t[1]));
            }
        }
        return out;
    }

    /** At most this many labels per check item (a string set of device ids stays far below DynamoDB's 400 KB item). */
    static final int CHECK_SIZE = 1000;

    @Override
    public void checkLater(String tenantId, List<String> deviceIds, Instant checkAt) {
        for (int from = 0; from < deviceIds.size(); from += CHECK_SIZE) {
            List<String> ids = deviceIds.subList(from, Math.min(deviceIds.size(), from + CHECK_SIZE));
            String id = com.zhidian.core.Ids.next("ck");
            Map<String, AttributeValue> item = new HashMap<>();
            item.put("pk", AttributeValue.fromS(Keys.checks(tenantId)));
            item.put("sk", AttributeValue.fromS(id));
            item.put("checkOf", AttributeValue.fromS(tenantId));
            item.put("deviceIds", AttributeValue.fromSs(new ArrayList<>(new LinkedHashSet<>(ids))));
            item.put("gsi2pk", AttributeValue.fromS(Keys.LABELS_DUE));
            item.put("gsi2sk", AttributeValue.fromS(Keys.dueSk(checkAt, tenantId, id)));
            // a check the sweep never took (it failed for a week) goes by itself
            item.put("ttl", AttributeValue.fromN(Long.toString(checkAt.getEpochSecond() + 7 * 24 * 3600)));
            db.putItem(b -> b.tableName(table).item(item));
        }
    }

    @Override
    public void checked(String tenantId, String check) {
        db.deleteItem(b -> b.tableName(table).key(Map.of("pk", AttributeValue.fromS(Keys.checks(tenantId)), "sk", AttributeValue.fromS(check))));
    }

    /** The condition is {@link Presence#after} in DynamoDB's words: a later event, or a disconnect at the same millisecond. */
    @Override
    public void seen(String tenantId, String deviceId, boolean connected, long timestampMillis) {
        try {
            db.updateItem(b -> b.tableName(table).key(key(tenantId, deviceId))
                    .updateExpression("SET #online = :on, lastSeen = :t")
                    .expressionAttributeNames(Map.of("#online", "online"))   // a DynamoDB reserved word
                    .conditionExpression("attribute_exists(pk) AND (attribute_not_exists(lastSeen) OR lastSeen "
                            + (connected ? "<" : "<=") + " :t)")
                    .expressionAttributeValues(Map.of(":on", AttributeValue.fromBool(connected),
                            ":t", AttributeValue.fromN(Long.toString(timestampMillis)))));
        } catch (ConditionalCheckFailedException staleOrGone) {
            // an older event than the one applied, or a decommissioned device: nothing to change
        }
    }

    private static Device device(Map<String, AttributeValue> i) {
        AttributeValue online = i.get("online");
        AttributeValue lastSeen = i.get("lastSeen");
        Presence p = lastSeen == null ? Presence.NEVER
                : new Presence(online != null && Boolean.TRUE.equals(online.bool()), Long.parseLong(lastSeen.n()));
        AttributeValue gtin = i.get("gtin");
        AttributeValue attempts = i.get("eslAttempts");
        AttributeValue changeAt = i.get("eslChangeAt");
        Device.Push push = new Device.Push(attempts == null ? 0 : Integer.parseInt(attempts.n()),
                changeAt == null ? null : Instant.parse(changeAt.s()));
        return new Device(i.get("sk").s(), i.get("storeId").s(), i.get("kind").s(), i.get("name").s(),
                gtin == null ? null : gtin.s(), i.get("thingName").s(), i.get("createdAt").s(), p, push);
    }
}
