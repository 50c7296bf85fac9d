package com.zhidian.telemetry.store;

import com.fasterxml.jackson.core.type.TypeReference;
import com.zhidian.core.Env;
import com.zhidian.core.Json;
import com.zhidian.core.paging.Cursor;
import com.zhidian.core.paging.Page;
import com.zhidian.core.paging.Pages;
import com.zhidian.telemetry.domain.Alert;
import com.zhidian.telemetry.domain.AlertRepository;
import com.zhidian.telemetry.domain.Notification;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;
import software.amazon.awssdk.services.dynamodb.model.QueryRequest;
import software.amazon.awssdk.services.dynamodb.model.QueryResponse;
import software.amazon.awssdk.services.dynamodb.model.ReturnValue;
import software.amazon.awssdk.services.dynamodb.model.TransactWriteItem;
import software.amazon.awssdk.services.dynamodb.model.TransactionCanceledException;

/** Alert items ({@code T#<tenant>#ALERT}, sk the alert id; listed per store through gsi1) and the stores' notifications. */
public final class DynamoAlerts implements AlertRepository {
    private final DynamoDbClient db;
    private final String table = Env.tableName();

    public DynamoAlerts(DynamoDbClient db) {
        this.db = db;
    }

    static Map<String, AttributeValue> attributes(Alert a) {
        Map<String, AttributeValue> i = new LinkedHashMap<>();
        i.put("alertId", AttributeValue.fromS(a.alertId()));
        i.put("storeId", AttributeValue.fromS(a.storeId()));
        i.put("deviceId", AttributeValue.fromS(a.deviceId()));
        i.put("rule", AttributeValue.fromS(a.rule()));
        i.put("state", AttributeValue.fromS(a.state()));
        i.put("since", AttributeValue.fromS(a.since()));
        i.put("openedAt", AttributeValue.fromS(a.openedAt()));
        i.put("facts", AttributeValue.fromS(Json.write(a.facts())));
        return i;
    }

    static Alert alert(Map<String, AttributeValue> i) {
        return new Alert(s(i, "alertId"), s(i, "storeId"), s(i, "deviceId"), s(i, "rule"), s(i, "state"), s(i, "since"), s(i, "openedAt"),
                facts(s(i, "facts")), s(i, "acknowledgedAt"), s(i, "acknowledgedBy"), s(i, "resolvedAt"), s(i, "resolvedBy"),
                i.get("sms") == null ? null : facts(s(i, "sms")));
    }

    @Override
    public Page<Alert> list(String tenantId, String storeId, List<String> stores, String state, int limit, String cursor) {
        boolean resolved = Alert.RESOLVED.equals(state);
        String index = storeId != null ? "gsi1" : "gsi2";
        String gpk = storeId != null ? Keys.alertList(tenantId, storeId, resolved) : Keys.tenantAlertList(tenantId, resolved);
        String scope = gpk + "#" + state + (stores == null ? "" : "#" + String.join(",", stores));
        QueryRequest.Builder q = QueryRequest.builder().tableName(table).indexName(index).scanIndexForward(false)
                .limit(Pages.fetch(limit)).exclusiveStartKey(Cursor.decode(scope, cursor));
        Map<String, AttributeValue> values = new HashMap<>(Map.of(":pk", AttributeValue.fromS(gpk)));
        Map<String, String> names = new HashMap<>();
        List<String> filters = new ArrayList<>();
        q.keyConditionExpression(index + "pk = :pk");
        if (Alert.OPEN.equals(state) || Alert.ACKNOWLEDGED.equals(state)) {
            filters.add("#st = :st");
            names.put("#st", "state");
            values.put(":st", AttributeValue.fromS(state));
        }
        if (stores != null) filters.add(storeFilter(stores, values));
        if (!filters.isEmpty()) q.filterExpression(String.join(" AND ", filters));
        if (!names.isEmpty()) q.expressionAttributeNames(names);
        q.expressionAttributeValues(values);
        QueryResponse r = db.query(q.build());
        return Pages.of(r, limit, scope, DynamoAlerts::alert, "pk", "sk", index + "pk", index + "sk");
    }

    /** {@code storeId IN (...)}: the stores a staff member works in. */
    private static String storeFilter(List<String> stores, Map<String, AttributeValue> values) {
        List<String> refs = new ArrayList<>();
        for (int i = 0; i < stores.size(); i++) {
            values.put(":s" + i, AttributeValue.fromS(stores.get(i)));
            refs.add(":s" + i);
        }
        return "storeId IN (" + String.join(", ", refs) + ")";
    }

    /** The alert's item (listed as active) and its one in-app notification, for a transaction. */
    static List<TransactWriteItem> opened(String table, String tenantId, Alert a, Instant now) {
        Map<String, AttributeValue> alert = new HashMap<>(key(tenantId, a.alertId()));
        alert.putAll(attributes(a));
        alert.put("gsi1pk", AttributeValue.fromS(Keys.alertList(tenantId, a.storeId(), false)));
        alert.put("gsi1sk", AttributeValue.fromS(a.openedAt() + "#" + a.alertId()));
        alert.put("gsi2pk", AttributeValue.fromS(Keys.tenantAlertList(tenantId, false)));
        alert.put("gsi2sk", AttributeValue.fromS(a.openedAt() + "#" + a.alertId()));
        Map<String, AttributeValue> notice = new HashMap<>(Map.of("pk", AttributeValue.fromS(Keys.notices(tenantId)),
                "sk", AttributeValue.fromS(now + "#" + a.alertId())));
        notice.put("alertId", AttributeValue.fromS(a.alertId()));
        notice.put("rule", AttributeValue.fromS(a.rule()));
        notice.put("deviceId", AttributeValue.fromS(a.deviceId()));
        notice.put("storeId", AttributeValue.fromS(a.storeId()));
        notice.put("at", AttributeValue.fromS(now.toString()));
        notice.put("facts", AttributeValue.fromS(Json.write(a.facts())));
        return List.of(TransactWriteItem.builder().put(p -> p.tableName(table).item(alert).conditionExpression("attribute_not_exists(pk)")).build(),
                TransactWriteItem.builder().put(p -> p.tableName(table).item(notice)).build());
    }

