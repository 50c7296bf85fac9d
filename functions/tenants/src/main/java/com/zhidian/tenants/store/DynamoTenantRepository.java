package com.zhidian.tenants.store;

import static com.zhidian.core.aws.Items.s;
import static com.zhidian.core.aws.Items.str;

import com.zhidian.core.Env;
import com.zhidian.core.idempotency.IdempotencyClaim;
import com.zhidian.core.paging.Cursor;
import com.zhidian.core.paging.Page;
import com.zhidian.core.paging.Pages;
import com.zhidian.core.tenancy.TenantDirectory;
import com.zhidian.stores.domain.StaffUser;
import com.zhidian.stores.domain.Store;
import com.zhidian.stores.store.DynamoStoreRepository;
import com.zhidian.tenants.domain.Tenant;
import com.zhidian.tenants.domain.TenantRepository;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;
import software.amazon.awssdk.services.dynamodb.model.Put;
import software.amazon.awssdk.services.dynamodb.model.QueryResponse;
import software.amazon.awssdk.services.dynamodb.model.ReturnValue;
import software.amazon.awssdk.services.dynamodb.model.TransactWriteItem;
import software.amazon.awssdk.services.dynamodb.model.TransactionCanceledException;

/**
 * The tenant record. It is the record {@link TenantDirectory} reads on every request; the provider's
 * list of all tenants is the sparse index gsi1 under {@code TENANTS}, newest first.
 */
public final class DynamoTenantRepository implements TenantRepository {
    private static final String ALL = "TENANTS";
    private final DynamoDbClient db;
    private final DynamoStoreRepository stores;
    private final String table = Env.tableName();

    public DynamoTenantRepository(DynamoDbClient db) {
        this.db = db;
        this.stores = new DynamoStoreRepository(db);
    }

    /**
     * One TransactWriteItems: tenant, stores, owner, and the Idempotency-Key's claim when the request sent one
     * (a retry after a lost answer is then refused instead of onboarding the tenant twice).
     */
    @Override
    public void onboard(Tenant tenant, List<Store> newStores, StaffUser owner) {
        List<TransactWriteItem> writes = new ArrayList<>();
        writes.add(put(tenant));
        for (Store s : newStores) writes.add(stores.putStore(tenant.tenantId(), s));
        writes.add(stores.putUser(tenant.tenantId(), owner));
        int claimIndex = IdempotencyClaim.appendTo(writes);
        try {
            db.transactWriteItems(b -> b.transactItems(writes));
        } catch (TransactionCanceledException e) {
            if (IdempotencyClaim.refused(e, claimIndex)) throw IdempotencyClaim.taken();
            throw e;
        }
    }

    private TransactWriteItem put(Tenant t) {
        Map<String, AttributeValue> item = new HashMap<>();
        item.put("pk", s(TenantDirectory.pk(t.tenantId())));
        item.put("sk", s(TenantDirectory.SK));
        item.put("gsi1pk", s(ALL));
        item.put("gsi1sk", s(t.createdAt() + "#" + t.tenantId()));
        item.put("tenantId", s(t.tenantId()));
        item.put("name", s(t.name()));
        item.put("plan", s(t.plan()));
        item.put("timeZone", s(t.timeZone()));
        item.put("status", s(t.status()));
        item.put("createdAt", s(t.createdAt()));
        item.put("ownerUserId", s(t.owner().userId()));
        item.put("ownerEmail", s(t.owner().email()));
        item.put("ownerName", s(t.owner().name()));
        item.put("ownerPhone", s(t.owner().phone()));
        return TransactWriteItem.builder().put(Put.builder().tableName(table).item(item)
                .conditionExpression("attribute_not_exists(pk)").build()).build();
    }

    @Override
    public Optional<Tenant> get(String tenantId) {
        Map<String, AttributeValue> item = db.getItem(b -> b.tableName(table)
                .key(Map.of("pk", s(TenantDirectory.pk(tenantId)), "sk", s(TenantDirectory.SK)))).item();
        return item == null || item.isEmpty() ? Optional.empty() : Optional.of(toTenant(item));
    }

    @Override
    public Page<Tenant> list(int limit, String cursor) {
        QueryResponse r = db.query(b -> b.tableName(table).indexName("gsi1")
                .keyConditionExpression("gsi1pk = :all")
                .expressionAttributeValues(Map.of(":all", s(ALL)))
                .scanIndexForward(false).limit(Pages.fetch(limit))
                .exclusiveStartKey(Cursor.decode(ALL, cursor)));
        return Pages.of(r, limit, ALL, DynamoTenantRepository::toTenant, "pk", "sk", "gsi1pk", "gsi1sk");
    }

    @Override
    public Optional<Tenant> update(String tenantId, Map<String, String> changes) {
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
            Map<String, AttributeValue> after = db.updateItem(b -> b.tableName(table)
                    .key(Map.of("pk", s(TenantDirectory.pk(tenantId)), "sk", s(TenantDirectory.SK)))
                    .updateExpression(expr.toString())
                    .conditionExpression("attribute_exists(pk)")
                    .expressionAttributeNames(names).expressionAttributeValues(values)
                    .returnValues(ReturnValue.ALL_NEW)).attributes();
            return Optional.of(toTenant(after));
        } catch (ConditionalCheckFailedException e) {
            return Optional.empty();
        }
    }

    private static Tenant toTenant(Map<String, AttributeValue> i) {
        return new Tenant(str(i, "tenantId"), str(i, "name"), str(i, "plan"), str(i, "timeZone"), str(i, "status"),
                str(i, "createdAt"), new Tenant.Owner(str(i, "ownerUserId"), str(i, "ownerEmail"), str(i, "ownerName"),
                str(i, "ownerPhone")));
    }
}
