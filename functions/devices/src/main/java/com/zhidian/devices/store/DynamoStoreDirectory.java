package com.zhidian.devices.store;

import com.zhidian.core.Env;
import com.zhidian.devices.domain.StoreDirectory;
import java.util.Map;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/** Reads the stores context's store item (pk {@code T#<tenant>#STORE}, sk the store id); never writes it. */
public final class DynamoStoreDirectory implements StoreDirectory {
    private final DynamoDbClient db;

    public DynamoStoreDirectory(DynamoDbClient db) {
        this.db = db;
    }

    @Override
    public boolean exists(String tenantId, String storeId) {
        var item = db.getItem(b -> b.tableName(Env.tableName()).projectionExpression("pk").key(Map.of(
                "pk", AttributeValue.fromS(Keys.stores(tenantId)), "sk", AttributeValue.fromS(storeId)))).item();
        return item != null && !item.isEmpty();
    }
}
