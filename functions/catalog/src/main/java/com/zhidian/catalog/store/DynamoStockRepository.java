package com.zhidian.catalog.store;

import static com.zhidian.catalog.store.Attrs.N;
import static com.zhidian.catalog.store.Attrs.S;

import com.zhidian.catalog.domain.CatalogErrors;
import com.zhidian.catalog.domain.ExpiryLot;
import com.zhidian.catalog.domain.Listing;
import com.zhidian.catalog.domain.Movement;
import com.zhidian.catalog.domain.StockLevel;
import com.zhidian.catalog.domain.StockRepository;
import com.zhidian.catalog.domain.Transfer;
import com.zhidian.core.dynamo.TransactionPart;
import com.zhidian.core.paging.Page;
import com.zhidian.core.paging.Pages;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.TransactWriteItem;

/**
 * Stock levels (pk stock of a store, sk GTIN-14) with {@code onHand}, {@code reserved} and {@code available} kept
 * together, so a decrease is one conditional update ({@code available >= :q}) with no read and no lock; and each
 * movement in the same transaction as the change it records.
 */
public final class DynamoStockRepository implements StockRepository {
    private final Table table;

    public DynamoStockRepository(DynamoDbClient db) {
        this.table = new Table(db);
    }

    @Override
    public StockLevel level(String tenantId, String storeId, String gtin) {
        Map<String, AttributeValue> i = table.get(Keys.stock(tenantId, storeId), gtin);
        return i == null ? StockLevel.none(storeId, gtin) : level(i);
    }

    @Override
    public Listing<StockLevel> levels(String tenantId, String storeId, int limit, String cursor) {
        String pk = Keys.stock(tenantId, storeId);
        Page<StockLevel> p = Pages.of(table.page(pk, limit, cursor, b -> {}), limit, pk, DynamoStockRepository::level, "pk", "sk");
        return new Listing<>(p.items(), p.nextCursor());
    }

    @Override
    public void receive(String tenantId, Movement m) {
        List<TransactWriteItem> items = new ArrayList<>();
        items.add(addTo(tenantId, m, m.cost()));
        items.add(put(movementItem(tenantId, m)));
        if (m.cost() != null) {
            Map<String, AttributeValue> cost = new HashMap<>();
            cost.put(":c", N(m.cost()));
            items.add(TransactWriteItem.builder().update(u -> u.tableName(table.name).key(Table.key(Keys.products(tenantId), m.gtin()))
                    .updateExpression("SET lastReceiptCost = :c").conditionExpression("attribute_exists(pk)")
                    .expressionAttributeValues(cost)).build());
        } else {    // a receipt without a cost: the product must still exist, and keeps its last receipt cost
            items.add(TransactWriteItem.builder().conditionCheck(c -> c.tableName(table.name).key(Table.key(Keys.products(tenantId), m.gtin()))
                    .conditionExpression("attribute_exists(pk)")).build());
        }
        if (m.expiresOn() != null) {
            Map<String, AttributeValue> lot = Table.key(Keys.expiry(tenantId, m.storeId()), m.expiresOn() + "#" + m.gtin() + "#" + m.movementId());
            lot.put("gtin", S(m.gtin()));
            lot.put("expiresOn", S(m.expiresOn()));
            lot.put("quantity", N(m.delta()));
            Attrs.putS(lot, "reference", m.reference());
            lot.put("receivedAt", S(m.at()));
            items.add(put(lot));
        }
        table.transactClaimed(items, i -> i == 2 ? new CatalogErrors.ProductNotFound(m.gtin()) : null);
    }

    @Override
    public boolean count(String tenantId, StockLevel before, Movement m) {
        Map<String, AttributeValue> values = new HashMap<>();
        long counted = m.counted();
        values.put(":q", N(counted));
        values.put(":avail", N(counted - before.reserved()));
        values.put(":at", S(m.at()));
        values.put(":s", S(m.storeId()));
        values.put(":one", N(1));
        values.put(":r", N(before.reserved()));
        String condition;
        if (before.version() == 0) {
            condition = "attribute_not_exists(pk)";
            values.remove(":r");
            values.put(":zero", N(0));
        } else {
            condition = "v = :v";
            values.put(":v", N(before.version()));
            values.remove(":r");
        }
        String update = before.version() == 0
                ? "SET onHand = :q, available = :avail, updatedAt = :at, storeId = :s, reserved = :zero ADD v :one"
                : "SET onHand = :q, available = :avail, updatedAt = :at, storeId = :s ADD v :one";
        TransactWriteItem level = TransactWriteItem.builder().update(u -> u.tableName(table.name)
                .key(Table.key(Keys.stock(tenantId, m.storeId()), m.gtin())).updateExpression(update)
                .conditionExpression(condition).expressionAttributeValues(values)).build();
        return table.transact(List.of(level, put(movementItem(tenantId, m)))) < 0;
    }

