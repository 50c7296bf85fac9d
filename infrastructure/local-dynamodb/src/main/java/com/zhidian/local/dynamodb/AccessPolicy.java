package com.zhidian.local.dynamodb;

import java.util.List;

/**
 * An optional check of who may do what, asked before each request runs (IAM's place in front of DynamoDB). Zhidian
 * Local plugs in the tenant data role's {@code dynamodb:LeadingKeys} condition; without a policy everything is
 * allowed, as before. Asked once per action a request needs: a transaction asks for each of its items
 * ({@code PutItem}, {@code UpdateItem}, {@code DeleteItem}, {@code ConditionCheckItem}, {@code GetItem}), a batch
 * once per table.
 */
@FunctionalInterface
public interface AccessPolicy {

    /**
     * @param accessKeyId the SigV4 access key id of the request ({@code Authorization: AWS4-HMAC-SHA256
     *                    Credential=<id>/...}), or null when unsigned
     * @param action      the IAM action, e.g. {@code dynamodb:GetItem}
     * @param resource    the table's ARN, or {@code <table ARN>/index/<name>} for a Query of an index
     * @param leadingKeys the partition-key values the action touches (empty for Scan and table-level actions)
     * @return null to allow; otherwise the ARN of the principal refused, named in the AccessDeniedException
     */
    String refuse(String accessKeyId, String action, String resource, List<String> leadingKeys);
}
