package com.zhidian.members.store;

import static com.zhidian.core.aws.Items.key;
import static com.zhidian.core.aws.Items.num;
import static com.zhidian.core.aws.Items.s;
import static com.zhidian.core.aws.Items.str;

import com.zhidian.core.Env;
import com.zhidian.core.paging.Cursor;
import com.zhidian.members.domain.MemberQuery;
import java.time.Instant;
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
import software.amazon.awssdk.services.dynamodb.model.QueryRequest;
import software.amazon.awssdk.services.dynamodb.model.QueryResponse;
import software.amazon.awssdk.services.dynamodb.model.Select;

/**
 * The filter walk over gsi1 (a tenant's members, newest first): "joined since" is the key range, the home store a
 * filter expression, and the balance is read from the members' points accounts, a batch per page.
 */
public final class DynamoMemberQuery implements MemberQuery {
    private final DynamoDbClient db;
    private final String table = Env.tableName();

    public DynamoMemberQuery(DynamoDbClient db) {
        this.db = db;
    }

    @Override
    public Step match(String tenantId, Filter f, int examine, String cursor) {
        String gpk = Keys.memberList(tenantId);
        QueryResponse r = db.query(query(tenantId, f).limit(examine).exclusiveStartKey(Cursor.decode(gpk, cursor)).build());
        Map<String, Long> balances = balances(tenantId, r.items().stream().map(i -> str(i, "memberId")).toList());
        List<Match> out = new ArrayList<>();
        for (Map<String, AttributeValue> i : r.items()) {
            String id = str(i, "memberId");
            long balance = balances.getOrDefault(id, 0L);
            if (!f.matchesPoints(balance)) continue;
            out.add(new Match(id, str(i, "status"), str(i, "storeId"), balance, Instant.parse(str(i, "createdAt"))));
        }
        String next = r.hasLastEvaluatedKey() && !r.lastEvaluatedKey().isEmpty() ? Cursor.encode(gpk, r.lastEvaluatedKey()) : null;
        return new Step(out, r.scannedCount(), next);
    }

    @Override
    public long candidates(String tenantId, Filter f) {
        long n = 0;
        Map<String, AttributeValue> start = null;
        do {
            QueryResponse r = db.query(query(tenantId, new Filter(null, null, null, f.joinedSince()))
                    .select(Select.COUNT).exclusiveStartKey(start).build());
            n += r.count();
            start = r.hasLastEvaluatedKey() && !r.lastEvaluatedKey().isEmpty() ? r.lastEvaluatedKey() : null;
        } while (start != null);
        return n;
    }

    private QueryRequest.Builder query(String tenantId, Filter f) {
        Map<String, AttributeValue> values = new HashMap<>(Map.of(":pk", s(Keys.memberList(tenantId))));
        Map<String, String> names = new HashMap<>();
        String cond = "gsi1pk = :pk";
        if (f.joinedSince() != null) {
            cond += " AND gsi1sk >= :since";
            values.put(":since", s(Keys.pad(f.joinedSince().toEpochMilli(), 15)));
        }
        QueryRequest.Builder b = QueryRequest.builder().tableName(table).indexName("gsi1").keyConditionExpression(cond)
                .scanIndexForward(false);
        if (f.storeId() != null) {
            names.put("#store", "storeId");
            values.put(":store", s(f.storeId()));
            b.filterExpression("#store = :store");
        }
        if (!names.isEmpty()) b.expressionAttributeNames(names);
        return b.expressionAttributeValues(values);
    }

    /** The points balance of each member (an account not found counts as 0). */
    private Map<String, Long> balances(String tenantId, List<String> memberIds) {
        Map<String, Long> out = new HashMap<>();
        for (Map<String, AttributeValue> i : batchGet(tenantId, memberIds, Keys.POINTS, "memberId, balance", Map.of())) {
            out.put(memberOf(tenantId, str(i, "pk")), num(i, "balance"));
        }
        return out;
    }

    @Override
    public Map<String, String> statuses(String tenantId, Collection<String> memberIds) {
        Map<String, String> out = new HashMap<>();
        for (Map<String, AttributeValue> i : batchGet(tenantId, new ArrayList<>(new LinkedHashSet<>(memberIds)), Keys.PROFILE,
                "pk, #st", Map.of("#st", "status"))) {
            out.put(memberOf(tenantId, str(i, "pk")), str(i, "status"));
        }
        return out;
    }

    private String memberOf(String tenantId, String pk) {
        return pk.substring(Keys.member(tenantId, "").length());
    }

    private List<Map<String, AttributeValue>> batchGet(String tenantId, List<String> ids, String sk, String projection,
                                                       Map<String, String> names) {
        List<Map<String, AttributeValue>> out = new ArrayList<>();
        for (int from = 0; from < ids.size(); from += 100) {
            List<Map<String, AttributeValue>> keys = new ArrayList<>();
            for (String id : ids.subList(from, Math.min(ids.size(), from + 100))) keys.add(key(Keys.member(tenantId, id), sk));
            KeysAndAttributes.Builder ka = KeysAndAttributes.builder().keys(keys).projectionExpression(
                    projection.startsWith("pk") ? projection : "pk, " + projection).consistentRead(true);
            if (!names.isEmpty()) ka.expressionAttributeNames(names);
            Map<String, KeysAndAttributes> request = Map.of(table, ka.build());
            while (request != null && !request.isEmpty()) {
                Map<String, KeysAndAttributes> ask = request;
                BatchGetItemResponse r = db.batchGetItem(b -> b.requestItems(ask));
                out.addAll(r.responses().getOrDefault(table, List.of()));
                request = r.hasUnprocessedKeys() ? r.unprocessedKeys() : null;
            }
        }
        return out;
    }
}
