package com.zhidian.coupons.store;

import static com.zhidian.core.aws.Items.key;
import static com.zhidian.core.aws.Items.str;

import com.zhidian.core.Env;
import com.zhidian.core.tenancy.TenantDirectory;
import com.zhidian.coupons.domain.Directory;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.BatchGetItemResponse;
import software.amazon.awssdk.services.dynamodb.model.KeysAndAttributes;

/**
 * Reads, never writes, what other contexts keep: a member's profile (the members context's item; its status is
 * {@code active} or {@code erased}) and the tenant's stores (through core's TenantDirectory).
 */
public final class DynamoDirectory implements Directory {
    private final DynamoDbClient db;
    private final TenantDirectory tenants;
    private final String table = Env.tableName();

    public DynamoDirectory(DynamoDbClient db, TenantDirectory tenants) {
        this.db = db;
        this.tenants = tenants;
    }

    @Override
    public Map<String, MemberStanding> members(String tenantId, Collection<String> memberIds) {
        Map<String, MemberStanding> out = new HashMap<>();
        List<String> ids = new ArrayList<>(new LinkedHashSet<>(memberIds));
        for (int from = 0; from < ids.size(); from += 100) {
            List<Map<String, AttributeValue>> keys = new ArrayList<>();
            for (String id : ids.subList(from, Math.min(ids.size(), from + 100))) {
                keys.add(key(Keys.memberProfile(tenantId, id), Keys.MEMBER_PROFILE_SK));
            }
            Map<String, KeysAndAttributes> request = Map.of(table, KeysAndAttributes.builder().keys(keys)
                    .projectionExpression("memberId, #st").expressionAttributeNames(Map.of("#st", "status")).build());
            while (request != null && !request.isEmpty()) {
                Map<String, KeysAndAttributes> ask = request;
                BatchGetItemResponse r = db.batchGetItem(b -> b.requestItems(ask));
                for (Map<String, AttributeValue> item : r.responses().getOrDefault(table, List.of())) {
                    out.put(str(item, "memberId"), "active".equals(str(item, "status")) ? MemberStanding.ACTIVE : MemberStanding.ERASED);
                }
                request = r.hasUnprocessedKeys() ? r.unprocessedKeys() : null;
            }
        }
        for (String id : ids) out.putIfAbsent(id, MemberStanding.UNKNOWN);
        return out;
    }

    @Override
    public boolean hasStore(String tenantId, String storeId) {
        return tenants.hasStore(tenantId, storeId);
    }
}
