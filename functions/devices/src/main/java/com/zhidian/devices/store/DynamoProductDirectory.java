package com.zhidian.devices.store;

import com.zhidian.core.Env;
import com.zhidian.devices.domain.ProductDirectory;
import java.util.Map;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/** Reads the catalog context's product item (pk {@code T#<tenant>#PRODUCT}, sk the GTIN-14); never writes it. */
public final class DynamoProductDirectory implements ProductDirectory {
    private final DynamoDbClient db;

    public DynamoProductDirectory(DynamoDbClient db) {
        this.db = db;
    }

    @Override
    public boolean exists(String tenantId, String gtin14) {
        var item = db.getItem(b -> b.tableName(Env.tableName()).projectionExpression("pk").key(Map.of(
                "pk", AttributeValue.fromS(Keys.products(tenantId)), "sk", AttributeValue.fromS(gtin14)))).item();
        return item != null && !item.isEmpty();
    }
}
