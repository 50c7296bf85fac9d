package com.zhidian.tenants.store;

import static com.zhidian.core.aws.Items.s;
import static com.zhidian.core.aws.Items.str;

import com.zhidian.core.Env;
import com.zhidian.core.paging.Cursor;
import com.zhidian.core.paging.Page;
import com.zhidian.core.paging.Pages;
import com.zhidian.core.tenancy.TenantDirectory;
import com.zhidian.tenants.Tenant;
import java.util.HashMap;
import java.util.Map;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;
import software.amazon.awssdk.services.dynamodb.model.Put;
import software.amazon.awssdk.services.dynamodb.model.QueryResponse;
import software.amazon.awssdk.services.dynamodb.model.ReturnValue;
import software.amazon.awssdk.services.dynamodb.model.TransactWriteItem;

/**
 * The tenant record. It is the record {@link TenantDirectory} reads on every request; the provider's
 * list of all tenants is the sparse index gsi1 under {@code TENANTS}, newest first.
 */
public final class TenantTable {
    private static final String ALL = "TENANTS";
    private final DynamoDbClient db;
    private final String table = Env.tableName();

    public TenantTable(DynamoDbClient db) {
        this.db = db;
    }

    public TransactWriteItem put(Tenant t) {
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

    public Tenant get(String tenantId) {
        Map<String, AttributeValue> item = db.getItem(b -> b.tableName(table)
                .key(Map.of("pk", s(TenantDirectory.pk(tenantId)), "sk", s(TenantDirectory.SK)))).item();
        return item == null || item.isEmpty() ? null : toTenant(item);
    }

    public Page<Tenant> list(int limit, String cursor) {
        QueryResponse r = db.query(b -> b.tableName(table).indexName("gsi1")
                .keyConditionExpression("gsi1pk = :all")
                .expressionAttributeValues(Map.of(":all", s(ALL)))
                .scanIndexForward(false).limit(Pages.fetch(limit))
                .exclusiveStartKey(Cursor.decode(ALL, cursor)));
        return Pages.of(r, limit, ALL, TenantTable::toTenant, "pk", "sk", "gsi1pk", "gsi1sk");
    }

    /** Sets the given attributes of an existing tenant; null when there is no such tenant. */
    public Tenant update(String tenantId, Map<String, String> changes) {
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
            return toTenant(after);
        } catch (ConditionalCheckFailedException e) {
            return null;
        }
    }

    private static Tenant toTenant(Map<String, AttributeValue> i) {
        return new Tenant(str(i, "tenantId"), str(i, "name"), str(i, "plan"), str(i, "timeZone"), str(i, "status"),
                str(i, "createdAt"), new Tenant.Owner(str(i, "ownerUserId"), str(i, "ownerEmail"), str(i, "ownerName"),
                str(i, "ownerPhone")));
    }
}
