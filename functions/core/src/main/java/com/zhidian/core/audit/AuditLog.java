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

    /** The time of an entry written now (ISO-8601). */
    String now();
}