    @Override
    public void adjust(String tenantId, Movement m) {
        table.transactClaimed(List.of(addTo(tenantId, m, null), put(movementItem(tenantId, m))),
                i -> i == 0 ? insufficient(tenantId, m.storeId(), m.gtin(), -m.delta()) : null);
    }

    @Override
    public void transfer(String tenantId, Transfer t, List<Movement> movements) {
        List<TransactWriteItem> items = new ArrayList<>();
        for (int i = 0; i < t.lines().size(); i++) {
            Movement out = movements.get(2 * i);
            Movement in = movements.get(2 * i + 1);
            items.add(addTo(tenantId, out, null));
            items.add(addTo(tenantId, in, null));
            items.add(put(movementItem(tenantId, out)));
            items.add(put(movementItem(tenantId, in)));
        }
        Map<String, AttributeValue> record = Table.key(Keys.transfers(tenantId), t.transferId());
        record.put("fromStoreId", S(t.fromStoreId()));
        record.put("toStoreId", S(t.toStoreId()));
        record.put("lines", S(t.lines().stream().map(l -> l.gtin() + ":" + l.quantity()).reduce((a, b) -> a + "," + b).orElse("")));
        Attrs.putS(record, "note", t.note());
        record.put("by", S(t.by()));
        record.put("at", S(t.at()));
        items.add(put(record));
        int refused = table.transact(items);
        if (refused >= 0) {
            Transfer.Line line = t.lines().get(refused / 4);
            throw insufficient(tenantId, t.fromStoreId(), line.gtin(), line.quantity());
        }
    }

    @Override
    public void reserve(String tenantId, String storeId, String orderId, Map<String, Long> lines, List<Movement> movements) {
        TransactionPart part = reservePart(tenantId, storeId, orderId, lines, movements);
        int refused = table.transact(part.writes());
        if (refused >= 0) throw part.refusal().apply(refused);
    }

    @Override
    public TransactionPart reservePart(String tenantId, String storeId, String orderId, Map<String, Long> lines, List<Movement> movements) {
        List<TransactWriteItem> items = new ArrayList<>();
        List<String> gtins = new ArrayList<>(lines.keySet());
        for (int i = 0; i < gtins.size(); i++) {
            String gtin = gtins.get(i);
            long q = lines.get(gtin);
            Movement m = movements.get(i);
            items.add(TransactWriteItem.builder().update(u -> u.tableName(table.name).key(Table.key(Keys.stock(tenantId, storeId), gtin))
                    .updateExpression("SET available = available - :q, updatedAt = :at ADD reserved :q, v :one")
                    .conditionExpression("available >= :q")
                    .expressionAttributeValues(Map.of(":q", N(q), ":at", S(m.at()), ":one", N(1)))).build());
            Map<String, AttributeValue> hold = Table.key(Keys.reservations(tenantId, storeId), orderId + "#" + gtin);
            hold.put("quantity", N(q));
            hold.put("at", S(m.at()));
            items.add(TransactWriteItem.builder().put(p -> p.tableName(table.name).item(hold).conditionExpression("attribute_not_exists(pk)")).build());
            items.add(put(movementItem(tenantId, m)));
        }
        return TransactionPart.of(items, refused -> {
            if (refused % 3 == 1) return new CatalogErrors.AlreadyReserved(orderId);
            String gtin = gtins.get(refused / 3);
            return insufficient(tenantId, storeId, gtin, lines.get(gtin));
        });
    }

