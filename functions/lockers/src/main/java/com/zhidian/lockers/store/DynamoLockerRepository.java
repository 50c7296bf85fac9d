package com.zhidian.lockers.store;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.zhidian.core.Env;
import com.zhidian.core.aws.Dynamo;
import com.zhidian.lockers.domain.Compartment;
import com.zhidian.lockers.domain.Locker;
import com.zhidian.lockers.domain.LockerRepository;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.QueryRequest;
import software.amazon.awssdk.services.dynamodb.model.TransactWriteItem;
import software.amazon.awssdk.services.dynamodb.model.TransactionCanceledException;

/**
 * One item per locker (pk {@code T#<tenant>#LOCKER}, sk the locker id) with its compartments as one JSON attribute and a
 * version every save is conditioned on; beside it, one pickup item per deposited order (order → locker), written and
 * deleted in the same transaction as the locker.
 */
public final class DynamoLockerRepository implements LockerRepository {
    private static final ObjectMapper JSON = new ObjectMapper();
    private final DynamoDbClient db;
    private final String table = Env.tableName();

    public DynamoLockerRepository(DynamoDbClient db) {
        this.db = db;
    }

    private static Map<String, AttributeValue> key(String tenantId, String lockerId) {
        return Map.of("pk", AttributeValue.fromS(Keys.lockers(tenantId)), "sk", AttributeValue.fromS(lockerId));
    }

    private static Map<String, AttributeValue> pickupKey(String tenantId, String orderId) {
        return Map.of("pk", AttributeValue.fromS(Keys.pickups(tenantId)), "sk", AttributeValue.fromS(orderId));
    }

    @Override
    public void add(String tenantId, Locker l) {
        db.putItem(b -> b.tableName(table).item(item(tenantId, l, l.version())).conditionExpression("attribute_not_exists(pk)"));
    }

    private Map<String, AttributeValue> item(String tenantId, Locker l, long version) {
        Map<String, AttributeValue> item = new HashMap<>(key(tenantId, l.lockerId()));
        item.put("storeId", AttributeValue.fromS(l.storeId()));
        item.put("name", AttributeValue.fromS(l.name()));
        item.put("thingName", AttributeValue.fromS(l.thingName()));
        item.put("lockerKey", AttributeValue.fromS(l.key()));
        item.put("compartments", AttributeValue.fromS(write(l.compartments())));
        item.put("version", AttributeValue.fromN(Long.toString(version)));
        item.put("gsi1pk", AttributeValue.fromS(Keys.ALL_LOCKERS));
        item.put("gsi1sk", AttributeValue.fromS(Keys.allSk(tenantId, l.lockerId())));
        return item;
    }

    @Override
    public Locker find(String tenantId, String lockerId) {
        Map<String, AttributeValue> item = db.getItem(b -> b.tableName(table).key(key(tenantId, lockerId)).consistentRead(true)).item();
        return item == null || item.isEmpty() ? null : locker(item);
    }

    @Override
    public List<Locker> inStore(String tenantId, String storeId) {
        return Dynamo.all(db, QueryRequest.builder().tableName(table).keyConditionExpression("pk = :pk").filterExpression("storeId = :s")
                .expressionAttributeValues(Map.of(":pk", AttributeValue.fromS(Keys.lockers(tenantId)), ":s", AttributeValue.fromS(storeId)))
                .consistentRead(true)).stream().map(DynamoLockerRepository::locker).toList();
    }

    @Override
    public boolean save(String tenantId, Locker before, Locker after) {
        List<TransactWriteItem> parts = new ArrayList<>();
        parts.add(TransactWriteItem.builder().put(p -> p.tableName(table).item(item(tenantId, after, before.version() + 1))
                .conditionExpression("version = :v").expressionAttributeValues(Map.of(":v", AttributeValue.fromN(Long.toString(before.version())))))
                .build());
        Map<String, String> was = orders(before), now = orders(after);
        for (String orderId : now.keySet()) {
            if (!was.containsKey(orderId)) {
                Map<String, AttributeValue> p = new HashMap<>(pickupKey(tenantId, orderId));
                p.put("lockerId", AttributeValue.fromS(after.lockerId()));
                parts.add(TransactWriteItem.builder().put(x -> x.tableName(table).item(p).conditionExpression("attribute_not_exists(pk)")).build());
            }
        }
        for (String orderId : was.keySet()) {
            if (!now.containsKey(orderId)) {
                parts.add(TransactWriteItem.builder().delete(x -> x.tableName(table).key(pickupKey(tenantId, orderId))).build());
            }
        }
        try {
            db.transactWriteItems(b -> b.transactItems(parts));
            return true;
        } catch (TransactionCanceledException moved) {
            return false;
        }
    }

    private static Map<String, String> orders(Locker l) {
        Map<String, String> out = new LinkedHashMap<>();
        for (Compartment c : l.compartments()) if (c.orderId() != null) out.put(c.orderId(), c.id());
        return out;
    }

    @Override
    public String lockerOf(String tenantId, String orderId) {
        Map<String, AttributeValue> item = db.getItem(b -> b.tableName(table).key(pickupKey(tenantId, orderId)).consistentRead(true)).item();
        return item == null || item.isEmpty() ? null : item.get("lockerId").s();
    }

    @Override
    public List<String[]> all() {
        List<String[]> out = new ArrayList<>();
        for (Map<String, AttributeValue> i : Dynamo.all(db, QueryRequest.builder().tableName(table).indexName("gsi1")
                .keyConditionExpression("gsi1pk = :pk").expressionAttributeValues(Map.of(":pk", AttributeValue.fromS(Keys.ALL_LOCKERS))))) {
            String sk = i.get("gsi1sk").s();
            int hash = sk.indexOf('#');
            out.add(new String[] {sk.substring(0, hash), sk.substring(hash + 1)});
        }
        return out;
    }

    private static Locker locker(Map<String, AttributeValue> i) {
        return new Locker(i.get("sk").s(), i.get("storeId").s(), i.get("name").s(), i.get("thingName").s(), i.get("lockerKey").s(),
                read(i.get("compartments").s()), Long.parseLong(i.get("version").n()));
    }

    private static String write(List<Compartment> cs) {
        List<Map<String, Object>> out = new ArrayList<>();
        for (Compartment c : cs) {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("id", c.id());
            m.put("size", c.size());
            m.put("state", c.state());
            if (c.use() != null) m.put("use", c.use());
            if (c.orderId() != null) m.put("orderId", c.orderId());
            if (c.depositId() != null) m.put("depositId", c.depositId());
            if (c.deadline() != null) m.put("deadline", c.deadline().toString());
            if (c.codeUsed()) m.put("codeUsed", true);
            if (c.overdue()) m.put("overdue", true);
            out.add(m);
        }
        try {
            return JSON.writeValueAsString(out);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static List<Compartment> read(String json) {
        try {
            List<Map<String, Object>> in = JSON.readValue(json, new TypeReference<>() {});
            List<Compartment> out = new ArrayList<>();
            for (Map<String, Object> m : in) {
                out.add(new Compartment((String) m.get("id"), (String) m.get("size"), (String) m.get("state"), (String) m.get("use"),
                        (String) m.get("orderId"), (String) m.get("depositId"),
                        m.get("deadline") == null ? null : Instant.parse((String) m.get("deadline")),
                        Boolean.TRUE.equals(m.get("codeUsed")), Boolean.TRUE.equals(m.get("overdue"))));
            }
            return out;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
