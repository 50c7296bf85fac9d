package com.zhidian.orders.store;

import static com.zhidian.core.aws.Items.key;
import static com.zhidian.core.aws.Items.n;
import static com.zhidian.core.aws.Items.num;
import static com.zhidian.core.aws.Items.s;
import static com.zhidian.core.aws.Items.str;

import com.zhidian.core.Env;
import com.zhidian.core.dynamo.TransactionPart;
import com.zhidian.core.paging.Cursor;
import com.zhidian.core.paging.Page;
import com.zhidian.core.paging.Pages;
import com.zhidian.orders.domain.Order;
import com.zhidian.orders.domain.OrderRepository;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.KeysAndAttributes;
import software.amazon.awssdk.services.dynamodb.model.QueryResponse;
import software.amazon.awssdk.services.dynamodb.model.TransactWriteItem;
import software.amazon.awssdk.services.dynamodb.model.CancellationReason;
import software.amazon.awssdk.services.dynamodb.model.ReturnValuesOnConditionCheckFailure;
import software.amazon.awssdk.services.dynamodb.model.TransactionCanceledException;
import com.zhidian.core.idempotency.ClaimedTransaction;
import com.zhidian.core.idempotency.IdempotencyClaim;

/**
 * Orders in the one table: one item per order (the order as a JSON document, its status and version beside it; gsi1
 * lists a store's orders by time, gsi2 holds unpaid ones by their time to pay for the timeout job), a pointer item per
 * member order, a counter per store and day for the order numbers, and the provider events seen.
 */
public final class DynamoOrderRepository implements OrderRepository {
    private final DynamoDbClient db;
    private final String table = Env.tableName();

    public DynamoOrderRepository(DynamoDbClient db) {
        this.db = db;
    }

    @Override
    public Optional<Order> find(String tenantId, String orderId) {
        Map<String, AttributeValue> i = db.getItem(b -> b.tableName(table).key(key(Keys.order(tenantId, orderId), Keys.META))
                .consistentRead(true)).item();
        return i == null || i.isEmpty() ? Optional.empty() : Optional.of(order(i));
    }

    @Override
    public Page<Order> ofStore(String tenantId, String storeId, String status, Instant from, Instant to, int limit, String cursor) {
        String pk = Keys.storeOrders(tenantId, storeId);
        String lo = from == null ? "0" : from.toString();
        String hi = to == null ? "~" : to.toString();
        Map<String, AttributeValue> values = new HashMap<>(Map.of(":pk", s(pk), ":lo", s(lo), ":hi", s(hi)));
        if (status != null) values.put(":st", s(status));
        QueryResponse r = db.query(b -> {
            b.tableName(table).indexName("gsi1").keyConditionExpression("gsi1pk = :pk AND gsi1sk BETWEEN :lo AND :hi")
                    .expressionAttributeValues(values).scanIndexForward(false).limit(Pages.fetch(limit))
                    .exclusiveStartKey(Cursor.decode(pk + "|" + status + "|" + lo + "|" + hi, cursor));
            if (status != null) b.filterExpression("#st = :st").expressionAttributeNames(Map.of("#st", "status"));
        });
        return Pages.of(r, limit, pk + "|" + status + "|" + lo + "|" + hi, DynamoOrderRepository::order, "pk", "sk", "gsi1pk", "gsi1sk");
    }

    @Override
    public Page<Order> ofMember(String tenantId, String memberId, int limit, String cursor) {
        String pk = Keys.memberOrders(tenantId, memberId);
        QueryResponse r = db.query(b -> b.tableName(table).keyConditionExpression("pk = :pk")
                .expressionAttributeValues(Map.of(":pk", s(pk))).scanIndexForward(false).limit(Pages.fetch(limit))
                .exclusiveStartKey(Cursor.decode(pk, cursor)));
        Page<String> ids = Pages.of(r, limit, pk, i -> str(i, "orderId"), "pk", "sk");
        Map<String, Order> found = batch(tenantId, ids.items());
        return new Page<>(ids.items().stream().map(found::get).filter(java.util.Objects::nonNull).toList(), ids.nextCursor());
    }

