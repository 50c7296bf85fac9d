package com.zhidian.catalog.store;

import com.zhidian.catalog.domain.StoreDirectory;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

/** Reads the stores context's store item (pk {@code T#<tenant>#STORE}, sk the store id); never writes it. */
public final class DynamoStoreDirectory implements StoreDirectory {
    private final Table table;

    public DynamoStoreDirectory(DynamoDbClient db) {
        this.table = new Table(db);
    }

    @Override
    public boolean exists(String tenantId, String storeId) {
        var item = table.db.getItem(b -> b.tableName(table.name).key(Table.key(Keys.stores(tenantId), storeId))
                .projectionExpression("pk")).item();
        return item != null && !item.isEmpty();
    }
}
