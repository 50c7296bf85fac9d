package com.zhidian.core.audit;

import com.zhidian.core.paging.Page;
import java.util.Map;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * Who changed what, when and from where: one entry per state-changing call, newest first for owners. The rails
 * write the entries; the adapter is {@code dynamo.DynamoAuditLog}.
 */
public interface AuditLog {
    record Entry(String at, String actor, String role, String action, String path, int status,
                 String sourceIp, String requestId) {}

    /** The partition of a tenant's trail; provider actions (no tenant) keep their own. */
    static String partition(String tenantId) {
        return tenantId == null ? "P#AUDIT" : "T#" + tenantId + "#AUDIT";
    }

    /** The item of one entry; the rails write it with the request's other writes (see AfterWrites). */
    Map<String, AttributeValue> item(String tenantId, Entry e);

    /** A tenant's trail, newest first. */
    Page<Map<String, Object>> list(String tenantId, int limit, String cursor);

    /**
     * What an owner narrows the trail to: entries at or after {@code from} and before {@code to} (ISO-8601 instants),
     * whose actor contains {@code actor} and whose action starts with {@code action}; null: no limit.
     */
    record Filter(String from, String to, String actor, String action) {
        public boolean isEmpty() { return from == null && to == null && actor == null && action == null; }
    }

    /** The trail narrowed by {@code filter}, newest first; a page may be short (the filter runs after the read). */
    Page<Map<String, Object>> list(String tenantId, Filter filter, int limit, String cursor);

    /** The time of an entry written now (ISO-8601). */
    String now();
}
