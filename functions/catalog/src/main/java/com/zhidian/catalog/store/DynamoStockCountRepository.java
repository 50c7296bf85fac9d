package com.zhidian.catalog.store;

import static com.zhidian.catalog.store.Attrs.N;
import static com.zhidian.catalog.store.Attrs.S;

import com.zhidian.catalog.domain.CountLine;
import com.zhidian.catalog.domain.Listing;
import com.zhidian.catalog.domain.Movement;
import com.zhidian.catalog.domain.StockCount;
import com.zhidian.catalog.domain.StockCountRepository;
import com.zhidian.catalog.domain.StockLevel;
import com.zhidian.core.paging.Page;
import com.zhidian.core.paging.Pages;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.TransactWriteItem;
import software.amazon.awssdk.services.dynamodb.model.WriteRequest;

/**
 * A count's item (pk stock counts of the store, sk the count id) with its status and how many lines are counted, and
 * one item per line. Counting a line checks in the same transaction that the product's level is still the one read,
 * so the on hand it records is exactly the on hand at the count; finishing moves the count on and changes the levels in
 * the same transaction, part by part ({@code posted} says how many parts are written).
 */
public final class DynamoStockCountRepository implements StockCountRepository {
    private final Table table;
    private final DynamoStockRepository stock;

    public DynamoStockCountRepository(DynamoDbClient db) {
        this.table = new Table(db);
        this.stock = new DynamoStockRepository(db);
    }

    @Override
    public void create(String tenantId, StockCount c) {
        List<WriteRequest> lines = new ArrayList<>();
        for (CountLine l : c.lines()) lines.add(WriteRequest.builder().putRequest(p -> p.item(lineItem(tenantId, c, l))).build());
        for (int from = 0; from < lines.size(); from += 25) {
            Map<String, List<WriteRequest>> batch = Map.of(table.name, lines.subList(from, Math.min(lines.size(), from + 25)));
            while (batch != null && !batch.isEmpty()) {
                Map<String, List<WriteRequest>> now = batch;
                var r = table.db.batchWriteItem(b -> b.requestItems(now));
                batch = r.hasUnprocessedItems() && !r.unprocessedItems().isEmpty() ? r.unprocessedItems() : null;
            }
        }
        Map<String, AttributeValue> head = Table.key(Keys.stockCounts(tenantId, c.storeId()), c.countId());
        head.put("status", S(c.status()));
        head.put("scope", S(c.scope()));
        Attrs.putS(head, "categoryId", c.categoryId());
        Attrs.putS(head, "assigneeId", c.assigneeId());
        Attrs.putS(head, "dueOn", c.dueOn());
        head.put("lineCount", N(c.lineCount()));
        head.put("countedLines", N(0));
        head.put("posted", N(0));
        head.put("openedBy", S(c.openedBy()));
        head.put("openedAt", S(c.openedAt()));
        table.db.putItem(b -> b.tableName(table.name).item(head).conditionExpression("attribute_not_exists(pk)"));
    }

    @Override
    public Optional<StockCount> find(String tenantId, String storeId, String countId, boolean withLines) {
        Map<String, AttributeValue> head = table.get(Keys.stockCounts(tenantId, storeId), countId);
        if (head == null) return Optional.empty();
        StockCount c = count(storeId, head);
        if (!withLines) return Optional.of(c);
        String pk = Keys.stockCountLines(tenantId, storeId, countId);
        List<CountLine> lines = table.all(b -> b.keyConditionExpression("pk = :pk").consistentRead(true)
                .expressionAttributeValues(Map.of(":pk", S(pk)))).stream().map(DynamoStockCountRepository::line).toList();
        return Optional.of(c.withLines(lines));
    }

    @Override
    public Optional<CountLine> line(String tenantId, String storeId, String countId, String gtin) {
        return Optional.ofNullable(table.get(Keys.stockCountLines(tenantId, storeId, countId), gtin)).map(DynamoStockCountRepository::line);
    }

    @Override
    public Listing<StockCount> list(String tenantId, String storeId, String status, int limit, String cursor) {
        String pk = Keys.stockCounts(tenantId, storeId);
        Page<StockCount> p = Pages.of(table.page(pk, limit, cursor, b -> {
            b.scanIndexForward(false);
            if (status != null) {
                b.filterExpression("#s = :s").expressionAttributeNames(Map.of("#s", "status"))
                        .expressionAttributeValues(Map.of(":pk", S(pk), ":s", S(status)));
            }
        }), limit, pk, i -> count(storeId, i), "pk", "sk");
        return new Listing<>(p.items(), p.nextCursor());
    }

