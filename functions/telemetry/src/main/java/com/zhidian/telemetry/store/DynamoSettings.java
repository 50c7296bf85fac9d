package com.zhidian.telemetry.store;

import com.zhidian.core.Env;
import com.zhidian.telemetry.domain.AlertSettings;
import com.zhidian.telemetry.domain.SettingsRepository;
import java.util.Map;
import java.util.Optional;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/** A store's alert settings item. */
public final class DynamoSettings implements SettingsRepository {
    private final DynamoDbClient db;
    private final String table = Env.tableName();

    public DynamoSettings(DynamoDbClient db) {
        this.db = db;
    }

    @Override
    public Optional<AlertSettings> find(String tenantId, String storeId) {
        Map<String, AttributeValue> i = db.getItem(b -> b.tableName(table).consistentRead(true)
                .key(Map.of("pk", AttributeValue.fromS(Keys.settings(tenantId)), "sk", AttributeValue.fromS(storeId)))).item();
        return Optional.ofNullable(SettingsCodec.settings(i));
    }

    @Override
    public void put(String tenantId, String storeId, AlertSettings settings) {
        db.putItem(b -> b.tableName(table).item(SettingsCodec.item(tenantId, storeId, settings)));
    }
}
