package com.zhidian.stores.store;

import static com.zhidian.core.aws.Items.s;
import static com.zhidian.core.aws.Items.str;

import com.zhidian.core.Env;
import com.zhidian.core.paging.Cursor;
import com.zhidian.core.paging.Page;
import com.zhidian.core.paging.Pages;
import com.zhidian.stores.domain.StaffUser;
import com.zhidian.stores.domain.Store;
import com.zhidian.stores.domain.StoreRepository;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.Put;
import software.amazon.awssdk.services.dynamodb.model.QueryResponse;
import software.amazon.awssdk.services.dynamodb.model.TransactWriteItem;

/**
 * Stores and staff records in the single table. The item builders ({@link #putStore}, {@link #putUser}) are public
 * for onboarding, which writes a new tenant's first stores and owner in the tenant's own transaction.
 */
public final class DynamoStoreRepository implements StoreRepository {
    private final DynamoDbClient db;
    private final String table = Env.tableName();

    public DynamoStoreRepository(DynamoDbClient db) {
        this.db = db;
    }

    public TransactWriteItem putStore(String tenantId, Store store) {
        Map<String, AttributeValue> item = new HashMap<>();
        item.put("pk", s(StoreKeys.stores(tenantId)));
        item.put("sk", s(store.storeId()));
        item.put("name", s(store.name()));
        item.put("format", s(store.format()));
        item.put("address", s(store.address()));
        item.put("timeZone", s(store.timeZone()));
        item.put("createdAt", s(store.createdAt()));
        item.put("status", s(store.status()));
        return TransactWriteItem.builder().put(Put.builder().tableName(table).item(item)
                .conditionExpression("attribute_not_exists(pk)").build()).build();
    }

    public TransactWriteItem putUser(String tenantId, StaffUser user) {
        Map<String, AttributeValue> item = new HashMap<>();
        item.put("pk", s(StoreKeys.users(tenantId)));
        item.put("sk", s(user.userId()));
        item.put("email", s(user.email()));
        item.put("name", s(user.name()));
        item.put("role", s(user.role()));
        item.put("storeIds", s(String.join(",", user.storeIds())));
        item.put("createdAt", s(user.createdAt()));
        item.put("status", s(user.status()));
        return TransactWriteItem.builder().put(Put.builder().tableName(table).item(item).build()).build();
    }

    @Override
    public void add(String tenantId, Store store) {
        write(putStore(tenantId, store));
    }

    @Override
    public void addUser(String tenantId, StaffUser user) {
        write(putUser(tenantId, user));
    }

    private void write(TransactWriteItem item) {
        db.transactWriteItems(b -> b.transactItems(List.of(item)));
    }

    @Override
    public Optional<Store> get(String tenantId, String storeId) {
        Map<String, AttributeValue> item = db.getItem(b -> b.tableName(table)
                .key(Map.of("pk", s(StoreKeys.stores(tenantId)), "sk", s(storeId)))).item();
        return item == null || item.isEmpty() ? Optional.empty() : Optional.of(toStore(item));
    }

    @Override
    public Page<Store> list(String tenantId, int limit, String cursor) {
        String pk = StoreKeys.stores(tenantId);
        return Pages.of(query(pk, limit, cursor), limit, pk, DynamoStoreRepository::toStore, "pk", "sk");
    }

    @Override
    public Page<StaffUser> users(String tenantId, int limit, String cursor) {
        String pk = StoreKeys.users(tenantId);
        return Pages.of(query(pk, limit, cursor), limit, pk, DynamoStoreRepository::toUser, "pk", "sk");
    }

    @Override
    public Optional<Store> updateStore(String tenantId, String storeId, Map<String, String> changes) {
        return update(StoreKeys.stores(tenantId), storeId, changes).map(DynamoStoreRepository::toStore);
    }

    @Override
    public Optional<StaffUser> user(String tenantId, String userId) {
        Map<String, AttributeValue> item = db.getItem(b -> b.tableName(table)
                .key(Map.of("pk", s(StoreKeys.users(tenantId)), "sk", s(userId)))).item();
        return item == null || item.isEmpty() ? Optional.empty() : Optional.of(toUser(item));
    }

    @Override
    public Optional<StaffUser> updateUser(String tenantId, String userId, Map<String, String> changes) {
        return update(StoreKeys.users(tenantId), userId, changes).map(DynamoStoreRepository::toUser);
    }

    /** SET each change on an item that exists; empty when it does not. */
    private Optional<Map<String, AttributeValue>> update(String pk, String sk, Map<String, String> changes) {
        StringBuilder expr = new StringBuilder("SET ");
        Map<String, String> names = new HashMap<>();
        Map<String, AttributeValue> values = new HashMap<>();
        int i = 0;
        for (Map.Entry<String, String> c : changes.entrySet()) {
            if (i > 0) expr.append(", ");
            expr.append("#n").append(i).append(" = :v").append(i);
            names.put("#n" + i, c.getKey());
            values.put(":v" + i, s(c.getValue()));
            i++;
        }
        try {
            return Optional.of(db.updateItem(b -> b.tableName(table).key(Map.of("pk", s(pk), "sk", s(sk)))
                    .updateExpression(expr.toString()).conditionExpression("attribute_exists(pk)")
                    .expressionAttributeNames(names).expressionAttributeValues(values)
                    .returnValues(software.amazon.awssdk.services.dynamodb.model.ReturnValue.ALL_NEW)).attributes());
        } catch (software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException e) {
            return Optional.empty();
        }
    }

    private QueryResponse query(String pk, int limit, String cursor) {
        return db.query(b -> b.tableName(table).keyConditionExpression("pk = :pk")
                .expressionAttributeValues(Map.of(":pk", s(pk))).limit(Pages.fetch(limit))
                .exclusiveStartKey(Cursor.decode(pk, cursor)));
    }

    private static Store toStore(Map<String, AttributeValue> i) {
        String status = str(i, "status");
        return new Store(str(i, "sk"), str(i, "name"), str(i, "format"), str(i, "address"), str(i, "timeZone"), str(i, "createdAt"),
                status == null ? Store.OPEN : status);
    }

    private static StaffUser toUser(Map<String, AttributeValue> i) {
        String ids = str(i, "storeIds");
        List<String> storeIds = ids == null || ids.isEmpty() ? List.of() : Arrays.asList(ids.split(","));
        String status = str(i, "status");
        return new StaffUser(str(i, "sk"), str(i, "email"), str(i, "name"), str(i, "role"), storeIds, str(i, "createdAt"),
                status == null ? StaffUser.ENABLED : status);
    }
}
