package com.zhidian.core.dynamo;

import static com.zhidian.core.aws.Items.n;
import static com.zhidian.core.aws.Items.s;
import static com.zhidian.core.aws.Items.str;

import com.zhidian.core.Env;
import com.zhidian.core.audit.AuditLog;
import com.zhidian.core.paging.Cursor;
import com.zhidian.core.paging.Page;
import com.zhidian.core.paging.Pages;
import java.time.Clock;
import java.time.Instant;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.QueryResponse;

/** The audit trail in the single table: a partition per tenant ({@link AuditLog#partition}), kept 400 days. */
public final class DynamoAuditLog implements AuditLog {
    private static final long KEEP_SECONDS = 400L * 24 * 3600;

    private final DynamoDbClient db;
    private final String table = Env.tableName();
    private final Clock clock;

    public DynamoAuditLog(DynamoDbClient db, Clock clock) {
        this.db = db;
        this.clock = clock;
    }

    @Override
    public Map<String, AttributeValue> item(String tenantId, Entry e) {
        Map<String, AttributeValue> item = new HashMap<>();
        item.put("pk", s(AuditLog.partition(tenantId)));
        item.put("sk", s(e.at() + "#" + e.requestId()));
        item.put("actor", s(e.actor()));
        item.put("role", s(e.role()));
        item.put("action", s(e.action()));
        item.put("path", s(e.path()));
        item.put("status", n(e.status()));
        item.put("sourceIp", s(e.sourceIp() == null ? "" : e.sourceIp()));
        item.put("requestId", s(e.requestId()));
        item.put("ttl", n(clock.millis() / 1000 + KEEP_SECONDS));
        return item;
    }

    @Override
    public Page<Map<String, Object>> list(String tenantId, int limit, String cursor) {
        String pk = AuditLog.partition(tenantId);
        QueryResponse r = db.query(b -> b.tableName(table)
                .keyConditionExpression("pk = :pk")
                .expressionAttributeValues(Map.of(":pk", s(pk)))
                .scanIndexForward(false)
                .limit(Pages.fetch(limit))
                .exclusiveStartKey(Cursor.decode(pk, cursor)));
        return Pages.of(r, limit, pk, DynamoAuditLog::view, "pk", "sk");
    }

    @Override
    public Page<Map<String, Object>> list(String tenantId, Filter f, int limit, String cursor) {
        if (f == null || f.isEmpty()) return list(tenantId, limit, cursor);
        String pk = AuditLog.partition(tenantId);
        Map<String, AttributeValue> values = new java.util.HashMap<>();
        values.put(":pk", s(pk));
        String key = "pk = :pk";
        // the sort key starts with the entry's time: a time range is a key range
        if (f.from() != null && f.to() != null) {
            key += " AND sk BETWEEN :from AND :to";
            values.put(":from", s(f.from()));
            values.put(":to", s(f.to()));
        } else if (f.from() != null) {
            key += " AND sk >= :from";
            values.put(":from", s(f.from()));
        } else if (f.to() != null) {
            key += " AND sk < :to";
            values.put(":to", s(f.to()));
        }
        java.util.List<String> filters = new java.util.ArrayList<>();
        if (f.actor() != null) {
            filters.add("contains(actor, :actor)");
            values.put(":actor", s(f.actor()));
        }
        if (f.action() != null) {
            filters.add("begins_with(#action, :action)");
            values.put(":action", s(f.action()));
        }
        String keyCondition = key;
        QueryResponse r = db.query(b -> {
            b.tableName(table).keyConditionExpression(keyCondition).expressionAttributeValues(values)
                    .scanIndexForward(false).limit(Pages.fetch(limit)).exclusiveStartKey(Cursor.decode(pk, cursor));
            if (!filters.isEmpty()) {
                b.filterExpression(String.join(" AND ", filters));
                if (f.action() != null) b.expressionAttributeNames(Map.of("#action", "action"));
            }
        });
        return Pages.of(r, limit, pk, DynamoAuditLog::view, "pk", "sk");
    }

    private static Map<String, Object> view(Map<String, AttributeValue> item) {
        Map<String, Object> v = new LinkedHashMap<>();
        String sk = str(item, "sk");
        v.put("at", sk.substring(0, sk.indexOf('#')));
        v.put("actor", str(item, "actor"));
        v.put("role", str(item, "role"));
        v.put("action", str(item, "action"));
        v.put("path", str(item, "path"));
        v.put("status", Integer.parseInt(item.get("status").n()));
        v.put("sourceIp", str(item, "sourceIp"));
        v.put("requestId", str(item, "requestId"));
        return v;
    }

    @Override
    public String now() {
        return Instant.now(clock).toString();
    }
}
