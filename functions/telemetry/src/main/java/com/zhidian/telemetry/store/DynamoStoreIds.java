package com.zhidian.telemetry.store;

import com.zhidian.core.Env;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.QueryResponse;

/** A tenant's store ids, from the tenant directory's stores partition (the core's key, which every context may read). */
public final class DynamoStoreIds {
    private final DynamoDbClient db;
    private final String table = Env.tableName();

    public DynamoStoreIds(DynamoDbClient db) {
        this.db = db;
    }

    public List<String> of(String tenantId, int max) {
        List<String> out = new ArrayList<>();
        Map<String, AttributeValue> start = null;
        do {
            Map<String, AttributeValue> from = start;
            QueryResponse r = db.query(b -> b.tableName(table).keyConditionExpression("pk = :pk")
                    .expressionAttributeValues(Map.of(":pk", AttributeValue.fromS(Keys.stores(tenantId)))).projectionExpression("sk")
                    .exclusiveStartKey(from));
            for (Map<String, AttributeValue> i : r.items()) if (out.size() < max) out.add(i.get("sk").s());
            start = r.hasLastEvaluatedKey() && !r.lastEvaluatedKey().isEmpty() && out.size() < max ? r.lastEvaluatedKey() : null;
        } while (start != null);
        return out;
    }
}
