package com.zhidian.approvals.store;

import static com.zhidian.core.aws.Items.n;
import static com.zhidian.core.aws.Items.s;

import com.zhidian.approvals.domain.Approval;
import com.zhidian.approvals.domain.ApprovalRepository;
import com.zhidian.approvals.domain.ApprovalRules;
import com.zhidian.core.Env;
import com.zhidian.core.audit.AuditLog;
import com.zhidian.core.paging.Cursor;
import com.zhidian.core.paging.Page;
import com.zhidian.core.paging.Pages;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.QueryResponse;
import software.amazon.awssdk.services.dynamodb.model.TransactWriteItem;
import software.amazon.awssdk.services.dynamodb.model.TransactionCanceledException;

/**
 * Rules, requests and open asks in the tenant's approvals partition. Creating a request and its open ask is one
 * transaction (the ask's put refuses a second open request of the same action); a decision is conditioned on
 * {@code pending}; a use on {@code approved} (or used by the same request), with the ask closed and an audit entry naming
 * the approver in the same transaction.
 */
public final class DynamoApprovalRepository implements ApprovalRepository {
    private final DynamoDbClient db;
    private final AuditLog audit;
    private final String table = Env.tableName();

    public DynamoApprovalRepository(DynamoDbClient db, AuditLog audit) {
        this.db = db;
        this.audit = audit;
    }

    private static Map<String, AttributeValue> key(String tenantId, String sk) {
        return Map.of("pk", s(Keys.approvals(tenantId)), "sk", s(sk));
    }

    @Override
    public ApprovalRules rules(String tenantId) {
        Map<String, AttributeValue> i = db.getItem(b -> b.tableName(table).key(key(tenantId, Keys.RULES)).consistentRead(true)).item();
        if (i == null || i.isEmpty()) return ApprovalRules.NONE;
        return new ApprovalRules(num(i, "refundAbove"), i.containsKey("priceBelowCost") ? i.get("priceBelowCost").bool() : null,
                num(i, "stockAdjustmentAbove"), num(i, "couponValueAbove"), str(i, "updatedBy"),
                i.containsKey("updatedAt") ? Instant.parse(i.get("updatedAt").s()) : null);
    }

    @Override
    public void saveRules(String tenantId, ApprovalRules r) {
        Map<String, AttributeValue> i = new HashMap<>(key(tenantId, Keys.RULES));
        if (r.refundAbove() != null) i.put("refundAbove", n(r.refundAbove()));
        if (r.priceBelowCost() != null) i.put("priceBelowCost", AttributeValue.fromBool(r.priceBelowCost()));
        if (r.stockAdjustmentAbove() != null) i.put("stockAdjustmentAbove", n(r.stockAdjustmentAbove()));
        if (r.couponValueAbove() != null) i.put("couponValueAbove", n(r.couponValueAbove()));
        i.put("updatedBy", s(r.updatedBy()));
        i.put("updatedAt", s(r.updatedAt().toString()));
        db.putItem(b -> b.tableName(table).item(i));
    }

    @Override
    public Approval find(String tenantId, String approvalId) {
        Map<String, AttributeValue> i = db.getItem(b -> b.tableName(table).key(key(tenantId, Keys.request(approvalId))).consistentRead(true)).item();
        return i == null || i.isEmpty() ? null : approval(i);
    }

    @Override
    public String openAsk(String tenantId, String askKey) {
        Map<String, AttributeValue> i = db.getItem(b -> b.tableName(table).key(key(tenantId, Keys.ask(askKey))).consistentRead(true)).item();
        return i == null || i.isEmpty() ? null : i.get("approvalId").s();
    }

    @Override
    public boolean create(String tenantId, Approval a, String askKey) {
        Map<String, AttributeValue> ask = new HashMap<>(key(tenantId, Keys.ask(askKey)));
        ask.put("approvalId", s(a.approvalId()));
        try {
            db.transactWriteItems(b -> b.transactItems(
                    TransactWriteItem.builder().put(p -> p.tableName(table).item(item(tenantId, a)).conditionExpression("attribute_not_exists(pk)")).build(),
                    TransactWriteItem.builder().put(p -> p.tableName(table).item(ask).conditionExpression("attribute_not_exists(pk)")).build()));
            return true;
        } catch (TransactionCanceledException taken) {
            return false;
        }
    }

    @Override
    public boolean decide(String tenantId, Approval after, String askKey) {
        List<TransactWriteItem> parts = new ArrayList<>();
        parts.add(TransactWriteItem.builder().put(p -> p.tableName(table).item(item(tenantId, after))
                .conditionExpression("#st = :pending").expressionAttributeNames(Map.of("#st", "status"))
                .expressionAttributeValues(Map.of(":pending", s(Approval.PENDING)))).build());
        if (Approval.REJECTED.equals(after.status())) {
            parts.add(TransactWriteItem.builder().delete(d -> d.tableName(table).key(key(tenantId, Keys.ask(askKey)))).build());
        }
        try {
            db.transactWriteItems(b -> b.transactItems(parts));
            return true;
        } catch (TransactionCanceledException moved) {
            return false;
        }
    }

