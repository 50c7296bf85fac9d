package com.zhidian.stores.store;

import static com.zhidian.core.aws.Items.s;
import static com.zhidian.core.aws.Items.str;

import com.zhidian.core.Env;
import com.zhidian.core.Retry;
import com.zhidian.core.dynamo.TransactionPart;
import com.zhidian.core.paging.Cursor;
import com.zhidian.core.paging.Page;
import com.zhidian.core.paging.Pages;
import com.zhidian.stores.domain.StaffUser;
import com.zhidian.stores.domain.Store;
import com.zhidian.stores.domain.StoreRepository;
import com.zhidian.stores.domain.StoresErrors;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.Delete;
import software.amazon.awssdk.services.dynamodb.model.Put;
import software.amazon.awssdk.services.dynamodb.model.QueryResponse;
import software.amazon.awssdk.services.dynamodb.model.TransactWriteItem;
import software.amazon.awssdk.services.dynamodb.model.Update;

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
        if (store.codeChosen()) item.put("code", s(store.orderPrefix()));
        return TransactWriteItem.builder().put(Put.builder().tableName(table).item(item)
                .conditionExpression("attribute_not_exists(pk)").build()).build();
    }

    /** The claim of a chosen code: refused when another store holds it (public for onboarding's transaction). */
    public TransactWriteItem claimCode(String tenantId, String code, String storeId) {
        return TransactWriteItem.builder().put(Put.builder().tableName(table)
                .item(Map.of("pk", s(StoreKeys.codes(tenantId)), "sk", s(code), "storeId", s(storeId)))
                .conditionExpression("attribute_not_exists(pk)").build()).build();
    }

    private TransactWriteItem releaseCode(String tenantId, String code, String storeId) {
        return TransactWriteItem.builder().delete(Delete.builder().tableName(table)
                .key(Map.of("pk", s(StoreKeys.codes(tenantId)), "sk", s(code)))
                .conditionExpression("storeId = :me").expressionAttributeValues(Map.of(":me", s(storeId))).build()).build();
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
        if (!store.codeChosen()) {
            write(putStore(tenantId, store));
            return;
        }
        TransactionPart.write(db, List.of(TransactionPart.of(List.of(putStore(tenantId, store), claimCode(tenantId, store.orderPrefix(), store.storeId())),
                i -> i == 1 ? new StoresErrors.CodeTaken(store.orderPrefix()) : null)));
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
        if (!changes.containsKey("orderPrefix")) return update(StoreKeys.stores(tenantId), storeId, changes).map(DynamoStoreRepository::toStore);
        return Retry.onConflict(() -> changeWithCode(tenantId, storeId, changes), "this store is being changed by someone else; retry");
    }

    /**
     * The changes and the store's new code in one transaction: the store (as read: its code unchanged meanwhile), the
     * claim of a chosen code, the release of the code it had chosen before; back to its default code, no claim.
     */
    private Optional<Store> changeWithCode(String tenantId, String storeId, Map<String, String> changes) {
        Optional<Store> read = get(tenantId, storeId);
        if (read.isEmpty()) return Optional.empty();
        Store before = read.get();
        Map<String, String> others = new HashMap<>(changes);
        String code = others.remove("orderPrefix");
        Store after = new Store(storeId, before.name(), code, before.format(), before.address(), before.timeZone(), before.createdAt(),
                before.status());
        if (code.equals(before.orderPrefix())) return others.isEmpty() ? read : updateStore(tenantId, storeId, others);
        Map<String, String> names = new HashMap<>(Map.of("#code", "code"));
        Map<String, AttributeValue> values = new HashMap<>();
        List<String> sets = new java.util.ArrayList<>();
        if (!others.isEmpty()) sets.add(assignments(others, names, values));
        if (after.codeChosen()) {
            sets.add("#code = :code");
            values.put(":code", s(code));
        }
        String set = (sets.isEmpty() ? "" : "SET " + String.join(", ", sets)) + (after.codeChosen() ? "" : " REMOVE #code");
        String unchanged = before.codeChosen() ? "#code = :was" : "attribute_not_exists(#code)";  // the item keeps the prefix as code
        if (before.codeChosen()) values.put(":was", s(before.orderPrefix()));
        List<TransactWriteItem> writes = new java.util.ArrayList<>();
        writes.add(TransactWriteItem.builder().update(Update.builder().tableName(table)
                .key(Map.of("pk", s(StoreKeys.stores(tenantId)), "sk", s(storeId))).updateExpression(set.trim())
                .conditionExpression("attribute_exists(pk) AND " + unchanged).expressionAttributeNames(names)
                .expressionAttributeValues(values.isEmpty() ? null : values).build()).build());
        if (after.codeChosen()) writes.add(claimCode(tenantId, code, storeId));
        if (before.codeChosen()) writes.add(releaseCode(tenantId, before.orderPrefix(), storeId));
        TransactionPart.write(db, List.of(TransactionPart.of(writes,
                at -> at == 1 && after.codeChosen() ? new StoresErrors.CodeTaken(code) : null)));
        return get(tenantId, storeId);
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
        Map<String, String> names = new HashMap<>();
        Map<String, AttributeValue> values = new HashMap<>();
        String expr = "SET " + assignments(changes, names, values);
        try {
            return Optional.of(db.updateItem(b -> b.tableName(table).key(Map.of("pk", s(pk), "sk", s(sk)))
                    .updateExpression(expr).conditionExpression("attribute_exists(pk)")
                    .expressionAttributeNames(names).expressionAttributeValues(values)
                    .returnValues(software.amazon.awssdk.services.dynamodb.model.ReturnValue.ALL_NEW)).attributes());
        } catch (software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException e) {
            return Optional.empty();
        }
    }

    /** {@code #n0 = :v0, #n1 = :v1, ...} for the changes, their names and values added to the expression's maps. */
    private static String assignments(Map<String, String> changes, Map<String, String> names, Map<String, AttributeValue> values) {
        List<String> out = new java.util.ArrayList<>();
        for (Map.Entry<String, String> c : changes.entrySet()) {
            int i = out.size();
            out.add("#n" + i + " = :v" + i);
            names.put("#n" + i, c.getKey());
            values.put(":v" + i, s(c.getValue()));
        }
        return String.join(", ", out);
    }

    private QueryResponse query(String pk, int limit, String cursor) {
        return db.query(b -> b.tableName(table).keyConditionExpression("pk = :pk")
                .expressionAttributeValues(Map.of(":pk", s(pk))).limit(Pages.fetch(limit))
                .exclusiveStartKey(Cursor.decode(pk, cursor)));
    }

    private static Store toStore(Map<String, AttributeValue> i) {
        String status = str(i, "status");
        return new Store(str(i, "sk"), str(i, "name"), str(i, "code"), str(i, "format"), str(i, "address"), str(i, "timeZone"),
                str(i, "createdAt"), status == null ? Store.OPEN : status);
    }

    private static StaffUser toUser(Map<String, AttributeValue> i) {
        String ids = str(i, "storeIds");
        List<String> storeIds = ids == null || ids.isEmpty() ? List.of() : Arrays.asList(ids.split(","));
        String status = str(i, "status");
        return new StaffUser(str(i, "sk"), str(i, "email"), str(i, "name"), str(i, "role"), storeIds, str(i, "createdAt"),
                status == null ? StaffUser.ENABLED : status);
    }
}