    private Map<String, Order> batch(String tenantId, List<String> orderIds) {
        Map<String, Order> out = new HashMap<>();
        if (orderIds.isEmpty()) return out;
        List<Map<String, AttributeValue>> keys = new ArrayList<>();
        for (String id : orderIds) keys.add(key(Keys.order(tenantId, id), Keys.META));
        Map<String, KeysAndAttributes> ask = Map.of(table, KeysAndAttributes.builder().keys(keys).consistentRead(true).build());
        while (ask != null && !ask.isEmpty()) {
            Map<String, KeysAndAttributes> req = ask;
            var r = db.batchGetItem(b -> b.requestItems(req));
            for (Map<String, AttributeValue> i : r.responses().getOrDefault(table, List.of())) {
                Order o = order(i);
                out.put(o.orderId(), o);
            }
            ask = r.hasUnprocessedKeys() ? r.unprocessedKeys() : null;
        }
        return out;
    }

    @Override
    public long lastNumber(String tenantId, String storeId, String day) {
        // read ahead with the order's other items (OrdersService.place, ReadAhead.readAll): no call of its own
        Map<String, AttributeValue> i = com.zhidian.core.aws.ReadAhead.take(Keys.numbers(tenantId, storeId), day)
                .orElseGet(() -> db.getItem(b -> b.tableName(table).key(key(Keys.numbers(tenantId, storeId), day))
                        .consistentRead(true)).item());
        return i == null || i.isEmpty() ? 0 : num(i, "n");
    }

    @Override
    public TransactionPart placePart(Order o, String day, long lastRead) {
        List<TransactWriteItem> w = new ArrayList<>();
        w.add(TransactWriteItem.builder().put(p -> p.tableName(table).item(item(o)).conditionExpression("attribute_not_exists(pk)")).build());
        Map<String, AttributeValue> counter = key(Keys.numbers(o.tenantId(), o.storeId()), day);
        counter.put("n", n(lastRead + 1));
        w.add(TransactWriteItem.builder().put(p -> {
            // a refusal returns the counter as it is: the next number is planned without reading it again
            p.tableName(table).item(counter).returnValuesOnConditionCheckFailure(ReturnValuesOnConditionCheckFailure.ALL_OLD);
            if (lastRead == 0) p.conditionExpression("attribute_not_exists(pk)");
            else p.conditionExpression("n = :last").expressionAttributeValues(Map.of(":last", n(lastRead)));
        }).build());
        if (o.memberId() != null) {
            Map<String, AttributeValue> pointer = key(Keys.memberOrders(o.tenantId(), o.memberId()), o.placedAt() + "#" + o.orderId());
            pointer.put("orderId", s(o.orderId()));
            w.add(TransactWriteItem.builder().put(p -> p.tableName(table).item(pointer)).build());
        }
        return TransactionPart.of(w, i -> i == 1 ? new NumberTaken() : null);
    }

    @Override
    public TransactionPart savePart(Order before, Order after) {
        Map<String, AttributeValue> item = item(after);
        return TransactionPart.optimistic(List.of(TransactWriteItem.builder().put(p -> p.tableName(table).item(item)
                .conditionExpression("v = :v").expressionAttributeValues(Map.of(":v", n(before.version())))).build()));
    }

    @Override
    public TransactionPart eventPart(String eventId, String tenantId, String orderId) {
        Map<String, AttributeValue> item = key(Keys.events(tenantId), eventId);
        item.put("orderId", s(orderId));
        return TransactionPart.of(List.of(TransactWriteItem.builder().put(p -> p.tableName(table).item(item)
                .conditionExpression("attribute_not_exists(pk)")).build()), i -> new DuplicateEvent());
    }

    @Override
    public boolean eventSeen(String tenantId, String eventId) {
        Map<String, AttributeValue> i = db.getItem(b -> b.tableName(table).key(key(Keys.events(tenantId), eventId)).consistentRead(true)).item();
        return i != null && !i.isEmpty();
    }

