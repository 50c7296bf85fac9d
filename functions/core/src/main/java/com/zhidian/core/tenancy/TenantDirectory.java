package com.zhidian.core.tenancy;

import static com.zhidian.core.aws.Items.str;

import com.zhidian.core.Env;
import com.zhidian.core.aws.ReadAhead;
import java.util.List;
import java.util.Map;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.KeysAndAttributes;

/**
 * The one fact every request needs about its tenant: whether it may act (active or suspended) and on
 * which plan. The tenants context writes this record; every function reads it.
 */
public final class TenantDirectory {
    public record Standing(String status, String plan, String timeZone) {
        public boolean active() { return "active".equals(status); }
    }

    private final DynamoDbClient db;
    private final String table = Env.tableName();

    public TenantDirectory(DynamoDbClient db) {
        this.db = db;
    }

    public static String pk(String tenantId) { return "T#" + tenantId + "#TENANT"; }

    /** The partition of a tenant's stores (written by the stores context, checked by every function). */
    public static String storesPk(String tenantId) { return "T#" + tenantId + "#STORE"; }
    public static final String SK = "META";

    /** The tenant's standing, or null when there is no such tenant. */
    public Standing standing(String tenantId) {
        Map<String, AttributeValue> item = db.getItem(b -> b.tableName(table)
                .key(key(tenantId))
                .projectionExpression("#s, #p, #tz")   // all three are DynamoDB reserved words
                .expressionAttributeNames(Map.of("#s", "status", "#p", "plan", "#tz", "timeZone"))).item();
        return standingOf(item);
    }

    /**
     * The standing, and the route's first item in the same BatchGetItem (consistent reads), left for the route
     * in {@link ReadAhead}. A key the batch leaves unprocessed is simply not read ahead: the route reads it.
     */
    public Standing standing(String tenantId, ReadAhead.Key ahead) {
        Map<String, AttributeValue> tenantKey = key(tenantId);
        Map<String, AttributeValue> aheadKey = ahead.attributes();
        var response = db.batchGetItem(b -> b.requestItems(Map.of(table,
                KeysAndAttributes.builder().consistentRead(true).keys(List.of(tenantKey, aheadKey)).build())));
        Map<String, AttributeValue> tenant = null;
        Map<String, AttributeValue> item = null;
        for (Map<String, AttributeValue> i : response.responses().getOrDefault(table, List.of())) {
            if (tenantKey.get("pk").equals(i.get("pk")) && tenantKey.get("sk").equals(i.get("sk"))) tenant = i;
            else item = i;
        }
        var unprocessed = response.hasUnprocessedKeys() ? response.unprocessedKeys().get(table) : null;
        List<Map<String, AttributeValue>> left = unprocessed == null ? List.of() : unprocessed.keys();
        if (!left.contains(aheadKey)) ReadAhead.found(ahead, item);
        return left.contains(tenantKey) ? standing(tenantId) : standingOf(tenant);
    }

    private static Map<String, AttributeValue> key(String tenantId) {
        return Map.of("pk", AttributeValue.fromS(pk(tenantId)), "sk", AttributeValue.fromS(SK));
    }

    private static Standing standingOf(Map<String, AttributeValue> item) {
        if (item == null || item.isEmpty()) return null;
        return new Standing(str(item, "status"), str(item, "plan"), str(item, "timeZone"));
    }

    /**
     * Whether the tenant has this store. Every context that takes a storeId in a body must ask, so a store of
     * another tenant (or none) is never recorded against the caller's data. The key is the stores context's
     * ({@code StoreKeys.stores}: pk {@code T#<tenantId>#STORE}, sk the store id).
     */
    public boolean hasStore(String tenantId, String storeId) {
        Map<String, AttributeValue> item = db.getItem(b -> b.tableName(table)
                .key(Map.of("pk", AttributeValue.fromS(storesPk(tenantId)), "sk", AttributeValue.fromS(storeId)))
                .projectionExpression("pk")).item();
        return item != null && !item.isEmpty();
    }
}