    @Override
    public boolean raise(String tenantId, String key, Alert a, Instant now) {
        List<TransactWriteItem> items = new ArrayList<>();
        Map<String, AttributeValue> marker = new HashMap<>(Map.of("pk", AttributeValue.fromS(Keys.raised(tenantId)),
                "sk", AttributeValue.fromS(a.rule() + "#" + key)));
        marker.put("alertId", AttributeValue.fromS(a.alertId()));
        marker.put("storeId", AttributeValue.fromS(a.storeId()));
        items.add(TransactWriteItem.builder().put(p -> p.tableName(table).item(marker).conditionExpression("attribute_not_exists(pk)")).build());
        items.addAll(opened(table, tenantId, a, now));
        try {
            db.transactWriteItems(b -> b.transactItems(items));
            return true;
        } catch (TransactionCanceledException e) {
            if (!e.cancellationReasons().isEmpty() && "ConditionalCheckFailed".equals(e.cancellationReasons().get(0).code())) return false;
            throw e;
        }
    }

    @Override
    public Optional<String> clear(String tenantId, String rule, String key, Instant now) {
        Map<String, AttributeValue> k = Map.of("pk", AttributeValue.fromS(Keys.raised(tenantId)), "sk", AttributeValue.fromS(rule + "#" + key));
        Map<String, AttributeValue> gone = db.deleteItem(b -> b.tableName(table).key(k).returnValues(ReturnValue.ALL_OLD)).attributes();
        if (gone == null || gone.isEmpty()) return Optional.empty();
        String alertId = gone.get("alertId").s();
        // the condition that ended it (stock back, the pickup collected or removed): resolved by the system unless a person did first
        change(tenantId, gone.get("storeId").s(), alertId, Alert.RESOLVED, "system", now);
        return Optional.of(alertId);
    }

    @Override
    public Optional<Alert> find(String tenantId, String alertId) {
        Map<String, AttributeValue> i = db.getItem(b -> b.tableName(table).consistentRead(true).key(key(tenantId, alertId))).item();
        return i == null || i.isEmpty() ? Optional.empty() : Optional.of(alert(i));
    }

    @Override
    public Optional<Alert> change(String tenantId, String storeId, String alertId, String state, String by, Instant at) {
        boolean resolving = Alert.RESOLVED.equals(state);
        Map<String, AttributeValue> values = new HashMap<>(Map.of(":st", AttributeValue.fromS(state), ":resolved", AttributeValue.fromS(Alert.RESOLVED),
                ":at", AttributeValue.fromS(at.toString()), ":by", AttributeValue.fromS(by == null ? "unknown" : by)));
        String set = resolving ? "SET #st = :st, resolvedAt = :at, resolvedBy = :by, gsi1pk = :list, gsi2pk = :all"
                : "SET #st = :st, acknowledgedAt = :at, acknowledgedBy = :by";
        try {
            Map<String, AttributeValue> i = db.updateItem(b -> {
                b.tableName(table).key(key(tenantId, alertId)).updateExpression(set)
                        .conditionExpression("attribute_exists(pk) AND #st <> :resolved")
                        .expressionAttributeNames(Map.of("#st", "state")).returnValues(ReturnValue.ALL_NEW);
                if (resolving) {
                    values.put(":list", AttributeValue.fromS(Keys.alertList(tenantId, storeId, true)));
                    values.put(":all", AttributeValue.fromS(Keys.tenantAlertList(tenantId, true)));
                }
                b.expressionAttributeValues(values);
            }).attributes();
            return Optional.of(alert(i));
        } catch (ConditionalCheckFailedException e) {
            return Optional.empty();
        }
    }

    @Override
    public Page<Notification> notifications(String tenantId, List<String> stores, int limit, String cursor) {
        String pk = Keys.notices(tenantId);
        String scope = pk + (stores == null ? "" : "#" + String.join(",", stores));
        Map<String, AttributeValue> values = new HashMap<>(Map.of(":pk", AttributeValue.fromS(pk)));
        QueryRequest.Builder q = QueryRequest.builder().tableName(table).keyConditionExpression("pk = :pk").scanIndexForward(false)
                .limit(Pages.fetch(limit)).exclusiveStartKey(Cursor.decode(scope, cursor));
        if (stores != null) q.filterExpression(storeFilter(stores, values));
        QueryResponse r = db.query(q.expressionAttributeValues(values).build());
        return Pages.of(r, limit, scope, i -> new Notification(i.get("sk").s(), s(i, "storeId"), s(i, "alertId"), s(i, "rule"), s(i, "deviceId"),
                s(i, "at"), facts(s(i, "facts"))), "pk", "sk");
    }

    private static Map<String, AttributeValue> key(String tenantId, String alertId) {
        return Map.of("pk", AttributeValue.fromS(Keys.alerts(tenantId)), "sk", AttributeValue.fromS(alertId));
    }

    private static String s(Map<String, AttributeValue> i, String name) {
        AttributeValue v = i.get(name);
        return v == null ? null : v.s();
    }

    private static Map<String, Object> facts(String json) {
        if (json == null) return Map.of();
        try {
            return Json.MAPPER.readValue(json, new TypeReference<LinkedHashMap<String, Object>>() {});
        } catch (java.io.IOException e) {
            return Map.of();
        }
    }
}