    /** The kind of the order-event item the stream consumers filter on (template.yaml, ReportsRollupFunction). */
    public static final String ORDER_EVENT = "order.event";
    /** How long an order event stays in the table (its ttl): the stream has delivered it long before. */
    static final long EVENT_TTL_SECONDS = 3 * 24 * 3600;

    @Override
    public TransactionPart orderEventPart(Order o, Order.Refund refund) {
        boolean paid = refund == null;
        Instant at = paid ? o.timeline().get(o.timeline().size() - 1).at() : refund.at();
        String eventId = o.orderId() + (paid ? "#paid" : "#refunded#" + refund.refundId());
        Map<String, AttributeValue> i = key(Keys.orderEvents(o.tenantId(), o.storeId()), at + "#" + eventId);
        i.put("kind", s(ORDER_EVENT));
        i.put("eventId", s(eventId));
        i.put("event", s(paid ? "paid" : "refunded"));
        i.put("tenantId", s(o.tenantId()));
        i.put("storeId", s(o.storeId()));
        i.put("orderId", s(o.orderId()));
        i.put("at", s(at.toString()));
        i.put("channel", s(o.channel()));
        i.put("fulfilment", s(o.fulfilment()));
        String staff = o.timeline().isEmpty() ? null : o.timeline().get(0).actor();
        if (staff != null) i.put("staffId", s(staff));
        if (o.memberId() != null) i.put("memberId", s(o.memberId()));
        List<AttributeValue> lines = new ArrayList<>();
        if (paid) {
            for (Order.Line l : o.lines()) {
                Map<String, AttributeValue> line = new java.util.HashMap<>(Map.of("gtin", s(l.gtin()), "qty", n(l.qty()), "gross", n(l.amount()),
                        "discount", n(l.discount()), "net", n(l.lineTotal())));
                if (l.weighed()) line.put("unit", s("g")); // qty in grams: a weighed line
                lines.add(AttributeValue.fromM(line));
            }
        } else {
            for (Order.RefundLine l : refund.lines()) {
                Map<String, AttributeValue> line = new java.util.HashMap<>(Map.of("gtin", s(l.gtin()), "qty", n(l.qty()), "net", n(l.amount())));
                if (o.lines().stream().anyMatch(x -> x.gtin().equals(l.gtin()) && x.weighed())) line.put("unit", s("g"));
                lines.add(AttributeValue.fromM(line));
            }
        }
        i.put("lines", AttributeValue.fromL(lines));
        i.put("ttl", n(at.getEpochSecond() + EVENT_TTL_SECONDS));
        return TransactionPart.optimistic(List.of(TransactWriteItem.builder().put(p -> p.tableName(table).item(i)
                .conditionExpression("attribute_not_exists(pk)")).build()));
    }

    @Override
    public List<Due> dueUnpaid(Instant now, int limit) {
        List<Due> out = new ArrayList<>();
        for (int shard = 0; shard < Keys.DUE_SHARDS && out.size() < limit; shard++) {
            String pk = Keys.dueShard(shard);
            int left = limit - out.size();
            QueryResponse r = db.query(b -> b.tableName(table).indexName("gsi2").keyConditionExpression("gsi2pk = :pk AND gsi2sk <= :now")
                    .expressionAttributeValues(Map.of(":pk", s(pk), ":now", s(now.toString() + "~"))).limit(left));
            for (Map<String, AttributeValue> i : r.items()) out.add(new Due(str(i, "tenantId"), str(i, "orderId")));
        }
        return out;
    }

    @Override
    public void write(List<TransactionPart> parts) {
        List<TransactionPart> nonEmpty = parts.stream().filter(p -> p.size() > 0).toList();
        List<TransactWriteItem> items = new ArrayList<>();
        for (TransactionPart p : nonEmpty) items.addAll(p.writes());
        send(nonEmpty, items);
    }

