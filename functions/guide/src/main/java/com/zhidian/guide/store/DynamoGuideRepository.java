package com.zhidian.guide.store;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.zhidian.core.Env;
import com.zhidian.core.paging.Cursor;
import com.zhidian.core.paging.Page;
import com.zhidian.core.paging.Pages;
import com.zhidian.guide.domain.GuideEvent;
import com.zhidian.guide.domain.GuideRepository;
import com.zhidian.guide.domain.Placement;
import com.zhidian.guide.domain.Rect;
import com.zhidian.guide.domain.StoreMap;
import com.zhidian.guide.domain.Zone;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.BatchGetItemResponse;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;
import software.amazon.awssdk.services.dynamodb.model.KeysAndAttributes;
import software.amazon.awssdk.services.dynamodb.model.QueryResponse;
import software.amazon.awssdk.services.dynamodb.model.TransactWriteItem;
import software.amazon.awssdk.services.dynamodb.model.TransactionCanceledException;

/**
 * A store's map (one item, versioned, its zones as JSON), placements (one item each, a partition per store and kind),
 * events (one item each) with the store's event count beside them, kept in the same transaction.
 */
public final class DynamoGuideRepository implements GuideRepository {
    private static final ObjectMapper JSON = new ObjectMapper();
    private final DynamoDbClient db;
    private final String table = Env.tableName();

    public DynamoGuideRepository(DynamoDbClient db) {
        this.db = db;
    }

    private static AttributeValue s(String v) { return AttributeValue.fromS(v); }

    private static AttributeValue n(long v) { return AttributeValue.fromN(Long.toString(v)); }

    private static Map<String, AttributeValue> key(String pk, String sk) { return Map.of("pk", s(pk), "sk", s(sk)); }

    private Map<String, AttributeValue> get(String pk, String sk) {
        Map<String, AttributeValue> i = db.getItem(b -> b.tableName(table).key(key(pk, sk)).consistentRead(true)).item();
        return i == null || i.isEmpty() ? null : i;
    }

    // ---- the map ----

    @Override
    public StoreMap map(String tenantId, String storeId) {
        Map<String, AttributeValue> i = get(Keys.maps(tenantId), storeId);
        if (i == null) return null;
        Map<String, Object> m = read(i.get("map").s());
        List<Zone> zones = new ArrayList<>();
        for (Map<String, Object> z : list(m.get("zones"))) {
            List<Rect> cells = new ArrayList<>();
            for (Map<String, Object> c : list(z.get("cells"))) cells.add(new Rect(num(c, "x"), num(c, "y"), num(c, "width"), num(c, "height")));
            zones.add(new Zone((String) z.get("id"), (String) z.get("name"), (String) z.get("kind"), cells));
        }
        return new StoreMap(num(m, "width"), num(m, "height"), zones, Long.parseLong(i.get("version").n()), Instant.parse(i.get("updatedAt").s()));
    }

