package com.zhidian.office.store;

import static com.zhidian.core.aws.Items.n;
import static com.zhidian.core.aws.Items.s;
import static com.zhidian.core.aws.Items.str;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.zhidian.core.Env;
import com.zhidian.core.Json;
import com.zhidian.core.aws.Dynamo;
import com.zhidian.core.paging.Cursor;
import com.zhidian.core.paging.Page;
import com.zhidian.core.paging.Pages;
import com.zhidian.office.domain.Checkpoint;
import com.zhidian.office.domain.PatrolAlert;
import com.zhidian.office.domain.PatrolRepository;
import com.zhidian.office.domain.PatrolRoute;
import com.zhidian.office.domain.Round;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;
import software.amazon.awssdk.services.dynamodb.model.QueryRequest;
import software.amazon.awssdk.services.dynamodb.model.QueryResponse;

/**
 * Checkpoints, routes, rounds and patrol alerts in the single table. A route is indexed across tenants (gsi2) for the
 * sweep; a round is one item holding its visits as a JSON document, replaced on a version condition; an alert is put
 * only if its id is new, which is what makes it raised once.
 */
public final class DynamoPatrolRepository implements PatrolRepository {
    private final DynamoDbClient db;
    private final String table = Env.tableName();
    private final Dynamo dynamo;

    public DynamoPatrolRepository(DynamoDbClient db) {
        this.db = db;
        this.dynamo = new Dynamo(db, table);
    }

    @Override
    public void addCheckpoint(String tenantId, Checkpoint c) {
        Map<String, AttributeValue> i = new HashMap<>();
        i.put("pk", s(Keys.checkpoints(tenantId)));
        i.put("sk", s(c.checkpointId()));
        i.put("gsi1pk", s(Keys.storeCheckpoints(tenantId, c.storeId())));
        i.put("gsi1sk", s(c.checkpointId()));
        i.put("doc", s(json(c)));
        db.putItem(b -> b.tableName(table).item(i).conditionExpression("attribute_not_exists(pk)"));
    }

    @Override
    public Optional<Checkpoint> checkpoint(String tenantId, String checkpointId) {
        return dynamo.get(Keys.checkpoints(tenantId), checkpointId).map(i -> read(i, Checkpoint.class));
    }

    @Override
    public List<Checkpoint> checkpoints(String tenantId, String storeId) {
        return dynamo.all(q -> q.indexName("gsi1").keyConditionExpression("gsi1pk = :pk")
                .expressionAttributeValues(Map.of(":pk", s(Keys.storeCheckpoints(tenantId, storeId)))))
                .stream().map(i -> read(i, Checkpoint.class)).toList();
    }

    @Override
    public void addRoute(String tenantId, PatrolRoute r) {
        Map<String, AttributeValue> i = new HashMap<>();
        i.put("pk", s(Keys.routes(tenantId, r.storeId())));
        i.put("sk", s(r.routeId()));
        i.put("tenantId", s(tenantId));
        i.put("gsi2pk", s(Keys.routeShard(r.routeId())));
        i.put("gsi2sk", s(Keys.routeSort(tenantId, r.storeId(), r.routeId())));
        i.put("doc", s(json(r)));
        db.putItem(b -> b.tableName(table).item(i).conditionExpression("attribute_not_exists(pk)"));
    }

    @Override
    public List<PatrolRoute> routes(String tenantId, String storeId) {
        return dynamo.all(q -> q.keyConditionExpression("pk = :pk")
                .expressionAttributeValues(Map.of(":pk", s(Keys.routes(tenantId, storeId)))))
                .stream().map(i -> read(i, PatrolRoute.class)).toList();
    }