    @Override
    public boolean consume(String tenantId, Approval a, String askKey, String requestId, Instant at, String routeKey) {
        Approval used = a.used(at, requestId);
        Map<String, AttributeValue> entry = audit.item(tenantId, new AuditLog.Entry(at.toString(), a.decidedBy(), "owner",
                "APPROVED " + routeKey, a.path() + " (approval " + a.approvalId() + " of " + a.requester() + ")", 200, null,
                requestId + "-approval"));
        try {
            db.transactWriteItems(b -> b.transactItems(
                    TransactWriteItem.builder().put(p -> p.tableName(table).item(item(tenantId, used))
                            .conditionExpression("#st = :approved OR (#st = :used AND usedRequestId = :rid)")
                            .expressionAttributeNames(Map.of("#st", "status"))
                            .expressionAttributeValues(Map.of(":approved", s(Approval.APPROVED), ":used", s(Approval.USED), ":rid", s(requestId))))
                            .build(),
                    TransactWriteItem.builder().delete(d -> d.tableName(table).key(key(tenantId, Keys.ask(askKey)))).build(),
                    TransactWriteItem.builder().put(p -> p.tableName(table).item(entry)).build()));
            return true;
        } catch (TransactionCanceledException spent) {
            return false;
        }
    }

    @Override
    public void release(String tenantId, Approval a, String askKey, String requestId) {
        Map<String, AttributeValue> ask = new HashMap<>(key(tenantId, Keys.ask(askKey)));
        ask.put("approvalId", s(a.approvalId()));
        try {
            db.transactWriteItems(b -> b.transactItems(
                    TransactWriteItem.builder().put(p -> p.tableName(table).item(item(tenantId, a))
                            .conditionExpression("#st = :used AND usedRequestId = :rid").expressionAttributeNames(Map.of("#st", "status"))
                            .expressionAttributeValues(Map.of(":used", s(Approval.USED), ":rid", s(requestId)))).build(),
                    TransactWriteItem.builder().put(p -> p.tableName(table).item(ask)).build()));
        } catch (TransactionCanceledException moved) {
            // used by another request meanwhile, or already given back: nothing to give back
        }
    }

    @Override
    public Page<Approval> list(String tenantId, String status, String requesterSub, int limit, String cursor) {
        String pk = Keys.approvals(tenantId);
        String scope = pk + "|" + status + "|" + requesterSub;
        Map<String, AttributeValue> values = new HashMap<>();
        values.put(":pk", s(pk));
        values.put(":req", s(Keys.REQUEST_PREFIX));
        List<String> filters = new ArrayList<>();
        Map<String, String> names = new HashMap<>();
        if (status != null) {
            filters.add("#st = :st");
            names.put("#st", "status");
            values.put(":st", s(status));
        }
        if (requesterSub != null) {
            filters.add("requesterSub = :sub");
            values.put(":sub", s(requesterSub));
        }
        QueryResponse r = db.query(b -> {
            b.tableName(table).keyConditionExpression("pk = :pk AND begins_with(sk, :req)").expressionAttributeValues(values)
                    .scanIndexForward(false).consistentRead(true).limit(Pages.fetch(limit)).exclusiveStartKey(Cursor.decode(scope, cursor));
            if (!filters.isEmpty()) b.filterExpression(String.join(" AND ", filters));
            if (!names.isEmpty()) b.expressionAttributeNames(names);
        });
        return Pages.of(r, limit, scope, DynamoApprovalRepository::approval, "pk", "sk");
    }

    private static Map<String, AttributeValue> item(String tenantId, Approval a) {
        Map<String, AttributeValue> i = new HashMap<>(key(tenantId, Keys.request(a.approvalId())));
        i.put("approvalId", s(a.approvalId()));
        i.put("kind", s(a.kind()));
        if (a.storeId() != null) i.put("storeId", s(a.storeId()));
        i.put("subject", s(a.subject()));
        i.put("amount", n(a.amount()));
        i.put("threshold", n(a.threshold()));
        i.put("bodyHash", s(a.bodyHash()));
        i.put("method", s(a.method()));
        i.put("path", s(a.path()));
        i.put("body", s(a.body() == null ? "" : a.body()));
        i.put("requesterSub", s(a.requesterSub()));
        i.put("requester", s(a.requester()));
        i.put("requestedAt", s(a.requestedAt().toString()));
        i.put("status", s(a.status()));
        if (a.decidedBy() != null) i.put("decidedBy", s(a.decidedBy()));
        if (a.decidedAt() != null) i.put("decidedAt", s(a.decidedAt().toString()));
        if (a.note() != null) i.put("note", s(a.note()));
        if (a.usedAt() != null) i.put("usedAt", s(a.usedAt().toString()));
        if (a.usedRequestId() != null) i.put("usedRequestId", s(a.usedRequestId()));
        return i;
    }

    private static Approval approval(Map<String, AttributeValue> i) {
        return new Approval(str(i, "approvalId"), str(i, "kind"), str(i, "storeId"), str(i, "subject"), num(i, "amount"),
                num(i, "threshold"), str(i, "bodyHash"), str(i, "method"), str(i, "path"), str(i, "body"), str(i, "requesterSub"),
                str(i, "requester"), time(i, "requestedAt"), str(i, "status"), str(i, "decidedBy"), time(i, "decidedAt"),
                str(i, "note"), time(i, "usedAt"), str(i, "usedRequestId"));
    }

    private static String str(Map<String, AttributeValue> i, String name) {
        AttributeValue v = i.get(name);
        return v == null ? null : v.s();
    }

    private static Long num(Map<String, AttributeValue> i, String name) {
        AttributeValue v = i.get(name);
        return v == null ? null : Long.parseLong(v.n());
    }

    private static Instant time(Map<String, AttributeValue> i, String name) {
        AttributeValue v = i.get(name);
        return v == null ? null : Instant.parse(v.s());
    }
}
