package com.zhidian.purchasing.store;

import static com.zhidian.core.aws.Items.key;
import static com.zhidian.core.aws.Items.n;
import static com.zhidian.core.aws.Items.num;
import static com.zhidian.core.aws.Items.s;
import static com.zhidian.core.aws.Items.str;

import com.zhidian.core.Env;
import com.zhidian.core.paging.Cursor;
import com.zhidian.core.paging.Pages;
import com.zhidian.purchasing.domain.PurchaseOrder;
import com.zhidian.purchasing.domain.PurchaseOrderRepository;
import com.zhidian.purchasing.domain.SupplierRepository;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import com.zhidian.core.idempotency.IdempotencyClaim;
import software.amazon.awssdk.services.dynamodb.model.Put;
import software.amazon.awssdk.services.dynamodb.model.TransactWriteItem;
import software.amazon.awssdk.services.dynamodb.model.TransactionCanceledException;
import software.amazon.awssdk.services.dynamodb.model.QueryRequest;
import software.amazon.awssdk.services.dynamodb.model.QueryResponse;

/** One item per purchase order (lines and receipts as JSON), conditioned on its version; listed through gsi1. */
public final class DynamoPurchaseOrderRepository implements PurchaseOrderRepository {
    private final DynamoDbClient db;
    private final String table = Env.tableName();

    public DynamoPurchaseOrderRepository(DynamoDbClient db) {
        this.db = db;
    }

    @Override
    public void create(PurchaseOrder po) {
        db.putItem(b -> b.tableName(table).item(item(po)).conditionExpression("attribute_not_exists(pk)"));
    }

    /**
     * The conditional put of the new version, in one transaction with the request's Idempotency-Key claim when it has
     * one: the order's change is the effect a retried receipt must not repeat, so the claim rides with it (the stock
     * receipts that follow in the same request then carry no claim of their own).
     */
    @Override
    public boolean update(PurchaseOrder po) {
        Map<String, AttributeValue> values = Map.of(":v", n(po.version() - 1));
        List<TransactWriteItem> writes = new ArrayList<>();
        writes.add(TransactWriteItem.builder().put(Put.builder().tableName(table).item(item(po)).conditionExpression("version = :v")
                .expressionAttributeValues(values).build()).build());
        int claim = IdempotencyClaim.appendTo(writes);
        try {
            db.transactWriteItems(b -> b.transactItems(writes));
            IdempotencyClaim.committed(claim);
            return true;
        } catch (TransactionCanceledException e) {
            if (claim >= 0 && IdempotencyClaim.refused(e, claim)) throw IdempotencyClaim.taken();
            return false;
        }
    }

    @Override
    public Optional<PurchaseOrder> get(String tenantId, String id) {
        Map<String, AttributeValue> item = db.getItem(b -> b.tableName(table)
                .key(key(Keys.purchaseOrder(tenantId, id), Keys.META)).consistentRead(true)).item();
        return item == null || item.isEmpty() ? Optional.empty() : Optional.of(order(item));
    }

    @Override
    public SupplierRepository.Page<PurchaseOrder> list(String tenantId, String storeId, String status, int limit, String cursor) {
        String pk = Keys.purchaseOrderList(tenantId);
        QueryRequest.Builder q = QueryRequest.builder().tableName(table).indexName("gsi1").keyConditionExpression("gsi1pk = :pk")
                .scanIndexForward(false).limit(Pages.fetch(limit)).exclusiveStartKey(Cursor.decode(pk, cursor));
        Map<String, AttributeValue> values = new HashMap<>();
        values.put(":pk", s(pk));
        List<String> filters = new ArrayList<>();
        Map<String, String> names = new HashMap<>();
        if (storeId != null) { filters.add("storeId = :store"); values.put(":store", s(storeId)); }
        if (status != null) { filters.add("#st = :status"); values.put(":status", s(status)); names.put("#st", "status"); }
        if (!filters.isEmpty()) q.filterExpression(String.join(" AND ", filters));
        if (!names.isEmpty()) q.expressionAttributeNames(names);
        QueryResponse r = db.query(q.expressionAttributeValues(values).build());
        com.zhidian.core.paging.Page<PurchaseOrder> p = Pages.of(r, limit, pk, DynamoPurchaseOrderRepository::order, "pk", "sk", "gsi1pk", "gsi1sk");
        return new SupplierRepository.Page<>(p.items(), p.nextCursor());
    }

    @Override
    public List<PurchaseOrder> open(String tenantId, String storeId) {
        List<PurchaseOrder> out = new ArrayList<>();
        for (String status : List.of(PurchaseOrder.SENT, PurchaseOrder.PARTIALLY_RECEIVED)) {
            String cursor = null;
            do {
                SupplierRepository.Page<PurchaseOrder> p = list(tenantId, storeId, status, 200, cursor);
                out.addAll(p.items());
                cursor = p.nextCursor();
            } while (cursor != null);
        }
        return out;
    }

    private static Map<String, AttributeValue> item(PurchaseOrder po) {
        Map<String, AttributeValue> item = key(Keys.purchaseOrder(po.tenantId(), po.purchaseOrderId()), Keys.META);
        item.put("gsi1pk", s(Keys.purchaseOrderList(po.tenantId())));
        item.put("gsi1sk", s(Keys.listSk(po.createdAt().toEpochMilli(), po.purchaseOrderId())));
        item.put("tenantId", s(po.tenantId()));
        item.put("purchaseOrderId", s(po.purchaseOrderId()));
        item.put("supplierId", s(po.supplierId()));
        item.put("storeId", s(po.storeId()));
        item.put("status", s(po.status()));
        item.put("lines", s(Docs.lines(po.lines())));
        item.put("receipts", s(Docs.receipts(po.receipts())));
        if (po.note() != null) item.put("note", s(po.note()));
        if (po.sentVia() != null) item.put("sentVia", s(po.sentVia()));
        item.put("createdAt", n(po.createdAt().toEpochMilli()));
        if (po.sentAt() != null) item.put("sentAt", n(po.sentAt().toEpochMilli()));
        item.put("updatedAt", n(po.updatedAt().toEpochMilli()));
        item.put("version", n(po.version()));
        return item;
    }

    static PurchaseOrder order(Map<String, AttributeValue> item) {
        return new PurchaseOrder(str(item, "tenantId"), str(item, "purchaseOrderId"), str(item, "supplierId"), str(item, "storeId"),
                str(item, "status"), Docs.lines(str(item, "lines")), Docs.receipts(str(item, "receipts")), str(item, "note"),
                str(item, "sentVia"), Instant.ofEpochMilli(num(item, "createdAt")),
                item.containsKey("sentAt") ? Instant.ofEpochMilli(num(item, "sentAt")) : null,
                Instant.ofEpochMilli(num(item, "updatedAt")), num(item, "version"));
    }
}