    @Override
    public List<Swept> allRoutes() {
        List<Swept> out = new ArrayList<>();
        for (int shard = 0; shard < Keys.ROUTE_SHARDS; shard++) {
            String shardKey = Keys.routeShard(shard);
            for (Map<String, AttributeValue> i : dynamo.all(q -> q.indexName("gsi2").keyConditionExpression("gsi2pk = :pk")
                    .expressionAttributeValues(Map.of(":pk", s(shardKey))))) {
                out.add(new Swept(str(i, "tenantId"), read(i, PatrolRoute.class), i.containsKey("sweptThrough") ? str(i, "sweptThrough") : null));
            }
        }
        return out;
    }

    @Override
    public void markSwept(String tenantId, String storeId, String routeId, String through) {
        try {
            db.updateItem(b -> b.tableName(table).key(Map.of("pk", s(Keys.routes(tenantId, storeId)), "sk", s(routeId)))
                    .updateExpression("SET sweptThrough = :t").conditionExpression("attribute_exists(pk)")
                    .expressionAttributeValues(Map.of(":t", s(through))));
        } catch (ConditionalCheckFailedException e) {
            // the route is gone: nothing to mark
        }
    }

    @Override
    public Optional<Round> round(String tenantId, String roundId) {
        return dynamo.get(Keys.rounds(tenantId), roundId).map(i -> read(i, Round.class));
    }

    @Override
    public boolean saveRound(String tenantId, Round r, long expectedVersion) {
        Map<String, AttributeValue> i = new HashMap<>();
        i.put("pk", s(Keys.rounds(tenantId)));
        i.put("sk", s(r.roundId()));
        i.put("v", n(r.version()));
        i.put("gsi1pk", s(Keys.storeRounds(tenantId, r.storeId())));
        i.put("gsi1sk", s(r.dueAt() + "#" + r.roundId()));
        i.put("doc", s(json(r)));
        try {
            if (expectedVersion == 0) {
                db.putItem(b -> b.tableName(table).item(i).conditionExpression("attribute_not_exists(pk)"));
            } else {
                db.putItem(b -> b.tableName(table).item(i).conditionExpression("v = :v").expressionAttributeValues(Map.of(":v", n(expectedVersion))));
            }
            return true;
        } catch (ConditionalCheckFailedException e) {
            return false;
        }
    }

    @Override
    public Page<Round> rounds(String tenantId, String storeId, int limit, String cursor) {
        String pk = Keys.storeRounds(tenantId, storeId);
        QueryResponse r = db.query(b -> b.tableName(table).indexName("gsi1").keyConditionExpression("gsi1pk = :pk")
                .expressionAttributeValues(Map.of(":pk", s(pk))).scanIndexForward(false).limit(Pages.fetch(limit))
                .exclusiveStartKey(Cursor.decode(pk, cursor)));
        return Pages.of(r, limit, pk, i -> read(i, Round.class), "pk", "sk", "gsi1pk", "gsi1sk");
    }

    @Override
    public boolean raise(String tenantId, PatrolAlert a) {
        try {
            db.putItem(b -> b.tableName(table).item(alertItem(tenantId, a)).conditionExpression("attribute_not_exists(pk)"));
            return true;
        } catch (ConditionalCheckFailedException e) {
            return false;
        }
    }

    @Override
    public Optional<PatrolAlert> alert(String tenantId, String patrolAlertId) {
        return dynamo.get(Keys.alerts(tenantId), patrolAlertId).map(i -> read(i, PatrolAlert.class));
    }

    @Override
    public void saveAlert(String tenantId, PatrolAlert a) {
        db.putItem(b -> b.tableName(table).item(alertItem(tenantId, a)).conditionExpression("attribute_exists(pk)"));
    }