    @Override
    public Map<String, Long> reservations(String tenantId, String storeId, String orderId) {
        Map<String, Long> out = new LinkedHashMap<>();
        table.all(b -> b.keyConditionExpression("pk = :pk AND begins_with(sk, :o)").consistentRead(true)
                        .expressionAttributeValues(Map.of(":pk", S(Keys.reservations(tenantId, storeId)), ":o", S(orderId + "#"))))
                .forEach(i -> out.put(Attrs.s(i, "sk").substring(orderId.length() + 1), Attrs.n0(i, "quantity")));
        return out;
    }

    @Override
    public boolean commit(String tenantId, String storeId, String orderId, Map<String, Long> held, List<Movement> movements) {
        return settle(tenantId, storeId, orderId, held, movements, SOLD);
    }

    @Override
    public boolean release(String tenantId, String storeId, String orderId, Map<String, Long> held, List<Movement> movements) {
        return settle(tenantId, storeId, orderId, held, movements, RELEASED);
    }

    /** Ends an order's hold: the level's change, the hold's delete (it must still be there) and the movement, per line. */
    private boolean settle(String tenantId, String storeId, String orderId, Map<String, Long> held, List<Movement> movements, String update) {
        return table.transact(settleItems(tenantId, storeId, orderId, held, movements, update)) < 0;
    }

    @Override
    public TransactionPart settlePart(String tenantId, String storeId, String orderId, Map<String, Long> held, List<Movement> movements,
                                      boolean sold) {
        return TransactionPart.optimistic(settleItems(tenantId, storeId, orderId, held, movements, sold ? SOLD : RELEASED));
    }

    private static final String SOLD = "SET onHand = onHand - :q, reserved = reserved - :q, updatedAt = :at ADD v :one";
    private static final String RELEASED = "SET reserved = reserved - :q, available = available + :q, updatedAt = :at ADD v :one";

    private List<TransactWriteItem> settleItems(String tenantId, String storeId, String orderId, Map<String, Long> held,
                                                List<Movement> movements, String update) {
        List<TransactWriteItem> items = new ArrayList<>();
        List<String> gtins = new ArrayList<>(held.keySet());
        for (int i = 0; i < gtins.size(); i++) {
            String gtin = gtins.get(i);
            long q = held.get(gtin);
            Movement m = movements.get(i);
            items.add(TransactWriteItem.builder().update(u -> u.tableName(table.name).key(Table.key(Keys.stock(tenantId, storeId), gtin))
                    .updateExpression(update).conditionExpression("reserved >= :q")
                    .expressionAttributeValues(Map.of(":q", N(q), ":at", S(m.at()), ":one", N(1)))).build());
            items.add(TransactWriteItem.builder().delete(d -> d.tableName(table.name)
                    .key(Table.key(Keys.reservations(tenantId, storeId), orderId + "#" + gtin))
                    .conditionExpression("quantity = :q").expressionAttributeValues(Map.of(":q", N(q)))).build());
            items.add(put(movementItem(tenantId, m)));
        }
        return items;
    }

    @Override
    public TransactionPart returnPart(String tenantId, List<Movement> movements) {
        List<TransactWriteItem> items = new ArrayList<>();
        for (Movement m : movements) {
            items.add(addTo(tenantId, m, null));
            items.add(put(movementItem(tenantId, m)));
        }
        return TransactionPart.optimistic(items);
    }

    @Override
    public Listing<Movement> movements(String tenantId, String storeId, String gtin, int limit, String cursor) {
        String pk = Keys.movements(tenantId, storeId, gtin);
        Page<Movement> p = Pages.of(table.page(pk, limit, cursor, b -> b.scanIndexForward(false)), limit, pk,
                i -> movement(storeId, gtin, i), "pk", "sk");
        return new Listing<>(p.items(), p.nextCursor());
    }

    @Override
    public List<ExpiryLot> lots(String tenantId, String storeId) {
        String pk = Keys.expiry(tenantId, storeId);
        return table.all(b -> b.keyConditionExpression("pk = :pk").expressionAttributeValues(Map.of(":pk", S(pk)))).stream()
                .map(i -> new ExpiryLot(storeId, Attrs.s(i, "gtin"), Attrs.s(i, "expiresOn"), Attrs.n0(i, "quantity"), Attrs.s(i, "reference"),
                        Attrs.s(i, "receivedAt"), Attrs.s(i, "sk"), 0))
                .toList();
    }