    @Override
    public int count(String tenantId, StockCount c, CountLine l, boolean again, StockLevel at) {
        String store = c.storeId();
        TransactWriteItem level = TransactWriteItem.builder().conditionCheck(k -> {
            k.tableName(table.name).key(Table.key(Keys.stock(tenantId, store), l.gtin()));
            if (at.version() == 0) k.conditionExpression("attribute_not_exists(pk)");
            else k.conditionExpression("v = :v").expressionAttributeValues(Map.of(":v", N(at.version())));
        }).build();
        TransactWriteItem head = TransactWriteItem.builder().update(u -> u.tableName(table.name)
                .key(Table.key(Keys.stockCounts(tenantId, store), c.countId()))
                .updateExpression("ADD countedLines :inc").conditionExpression("#s = :open")
                .expressionAttributeNames(Map.of("#s", "status"))
                .expressionAttributeValues(Map.of(":inc", N(again ? 0 : 1), ":open", S(StockCount.OPEN)))).build();
        Map<String, AttributeValue> values = new HashMap<>();
        values.put(":c", N(l.counted()));
        values.put(":o", N(l.onHandAtCount()));
        values.put(":by", S(l.countedBy()));
        values.put(":at", S(l.countedAt()));
        String set = "SET counted = :c, onHandAtCount = :o, countedBy = :by, countedAt = :at";
        if (l.lastCost() != null) {
            set += ", lastCost = :k";
            values.put(":k", N(l.lastCost()));
        }
        String update = set;
        TransactWriteItem line = TransactWriteItem.builder().update(u -> u.tableName(table.name)
                .key(Table.key(Keys.stockCountLines(tenantId, store, c.countId()), l.gtin())).updateExpression(update)
                .conditionExpression(again ? "attribute_exists(counted)" : "attribute_exists(pk) AND attribute_not_exists(counted)")
                .expressionAttributeValues(values)).build();
        return table.transact(List.of(level, head, line));
    }

    @Override
    public int finishPart(String tenantId, StockCount c, int part, int parts, List<Movement> movements, String by, String at) {
        boolean last = part == parts - 1;
        Map<String, AttributeValue> values = new HashMap<>();
        values.put(":next", S(last ? StockCount.FINISHED : StockCount.FINISHING));
        values.put(":posted", N(part + 1));
        String condition;
        String update = "SET #s = :next, posted = :posted";
        if (part == 0) {
            condition = "#s = :open";
            values.put(":open", S(StockCount.OPEN));
            update += ", closedBy = :by, closedAt = :at";
            values.put(":by", S(by));
            values.put(":at", S(at));
        } else {
            condition = "#s = :finishing AND posted = :part";
            values.put(":finishing", S(StockCount.FINISHING));
            values.put(":part", N(part));
        }
        String cond = condition, expr = update;
        List<TransactWriteItem> items = new ArrayList<>();
        items.add(TransactWriteItem.builder().update(u -> u.tableName(table.name).key(Table.key(Keys.stockCounts(tenantId, c.storeId()), c.countId()))
                .updateExpression(expr).conditionExpression(cond).expressionAttributeNames(Map.of("#s", "status"))
                .expressionAttributeValues(values)).build());
        for (Movement m : movements) {
            items.add(stock.addTo(tenantId, m, null));
            Map<String, AttributeValue> mv = DynamoStockRepository.movementItem(tenantId, m);
            items.add(TransactWriteItem.builder().put(p -> p.tableName(table.name).item(mv)).build());
        }
        return table.transact(items);
    }

    @Override
    public boolean cancel(String tenantId, StockCount c, String by, String at) {
        return table.transact(List.of(TransactWriteItem.builder().update(u -> u.tableName(table.name)
                .key(Table.key(Keys.stockCounts(tenantId, c.storeId()), c.countId()))
                .updateExpression("SET #s = :cancelled, closedBy = :by, closedAt = :at").conditionExpression("#s = :open")
                .expressionAttributeNames(Map.of("#s", "status"))
                .expressionAttributeValues(Map.of(":cancelled", S(StockCount.CANCELLED), ":open", S(StockCount.OPEN), ":by", S(by),
                        ":at", S(at)))).build())) < 0;
    }

    private static Map<String, AttributeValue> lineItem(String tenantId, StockCount c, CountLine l) {
        Map<String, AttributeValue> i = Table.key(Keys.stockCountLines(tenantId, c.storeId(), c.countId()), l.gtin());
        Attrs.putS(i, "name", l.name());
        Attrs.putS(i, "unit", l.unit());
        i.put("weighed", AttributeValue.fromBool(l.weighed()));
        return i;
    }

    private static CountLine line(Map<String, AttributeValue> i) {
        AttributeValue w = i.get("weighed");
        return new CountLine(Attrs.s(i, "sk"), Attrs.s(i, "name"), Attrs.s(i, "unit"), w != null && Boolean.TRUE.equals(w.bool()),
                Attrs.n(i, "counted"), Attrs.n(i, "onHandAtCount"), Attrs.n(i, "lastCost"), Attrs.s(i, "countedBy"), Attrs.s(i, "countedAt"));
    }

    private static StockCount count(String storeId, Map<String, AttributeValue> i) {
        return new StockCount(Attrs.s(i, "sk"), storeId, Attrs.s(i, "status"), Attrs.s(i, "scope"), Attrs.s(i, "categoryId"),
                Attrs.s(i, "assigneeId"), Attrs.s(i, "dueOn"), (int) Attrs.n0(i, "lineCount"), (int) Attrs.n0(i, "countedLines"),
                Attrs.s(i, "openedBy"), Attrs.s(i, "openedAt"), Attrs.s(i, "closedBy"), Attrs.s(i, "closedAt"), (int) Attrs.n0(i, "posted"),
                List.of());
    }
}