    @Override
    public boolean writeOrHandOver(List<TransactionPart> parts, java.util.function.Consumer<RuntimeException> onRefused) {
        List<TransactionPart> nonEmpty = parts.stream().filter(p -> p.size() > 0).toList();
        List<TransactWriteItem> items = new ArrayList<>();
        for (TransactionPart p : nonEmpty) items.addAll(p.writes());
        if (ClaimedTransaction.defer(items, e -> {
            RuntimeException refusal = refusalOf(nonEmpty, e);
            onRefused.accept(refusal);
            return refusal;
        })) {
            return false;
        }
        send(nonEmpty, items);
        return true;
    }

    private void send(List<TransactionPart> nonEmpty, List<TransactWriteItem> items) {
        int claimAt = IdempotencyClaim.appendTo(items);
        if (items.size() > TransactionPart.MAX_ITEMS) throw new IllegalStateException("a transaction of " + items.size() + " items");
        try {
            db.transactWriteItems(b -> b.transactItems(items));
            IdempotencyClaim.committed(claimAt);
        } catch (TransactionCanceledException e) {
            if (IdempotencyClaim.refused(e, claimAt)) throw IdempotencyClaim.taken();
            throw refusalOf(nonEmpty, e);
        }
    }

    /** As TransactionPart.write reads a cancellation; a taken number carries the counter the refusal returned (placePart asks for it). */
    private static RuntimeException refusalOf(List<TransactionPart> parts, TransactionCanceledException e) {
        RuntimeException refusal = TransactionPart.refusal(parts, e);
        return refusal instanceof NumberTaken ? new NumberTaken(counterFound(e)) : refusal;
    }

    /** The store's day counter in the first refused condition's returned item (the counter's), or -1. */
    private static long counterFound(TransactionCanceledException e) {
        for (CancellationReason r : e.hasCancellationReasons() ? e.cancellationReasons() : List.<CancellationReason>of()) {
            if (!"ConditionalCheckFailed".equals(r.code())) continue;
            return r.hasItem() && r.item().containsKey("n") ? num(r.item(), "n") : -1;
        }
        return -1;
    }

    @Override
    public TransactionPart moneyPart(String tenantId, String day, com.zhidian.orders.domain.Reconciliation.Entry... entries) {
        List<TransactWriteItem> w = new ArrayList<>();
        for (var e : entries) {
            Map<String, AttributeValue> i = key(Keys.money(tenantId, day), e.kind() + "#" + e.ref());
            i.put("kind", s(e.kind().name()));
            i.put("ref", s(e.ref()));
            i.put("amount", n(e.amount()));
            if (e.orderId() != null) i.put("orderId", s(e.orderId()));
            w.add(TransactWriteItem.builder().put(p -> p.tableName(table).item(i)).build());
        }
        Map<String, AttributeValue> marker = key(Keys.money(tenantId, day), Keys.MONEY_DAY);
        marker.put("gsi2pk", s(Keys.moneyDay(day)));
        marker.put("gsi2sk", s(tenantId));
        marker.put("tenantId", s(tenantId));
        w.add(TransactWriteItem.builder().put(p -> p.tableName(table).item(marker)).build());
        return TransactionPart.of(w, i -> null);
    }

    private static Map<String, AttributeValue> item(Order o) {
        Map<String, AttributeValue> i = key(Keys.order(o.tenantId(), o.orderId()), Keys.META);
        i.put("tenantId", s(o.tenantId()));
        i.put("orderId", s(o.orderId()));
        i.put("status", s(o.status()));
        i.put("v", n(o.version()));
        i.put("doc", s(OrderDocs.write(o)));
        i.put("gsi1pk", s(Keys.storeOrders(o.tenantId(), o.storeId())));
        i.put("gsi1sk", s(o.placedAt() + "#" + o.orderId()));
        if (Order.PLACED.equals(o.status())) {
            i.put("gsi2pk", s(Keys.dueShard(o.orderId())));
            i.put("gsi2sk", s(o.payBy() + "#" + o.tenantId() + "#" + o.orderId()));
        }
        return i;
    }

    private static Order order(Map<String, AttributeValue> i) {
        return OrderDocs.read(str(i, "doc"));
    }

}
