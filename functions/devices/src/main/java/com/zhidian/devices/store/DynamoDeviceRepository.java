package com.zhidian.devices.store;

import com.zhidian.core.Env;
import com.zhidian.devices.domain.Device;
import com.zhidian.devices.domain.DeviceRepository;
import com.zhidian.devices.domain.Presence;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
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
        if (d.gtin() != null) item.put("gtin", AttributeValue.fromS(d.gtin()));
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
        return new Device(i.get("sk").s(), i.get("storeId").s(), i.get("kind").s(), i.get("name").s(),
                gtin == null ? null : gtin.s(), i.get("thingName").s(), i.get("createdAt").s(), p);
    }
}
