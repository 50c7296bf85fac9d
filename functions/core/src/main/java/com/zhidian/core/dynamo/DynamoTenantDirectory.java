package com.zhidian.core.dynamo;

import static com.zhidian.core.aws.Items.str;

import com.zhidian.core.Env;
import com.zhidian.core.aws.ReadAhead;
import com.zhidian.core.tenancy.StoreCodes;
import com.zhidian.core.tenancy.TenantDirectory;
import java.util.List;
import java.util.Map;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.KeysAndAttributes;

/** The tenant directory over the single table: the tenant's record ({@code T#<tenantId>#TENANT / META}), its stores. */
public final class DynamoTenantDirectory implements TenantDirectory {
    private final DynamoDbClient db;
    private final String table = Env.tableName();

    public DynamoTenantDirectory(DynamoDbClient db) {
        this.db = db;
    }

    @Override
    public Standing standing(String tenantId) {
        Map<String, AttributeValue> item = db.getItem(b -> b.tableName(table)
                .key(key(tenantId))
                .projectionExpression("#s, #p, #tz")   // all three are DynamoDB reserved words
                .expressionAttributeNames(Map.of("#s", "status", "#p", "plan", "#tz", "timeZone"))).item();
        return standingOf(item);
    }

    /** One BatchGetItem (consistent reads); a key the batch leaves unprocessed is not read ahead. */
    @Override
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
        return Map.of("pk", AttributeValue.fromS(TenantDirectory.pk(tenantId)), "sk", AttributeValue.fromS(SK));
    }

    private static Standing standingOf(Map<String, AttributeValue> item) {
        if (item == null || item.isEmpty()) return null;
        return new Standing(str(item, "status"), str(item, "plan"), str(item, "timeZone"));
    }

    /** The key is the stores context's ({@code StoreKeys.stores}: pk {@code T#<tenantId>#STORE}, sk the store id). */
    @Override
    public boolean hasStore(String tenantId, String storeId) {
        return storeCode(tenantId, storeId) != null;
    }

    @Override
    public String storeCode(String tenantId, String storeId) {
        var ahead = ReadAhead.take(TenantDirectory.storesPk(tenantId), storeId);
        Map<String, AttributeValue> item = ahead.orElseGet(() -> db.getItem(b -> b.tableName(table)
                .key(Map.of("pk", AttributeValue.fromS(TenantDirectory.storesPk(tenantId)), "sk", AttributeValue.fromS(storeId)))
                .projectionExpression("pk, code")).item());
        return item == null || item.isEmpty() ? null : StoreCodes.of(storeId, str(item, "code"));
    }
}