    @Override
    public boolean saveMap(String tenantId, String storeId, StoreMap map, long expected) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("width", map.width());
        m.put("height", map.height());
        m.put("zones", map.zones().stream().map(z -> Map.of("id", z.id(), "name", z.name(), "kind", z.kind(),
                "cells", z.cells().stream().map(c -> Map.of("x", c.x(), "y", c.y(), "width", c.width(), "height", c.height())).toList())).toList());
        Map<String, AttributeValue> item = new HashMap<>(key(Keys.maps(tenantId), storeId));
        item.put("map", s(write(m)));
        item.put("version", n(map.version()));
        item.put("updatedAt", s(map.updatedAt().toString()));
        try {
            if (expected == 0) {
                db.putItem(b -> b.tableName(table).item(item).conditionExpression("attribute_not_exists(pk)"));
            } else {
                db.putItem(b -> b.tableName(table).item(item).conditionExpression("version = :v").expressionAttributeValues(Map.of(":v", n(expected))));
            }
            return true;
        } catch (ConditionalCheckFailedException stale) {
            return false;
        }
    }

    // ---- placements ----

    @Override
    public Placement placement(String tenantId, String storeId, String kind, String key) {
        Map<String, AttributeValue> i = get(Keys.placements(tenantId, storeId, kind), key);
        return i == null ? null : placement(kind, i);
    }

    @Override
    public void putPlacement(String tenantId, String storeId, Placement p) {
        Map<String, AttributeValue> item = new HashMap<>(key(Keys.placements(tenantId, storeId, p.kind()), p.key()));
        item.put("zoneId", s(p.zoneId()));
        if (p.shelf() != null) item.put("shelf", s(p.shelf()));
        // the product name's pinyin spellings, made on save for the kiosk's pinyin search
        if (!p.spellings().isEmpty()) item.put("spell", AttributeValue.builder().l(p.spellings().stream().map(DynamoGuideRepository::s).toList()).build());
        item.put("updatedAt", s(p.updatedAt().toString()));
        db.putItem(b -> b.tableName(table).item(item));
    }

    @Override
    public boolean deletePlacement(String tenantId, String storeId, String kind, String key) {
        try {
            db.deleteItem(b -> b.tableName(table).key(key(Keys.placements(tenantId, storeId, kind), key)).conditionExpression("attribute_exists(pk)"));
            return true;
        } catch (ConditionalCheckFailedException none) {
            return false;
        }
    }

    @Override
    public Page<Placement> placements(String tenantId, String storeId, String kind, int limit, String cursor) {
        String pk = Keys.placements(tenantId, storeId, kind);
        QueryResponse r = db.query(b -> b.tableName(table).keyConditionExpression("pk = :pk").expressionAttributeValues(Map.of(":pk", s(pk)))
                .limit(Pages.fetch(limit)).exclusiveStartKey(Cursor.decode(pk, cursor)));
        return Pages.of(r, limit, pk, i -> placement(kind, i), "pk", "sk");
    }

    @Override
    public Map<String, Placement> placementsOf(String tenantId, String storeId, String kind, Collection<String> keys) {
        Map<String, Placement> out = new HashMap<>();
        List<String> all = new ArrayList<>(new LinkedHashSet<>(keys));
        String pk = Keys.placements(tenantId, storeId, kind);
        for (int from = 0; from < all.size(); from += 100) {
            List<Map<String, AttributeValue>> wanted = all.subList(from, Math.min(all.size(), from + 100)).stream().map(k -> key(pk, k)).toList();
            Map<String, KeysAndAttributes> request = Map.of(table, KeysAndAttributes.builder().keys(wanted).consistentRead(true).build());
            while (request != null && !request.isEmpty()) {
                Map<String, KeysAndAttributes> ask = request;
                BatchGetItemResponse r = db.batchGetItem(b -> b.requestItems(ask));
                for (Map<String, AttributeValue> i : r.responses().getOrDefault(table, List.of())) out.put(i.get("sk").s(), placement(kind, i));
                request = r.hasUnprocessedKeys() && !r.unprocessedKeys().isEmpty() ? r.unprocessedKeys() : null;
            }
        }
        return out;
    }

    private static Placement placement(String kind, Map<String, AttributeValue> i) {
        return new Placement(kind, i.get("sk").s(), i.get("zoneId").s(), i.containsKey("shelf") ? i.get("shelf").s() : null,
                Instant.parse(i.get("updatedAt").s()), i.containsKey("spell") ? i.get("spell").l().stream().map(AttributeValue::s).toList() : List.of());
    }

    // ---- events ----

    @Override
    public GuideEvent event(String tenantId, String storeId, String eventId) {
        Map<String, AttributeValue> i = get(Keys.events(tenantId, storeId), eventId);
        return i == null ? null : event(i);
    }

    @Override
    public boolean addEvent(String tenantId, String storeId, GuideEvent e, int max) {
        try {
            db.transactWriteItems(b -> b.transactItems(
                    TransactWriteItem.builder().update(u -> u.tableName(table).key(key(Keys.eventCounts(tenantId), storeId))
                            .updateExpression("ADD #c :one").conditionExpression("attribute_not_exists(#c) OR #c < :max")
                            .expressionAttributeNames(Map.of("#c", "events")).expressionAttributeValues(Map.of(":one", n(1), ":max", n(max)))).build(),
                    TransactWriteItem.builder().put(p -> p.tableName(table).item(eventItem(tenantId, storeId, e))
                            .conditionExpression("attribute_not_exists(pk)")).build()));
            return true;
        } catch (TransactionCanceledException full) {
            return false;
        }
    }

    @Override
    public boolean replaceEvent(String tenantId, String storeId, GuideEvent e) {
        try {
            db.putItem(b -> b.tableName(table).item(eventItem(tenantId, storeId, e)).conditionExpression("attribute_exists(pk)"));
            return true;
        } catch (ConditionalCheckFailedException gone) {
            return false;
        }
    }

    @Override
    public boolean deleteEvent(String tenantId, String storeId, String eventId) {
        try {
            db.transactWriteItems(b -> b.transactItems(
                    TransactWriteItem.builder().delete(d -> d.tableName(table).key(key(Keys.events(tenantId, storeId), eventId))
                            .conditionExpression("attribute_exists(pk)")).build(),
                    TransactWriteItem.builder().update(u -> u.tableName(table).key(key(Keys.eventCounts(tenantId), storeId))
                            .updateExpression("ADD #c :minus").expressionAttributeNames(Map.of("#c", "events"))
                            .expressionAttributeValues(Map.of(":minus", n(-1)))).build()));
            return true;
        } catch (TransactionCanceledException none) {
            return false;
        }
    }

    @Override
    public Page<GuideEvent> events(String tenantId, String storeId, int limit, String cursor) {
        String pk = Keys.events(tenantId, storeId);
        QueryResponse r = db.query(b -> b.tableName(table).keyConditionExpression("pk = :pk").expressionAttributeValues(Map.of(":pk", s(pk)))
                .scanIndexForward(false).limit(Pages.fetch(limit)).exclusiveStartKey(Cursor.decode(pk, cursor)));
        return Pages.of(r, limit, pk, DynamoGuideRepository::event, "pk", "sk");
    }

    @Override
    public List<GuideEvent> allEvents(String tenantId, String storeId) {
        List<GuideEvent> out = new ArrayList<>();
        Map<String, AttributeValue> start = null;
        do {
            Map<String, AttributeValue> at = start;
            QueryResponse r = db.query(b -> b.tableName(table).keyConditionExpression("pk = :pk")
                    .expressionAttributeValues(Map.of(":pk", s(Keys.events(tenantId, storeId)))).exclusiveStartKey(at));
            for (Map<String, AttributeValue> i : r.items()) out.add(event(i));
            start = r.hasLastEvaluatedKey() && !r.lastEvaluatedKey().isEmpty() ? r.lastEvaluatedKey() : null;
        } while (start != null);
        return out;
    }

    private Map<String, AttributeValue> eventItem(String tenantId, String storeId, GuideEvent e) {
        Map<String, AttributeValue> i = new HashMap<>(key(Keys.events(tenantId, storeId), e.eventId()));
        i.put("title", s(e.title()));
        if (e.body() != null) i.put("body", s(e.body()));
        i.put("startsAt", s(e.startsAt().toString()));
        i.put("endsAt", s(e.endsAt().toString()));
        if (e.zoneId() != null) i.put("zoneId", s(e.zoneId()));
        i.put("createdAt", s(e.createdAt().toString()));
        i.put("updatedAt", s(e.updatedAt().toString()));
        return i;
    }

    private static GuideEvent event(Map<String, AttributeValue> i) {
        return new GuideEvent(i.get("sk").s(), i.get("title").s(), i.containsKey("body") ? i.get("body").s() : null, Instant.parse(i.get("startsAt").s()),
                Instant.parse(i.get("endsAt").s()), i.containsKey("zoneId") ? i.get("zoneId").s() : null, Instant.parse(i.get("createdAt").s()),
                Instant.parse(i.get("updatedAt").s()));
    }

    // ---- JSON of the map ----

    private static int num(Map<String, Object> m, String k) {
        return ((Number) m.get(k)).intValue();
    }

    @SuppressWarnings("unchecked")
    private static List<Map<String, Object>> list(Object o) {
        return o == null ? List.of() : (List<Map<String, Object>>) o;
    }

    private static Map<String, Object> read(String text) {
        try {
            return JSON.readValue(text, new TypeReference<>() {});
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String write(Object o) {
        try {
            return JSON.writeValueAsString(o);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
