package com.zhidian.orders.store;

import static com.zhidian.core.aws.Items.key;
import static com.zhidian.core.aws.Items.n;
import static com.zhidian.core.aws.Items.s;
import static com.zhidian.core.aws.Items.str;

import com.zhidian.core.Env;
import com.zhidian.core.dynamo.TransactionPart;
import com.zhidian.core.paging.Cursor;
import com.zhidian.core.paging.Page;
import com.zhidian.core.paging.Pages;
import com.zhidian.orders.domain.OrdersErrors;
import com.zhidian.orders.domain.RefundRequest;
import com.zhidian.orders.domain.RefundRequestRepository;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.QueryResponse;
import software.amazon.awssdk.services.dynamodb.model.TransactWriteItem;

/**
 * Refund requests in the one table: each an item in its order's partition (sk REFREQ#id, the request as a JSON
 * document, version beside it; gsi1 lists a store's by state and time), and while one is pending a guard item
 * (REFREQ-OPEN) that a second request's put is conditioned on.
 */
public final class DynamoRefundRequests implements RefundRequestRepository {
    private final DynamoDbClient db;
    private final String table = Env.tableName();

    public DynamoRefundRequests(DynamoDbClient db) {
        this.db = db;
    }

    @Override
    public void create(RefundRequest r) {
        Map<String, AttributeValue> guard = key(Keys.order(r.tenantId(), r.orderId()), Keys.REFREQ_OPEN);
        guard.put("requestId", s(r.requestId()));
        Map<String, AttributeValue> pointer = key(Keys.refundRequestPointer(r.tenantId(), r.requestId()), Keys.META);
        pointer.put("orderId", s(r.orderId()));
        List<TransactWriteItem> w = List.of(
                TransactWriteItem.builder().put(p -> p.tableName(table).item(guard).conditionExpression("attribute_not_exists(pk)")).build(),
                TransactWriteItem.builder().put(p -> p.tableName(table).item(item(r)).conditionExpression("attribute_not_exists(pk)")).build(),
                TransactWriteItem.builder().put(p -> p.tableName(table).item(pointer)).build());
        TransactionPart.write(db, List.of(TransactionPart.of(w, i -> i == 0 ? new OrdersErrors.RefundAlreadyRequested() : null)));
    }

    @Override
    public Optional<RefundRequest> find(String tenantId, String orderId, String requestId) {
        Map<String, AttributeValue> i = db.getItem(b -> b.tableName(table)
                .key(key(Keys.order(tenantId, orderId), Keys.refundRequest(requestId))).consistentRead(true)).item();
        return i == null || i.isEmpty() ? Optional.empty() : Optional.of(read(i));
    }

    @Override
    public Optional<RefundRequest> find(String tenantId, String requestId) {
        Map<String, AttributeValue> p = db.getItem(b -> b.tableName(table).key(key(Keys.refundRequestPointer(tenantId, requestId), Keys.META))
                .consistentRead(true)).item();
        return p == null || p.isEmpty() ? Optional.empty() : find(tenantId, str(p, "orderId"), requestId);
    }

    @Override
    public List<RefundRequest> ofOrder(String tenantId, String orderId) {
        QueryResponse r = db.query(b -> b.tableName(table).keyConditionExpression("pk = :pk AND begins_with(sk, :p)").consistentRead(true)
                .expressionAttributeValues(Map.of(":pk", s(Keys.order(tenantId, orderId)), ":p", s(Keys.REFREQ_PREFIX))));
        List<RefundRequest> out = new ArrayList<>();
        for (Map<String, AttributeValue> i : r.items()) out.add(read(i));
        out.sort(java.util.Comparator.comparing(RefundRequest::requestedAt));
        return out;
    }

    @Override
    public Page<RefundRequest> ofStore(String tenantId, String storeId, String state, int limit, String cursor) {
        String pk = Keys.storeRefundRequests(tenantId, storeId);
        QueryResponse r = db.query(b -> b.tableName(table).indexName("gsi1").keyConditionExpression("gsi1pk = :pk AND begins_with(gsi1sk, :st)")
                .expressionAttributeValues(Map.of(":pk", s(pk), ":st", s(state + "#"))).scanIndexForward(false).limit(Pages.fetch(limit))
                .exclusiveStartKey(Cursor.decode(pk + "|" + state, cursor)));
        return Pages.of(r, limit, pk + "|" + state, DynamoRefundRequests::read, "pk", "sk", "gsi1pk", "gsi1sk");
    }

    @Override
    public void save(RefundRequest before, RefundRequest after) {
        List<TransactWriteItem> w = new ArrayList<>();
        w.add(TransactWriteItem.builder().put(p -> p.tableName(table).item(item(after))
                .conditionExpression("v = :v").expressionAttributeValues(Map.of(":v", n(before.version())))).build());
        Map<String, AttributeValue> guardKey = key(Keys.order(after.tenantId(), after.orderId()), Keys.REFREQ_OPEN);
        boolean wasOpen = RefundRequest.PENDING.equals(before.state()), isOpen = RefundRequest.PENDING.equals(after.state());
        if (wasOpen && !isOpen) {
            w.add(TransactWriteItem.builder().delete(d -> d.tableName(table).key(guardKey)).build());
        } else if (!wasOpen && isOpen) {
            Map<String, AttributeValue> guard = new java.util.HashMap<>(guardKey);
            guard.put("requestId", s(after.requestId()));
            w.add(TransactWriteItem.builder().put(p -> p.tableName(table).item(guard)).build());
        }
        TransactionPart.write(db, List.of(TransactionPart.optimistic(w)));
    }

    private static Map<String, AttributeValue> item(RefundRequest r) {
        Map<String, AttributeValue> i = key(Keys.order(r.tenantId(), r.orderId()), Keys.refundRequest(r.requestId()));
        i.put("tenantId", s(r.tenantId()));
        i.put("requestId", s(r.requestId()));
        i.put("state", s(r.state()));
        i.put("v", n(r.version()));
        i.put("doc", s(OrderDocs.writeAny(r)));
        i.put("gsi1pk", s(Keys.storeRefundRequests(r.tenantId(), r.storeId())));
        i.put("gsi1sk", s(r.state() + "#" + r.requestedAt() + "#" + r.requestId()));
        return i;
    }

    private static RefundRequest read(Map<String, AttributeValue> i) {
        return OrderDocs.readAs(str(i, "doc"), RefundRequest.class);
    }
}