    @Override
    public Page<PatrolAlert> alerts(String tenantId, String storeId, String state, int limit, String cursor) {
        boolean byStore = storeId != null;
        String pk = byStore ? Keys.storeAlerts(tenantId, storeId) : Keys.alerts(tenantId);
        Map<String, AttributeValue> values = new HashMap<>();
        values.put(":pk", s(pk));
        QueryRequest.Builder q = QueryRequest.builder().tableName(table).keyConditionExpression((byStore ? "gsi1pk" : "pk") + " = :pk")
                .scanIndexForward(false).limit(Pages.fetch(limit)).exclusiveStartKey(Cursor.decode(pk, cursor));
        if (byStore) q.indexName("gsi1");
        if (state != null) {
            q.filterExpression("#st = :st").expressionAttributeNames(Map.of("#st", "state"));
            values.put(":st", s(state));
        }
        q.expressionAttributeValues(values);
        QueryResponse r = db.query(q.build());
        return byStore ? Pages.of(r, limit, pk, i -> read(i, PatrolAlert.class), "pk", "sk", "gsi1pk", "gsi1sk")
                : Pages.of(r, limit, pk, i -> read(i, PatrolAlert.class), "pk", "sk");
    }

    @Override
    public boolean markAsked(String tenantId, String roundId, String checkpointId, long expiresEpochSecond, boolean cameraOffline) {
        Map<String, AttributeValue> i = new HashMap<>();
        i.put("pk", s(Keys.cameraAsks(tenantId)));
        i.put("sk", s(roundId + "#" + checkpointId));
        i.put("ttl", n(expiresEpochSecond));
        if (cameraOffline) i.put("offline", AttributeValue.fromBool(true));
        try {
            db.putItem(b -> b.tableName(table).item(i).conditionExpression("attribute_not_exists(pk)"));
            return true;
        } catch (ConditionalCheckFailedException e) {
            return false;
        }
    }

    @Override
    public java.util.Set<String> offlineAsks(String tenantId, String roundId) {
        java.util.Set<String> out = new java.util.HashSet<>();
        Map<String, AttributeValue> start = null;
        do {
            Map<String, AttributeValue> from = start;
            QueryResponse r = db.query(b -> b.tableName(table).keyConditionExpression("pk = :pk AND begins_with(sk, :r)")
                    .filterExpression("#o = :t").expressionAttributeNames(Map.of("#o", "offline")).consistentRead(true).exclusiveStartKey(from)
                    .expressionAttributeValues(Map.of(":pk", s(Keys.cameraAsks(tenantId)), ":r", s(roundId + "#"), ":t", AttributeValue.fromBool(true))));
            r.items().forEach(i -> out.add(str(i, "sk").substring(roundId.length() + 1)));
            start = r.hasLastEvaluatedKey() && !r.lastEvaluatedKey().isEmpty() ? r.lastEvaluatedKey() : null;
        } while (start != null);
        return out;
    }

    @Override
    public Integer retentionDays(String tenantId) {
        return dynamo.get(Keys.patrolSettings(tenantId), "settings").filter(i -> i.containsKey("retentionDays"))
                .map(i -> Integer.parseInt(i.get("retentionDays").n())).orElse(null);
    }

    @Override
    public void setRetentionDays(String tenantId, int days) {
        db.putItem(b -> b.tableName(table).item(Map.of("pk", s(Keys.patrolSettings(tenantId)), "sk", s("settings"), "retentionDays", n(days))));
    }

    private Map<String, AttributeValue> alertItem(String tenantId, PatrolAlert a) {
        Map<String, AttributeValue> i = new HashMap<>();
        i.put("pk", s(Keys.alerts(tenantId)));
        i.put("sk", s(a.patrolAlertId()));
        i.put("state", s(a.state()));
        i.put("gsi1pk", s(Keys.storeAlerts(tenantId, a.storeId())));
        i.put("gsi1sk", s(a.patrolAlertId()));
        i.put("doc", s(json(a)));
        return i;
    }

    static String json(Object o) {
        try {
            return Json.MAPPER.writeValueAsString(o);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    static <T> T read(Map<String, AttributeValue> i, Class<T> type) {
        try {
            return Json.MAPPER.readValue(str(i, "doc"), type);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
