package com.zhidian.purchasing.store;

import static com.zhidian.core.aws.Items.key;
import static com.zhidian.core.aws.Items.n;
import static com.zhidian.core.aws.Items.num;
import static com.zhidian.core.aws.Items.s;
import static com.zhidian.core.aws.Items.str;

import com.zhidian.core.Env;
import com.zhidian.purchasing.domain.ForecastRepository;
import com.zhidian.purchasing.domain.forecast.Forecast;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.QueryResponse;

/**
 * Forecasts in one partition per store (sort key: the GTIN), and the store marked in the tenant's purchasing
 * partition, listed across tenants through gsi1 for the nightly job.
 */
public final class DynamoForecastRepository implements ForecastRepository {
    private final DynamoDbClient db;
    private final String table = Env.tableName();

    public DynamoForecastRepository(DynamoDbClient db) {
        this.db = db;
    }

    @Override
    public void save(String tenantId, String storeId, String gtin, Forecast f, Instant computedAt) {
        Map<String, AttributeValue> item = key(Keys.forecasts(tenantId, storeId), gtin);
        item.put("doc", s(Docs.forecast(f)));
        item.put("computedAt", n(computedAt.toEpochMilli()));
        db.putItem(b -> b.tableName(table).item(item));
        Map<String, AttributeValue> mark = key(Keys.purchasing(tenantId), Keys.storeSk(storeId));
        mark.put("gsi1pk", s(Keys.FORECAST_STORES));
        mark.put("gsi1sk", s(Keys.forecastStoreSk(tenantId, storeId)));
        mark.put("tenantId", s(tenantId));
        mark.put("storeId", s(storeId));
        db.putItem(b -> b.tableName(table).item(mark));
    }

    @Override
    public Optional<Stored> get(String tenantId, String storeId, String gtin) {
        Map<String, AttributeValue> item = db.getItem(b -> b.tableName(table).key(key(Keys.forecasts(tenantId, storeId), gtin))).item();
        if (item == null || item.isEmpty()) return Optional.empty();
        return Optional.of(new Stored(Docs.forecast(str(item, "doc")), Instant.ofEpochMilli(num(item, "computedAt"))));
    }

    /** Every (tenant, store) that has forecasts: what the nightly job refreshes. */
    public List<String[]> forecastStores() {
        List<String[]> out = new ArrayList<>();
        Map<String, AttributeValue> start = null;
        do {
            Map<String, AttributeValue> from = start;
            QueryResponse r = db.query(b -> b.tableName(table).indexName("gsi1").keyConditionExpression("gsi1pk = :pk")
                    .expressionAttributeValues(Map.of(":pk", s(Keys.FORECAST_STORES))).exclusiveStartKey(from));
            for (Map<String, AttributeValue> it : r.items()) out.add(new String[] {str(it, "tenantId"), str(it, "storeId")});
            start = r.hasLastEvaluatedKey() && !r.lastEvaluatedKey().isEmpty() ? r.lastEvaluatedKey() : null;
        } while (start != null);
        return out;
    }
}
