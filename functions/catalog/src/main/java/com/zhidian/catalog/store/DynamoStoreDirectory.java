package com.zhidian.catalog.store;

import com.zhidian.catalog.domain.StaffDirectory;
import com.zhidian.catalog.domain.StoreDirectory;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

/**
 * Reads the stores context's store item (pk {@code T#<tenant>#STORE}, sk the store id) and login item (pk
 * {@code T#<tenant>#USER}, sk the user id: role, storeIds comma-separated, status); never writes them.
 */
public final class DynamoStoreDirectory implements StoreDirectory, StaffDirectory {
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

    @Override
    public boolean worksIn(String tenantId, String userId, String storeId) {
        var item = table.db.getItem(b -> b.tableName(table.name).key(Table.key(Keys.users(tenantId), userId))
                .projectionExpression("#r, storeIds, #s").expressionAttributeNames(java.util.Map.of("#r", "role", "#s", "status"))).item();
        if (item == null || item.isEmpty() || "disabled".equals(Attrs.s(item, "status"))) return false;
        if ("owner".equals(Attrs.s(item, "role"))) return true;
        String stores = Attrs.s(item, "storeIds");
        return stores != null && java.util.Arrays.asList(stores.split(",")).contains(storeId);
    }
}