    @Override
    public Map<String, Long> onHand(String tenantId, String storeId, java.util.Collection<String> gtins) {
        Map<String, Long> out = new HashMap<>();
        table.batchGet(Keys.stock(tenantId, storeId), gtins, null, true).forEach(i -> out.put(Attrs.s(i, "sk"), Attrs.n0(i, "onHand")));
        return out;
    }

    @Override
    public Map<String, Long> lastCosts(String tenantId, String storeId, java.util.Collection<String> gtins) {
        Map<String, Long> out = new HashMap<>();
        for (Map<String, AttributeValue> i : table.batchGet(Keys.stock(tenantId, storeId), gtins, "sk, lastCost", true)) {
            Long cost = Attrs.n(i, "lastCost");
            if (cost != null) out.put(Attrs.s(i, "sk"), cost);
        }
        return out;
    }

    /** On hand and available up (or down, if there is that much available) by the movement's delta. */
    TransactWriteItem addTo(String tenantId, Movement m, Long lastCost) {
        Map<String, AttributeValue> values = new HashMap<>();
        values.put(":d", N(m.delta()));
        values.put(":at", S(m.at()));
        values.put(":s", S(m.storeId()));
        values.put(":one", N(1));
        values.put(":zero", N(0));
        String set = "SET updatedAt = :at, storeId = :s, reserved = if_not_exists(reserved, :zero)";
        if (lastCost != null) {
            set += ", lastCost = :c";
            values.put(":c", N(lastCost));
        }
        String condition = null;
        if (m.delta() < 0) {
            condition = "available >= :need";
            values.put(":need", N(-m.delta()));
        }
        String cond = condition;
        String expr = set + " ADD onHand :d, available :d, v :one";
        return TransactWriteItem.builder().update(u -> {
            u.tableName(table.name).key(Table.key(Keys.stock(tenantId, m.storeId()), m.gtin())).updateExpression(expr)
                    .expressionAttributeValues(values);
            if (cond != null) u.conditionExpression(cond);
        }).build();
    }

    private CatalogErrors.InsufficientStock insufficient(String tenantId, String storeId, String gtin, long wanted) {
        return new CatalogErrors.InsufficientStock(gtin, Math.max(0, level(tenantId, storeId, gtin).available()), wanted);
    }

    private TransactWriteItem put(Map<String, AttributeValue> item) {
        return TransactWriteItem.builder().put(p -> p.tableName(table.name).item(item)).build();
    }

    static Map<String, AttributeValue> movementItem(String tenantId, Movement m) {
        Map<String, AttributeValue> i = Table.key(Keys.movements(tenantId, m.storeId(), m.gtin()), m.at() + "#" + m.movementId());
        i.put("movementId", S(m.movementId()));
        i.put("kind", S(m.kind()));
        i.put("delta", N(m.delta()));
        i.put("reservedDelta", N(m.reservedDelta()));
        Attrs.putS(i, "reason", m.reason());
        Attrs.putS(i, "reference", m.reference());
        Attrs.putN(i, "cost", m.cost());
        Attrs.putS(i, "expiresOn", m.expiresOn());
        Attrs.putS(i, "counterpartStoreId", m.counterpartStoreId());
        Attrs.putS(i, "orderId", m.orderId());
        Attrs.putN(i, "counted", m.counted());
        i.put("by", S(m.by()));
        i.put("at", S(m.at()));
        return i;
    }

    private static Movement movement(String storeId, String gtin, Map<String, AttributeValue> i) {
        return new Movement(Attrs.s(i, "movementId"), storeId, gtin, Attrs.s(i, "kind"), Attrs.n0(i, "delta"), Attrs.n0(i, "reservedDelta"),
                Attrs.s(i, "reason"), Attrs.s(i, "reference"), Attrs.n(i, "cost"), Attrs.s(i, "expiresOn"),
                Attrs.s(i, "counterpartStoreId"), Attrs.s(i, "orderId"), Attrs.n(i, "counted"), Attrs.s(i, "by"), Attrs.s(i, "at"));
    }

    private static StockLevel level(Map<String, AttributeValue> i) {
        return new StockLevel(Attrs.s(i, "storeId"), Attrs.s(i, "sk"), Attrs.n0(i, "onHand"), Attrs.n0(i, "reserved"),
                Attrs.n(i, "lastCost"), Attrs.s(i, "updatedAt"), Attrs.n0(i, "v"));
    }
}
