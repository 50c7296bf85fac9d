package com.zhidian.catalog.application;

import com.zhidian.catalog.domain.CatalogErrors;
import com.zhidian.catalog.domain.ExpiryLot;
import com.zhidian.catalog.domain.ExpiryRules;
import com.zhidian.catalog.domain.Listing;
import com.zhidian.catalog.domain.Movement;
import com.zhidian.catalog.domain.Product;
import com.zhidian.catalog.domain.ProductRepository;
import com.zhidian.catalog.domain.StockLevel;
import com.zhidian.catalog.domain.StockRepository;
import com.zhidian.catalog.domain.StockRules;
import com.zhidian.catalog.domain.Transfer;
import com.zhidian.core.Ids;
import com.zhidian.core.auth.Caller;
import com.zhidian.core.dynamo.TransactionPart;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Stock of a store: receipts, counts, adjustments, transfers, and the reserve / commit / release calls orders use.
 * No locks: decreases are conditional writes, a count retries when the level moved between its read and its write.
 */
public final class StockService {
    static final int COUNT_TRIES = 8;

    private final ProductRepository products;
    private final StockRepository stock;
    private final StoreAccess stores;
    private final Clock clock;

    StockService(ProductRepository products, StockRepository stock, StoreAccess stores, Clock clock) {
        this.products = products;
        this.stock = stock;
        this.stores = stores;
        this.clock = clock;
    }

    /** A level with its product (null when the product is gone). */
    public record Row(StockLevel level, Product product) {}

    /** Goods received; {@code cost} (unit cost, fen) may be null: the product keeps its last receipt cost. */
    public Movement receive(Caller caller, String storeId, String gtin, long quantity, Long cost, String reference, String expiresOn) {
        stores.require(caller, storeId);
        product(caller, gtin);
        Movement m = movement(caller, storeId, gtin, Movement.RECEIPT, quantity, 0, null, reference, cost, expiresOn, null, null, null);
        stock.receive(caller.tenantId(), m);
        return m;
    }

    /** Sets on hand to what staff counted (盘点), recording the variance; retried when another write came between. */
    public Movement count(Caller caller, String storeId, String gtin, long counted, String reason) {
        stores.require(caller, storeId);
        product(caller, gtin);
        for (int i = 0; i < COUNT_TRIES; i++) {
            StockLevel before = stock.level(caller.tenantId(), storeId, gtin);
            StockRules.checkCount(before, counted);
            Movement m = movement(caller, storeId, gtin, Movement.COUNT, StockRules.variance(before, counted), 0, reason, null, null, null,
                    null, null, counted);
            if (stock.count(caller.tenantId(), before, m)) return m;
        }
        throw new CatalogErrors.StockBusy();
    }

    public Movement adjust(Caller caller, String storeId, String gtin, long delta, String reason, String note) {
        stores.require(caller, storeId);
        product(caller, gtin);
        Movement m = movement(caller, storeId, gtin, Movement.ADJUSTMENT, delta, 0, reason, note, null, null, null, null, null);
        stock.adjust(caller.tenantId(), m);
        return m;
    }

    /** Moves goods between two stores of the tenant in one transaction (调拨). */
    public Transfer transfer(Caller caller, String fromStoreId, String toStoreId, List<Transfer.Line> lines, String note) {
        if (fromStoreId.equals(toStoreId)) throw new CatalogErrors.SameStore();
        stores.require(caller, fromStoreId);
        stores.require(caller, toStoreId);
        Map<String, Long> merged = new LinkedHashMap<>();
        for (Transfer.Line l : lines) merged.merge(l.gtin(), l.quantity(), Long::sum);
        Map<String, Product> known = products.findAll(caller.tenantId(), merged.keySet());
        for (String g : merged.keySet()) if (!known.containsKey(g)) throw new CatalogErrors.ProductNotFound(g);
        String id = Ids.next("tr");
        List<Transfer.Line> ls = new ArrayList<>();
        List<Movement> ms = new ArrayList<>();
        merged.forEach((g, q) -> {
            ls.add(new Transfer.Line(g, q));
            ms.add(movement(caller, fromStoreId, g, Movement.TRANSFER_OUT, -q, 0, null, id, null, null, toStoreId, null, null));
            ms.add(movement(caller, toStoreId, g, Movement.TRANSFER_IN, q, 0, null, id, null, null, fromStoreId, null, null));
        });
        Transfer t = new Transfer(id, fromStoreId, toStoreId, ls, note, Actors.who(caller), Actors.now(clock));
        stock.transfer(caller.tenantId(), t, ms);
        return t;
    }

    /** Holds stock for an unpaid order: all lines or none. */
    public Map<String, Long> reserve(Caller caller, String storeId, String orderId, Map<String, Long> lines) {
        stores.require(caller, storeId);
        Map<String, Product> known = products.findAll(caller.tenantId(), lines.keySet());
        for (String g : lines.keySet()) {
            if (!known.containsKey(g)) throw new CatalogErrors.ProductNotFound(g);
            if (Product.DELISTED.equals(known.get(g).status())) throw new CatalogErrors.ProductDelisted(g);
        }
        List<Movement> ms = new ArrayList<>();
        lines.forEach((g, q) -> ms.add(movement(caller, storeId, g, Movement.RESERVE, 0, q, null, null, null, null, null, orderId, null)));
        stock.reserve(caller.tenantId(), storeId, orderId, lines, ms);
        return lines;
    }

    /** The order was paid and handed over: what it held leaves on hand. */
    public Map<String, Long> commit(Caller caller, String storeId, String orderId) {
        return settle(caller, storeId, orderId, true);
    }

    /** The order was cancelled: what it held is available again. */
    public Map<String, Long> release(Caller caller, String storeId, String orderId) {
        return settle(caller, storeId, orderId, false);
    }

    private Map<String, Long> settle(Caller caller, String storeId, String orderId, boolean sold) {
        stores.require(caller, storeId);
        Map<String, Long> held = stock.reservations(caller.tenantId(), storeId, orderId);
        if (held.isEmpty()) throw new CatalogErrors.ReservationNotFound(orderId);
        List<Movement> ms = new ArrayList<>();
        held.forEach((g, q) -> ms.add(sold
                ? movement(caller, storeId, g, Movement.SALE, -q, -q, null, null, null, null, null, orderId, null)
                : movement(caller, storeId, g, Movement.RELEASE, 0, -q, null, null, null, null, null, orderId, null)));
        boolean done = sold ? stock.commit(caller.tenantId(), storeId, orderId, held, ms) : stock.release(caller.tenantId(), storeId, orderId, held, ms);
        if (!done) throw new CatalogErrors.ReservationNotFound(orderId);
        return held;
    }

    // ---- parts of another context's transaction (an order holds, sells, releases and takes back stock) ----

    /**
     * The hold of an order's lines, planned but not written: the order's transaction carries it. Unknown or delisted
     * products are refused here; a line short of stock is refused by the transaction ({@link CatalogErrors.InsufficientStock}
     * naming the line). The caller has checked the store is the tenant's.
     */
    public TransactionPart planReserve(String tenantId, String storeId, String orderId, Map<String, Long> lines, String actor) {
        Map<String, Product> known = products.findAll(tenantId, lines.keySet());
        for (String g : lines.keySet()) {
            if (!known.containsKey(g)) throw new CatalogErrors.ProductNotFound(g);
            if (Product.DELISTED.equals(known.get(g).status())) throw new CatalogErrors.ProductDelisted(g);
        }
        List<Movement> ms = new ArrayList<>();
        lines.forEach((g, q) -> ms.add(movement(actor, storeId, g, Movement.RESERVE, 0, q, null, null, orderId)));
        return stock.reservePart(tenantId, storeId, orderId, lines, ms);
    }

    /**
     * As {@link #planReserve}, for a caller that has just read these products and refused a missing or delisted one
     * itself (an order priced by {@link PriceService#forOrder} has): the products are not read a second time.
     */
    public TransactionPart planReserveChecked(String tenantId, String storeId, String orderId, Map<String, Long> lines, String actor) {
        List<Movement> ms = new ArrayList<>();
        lines.forEach((g, q) -> ms.add(movement(actor, storeId, g, Movement.RESERVE, 0, q, null, null, orderId)));
        return stock.reservePart(tenantId, storeId, orderId, lines, ms);
    }

    /** Paid: the order's hold leaves on hand, as the order knows it ({@code held}); conditioned on the hold still being there. */
    public TransactionPart planCommit(String tenantId, String storeId, String orderId, Map<String, Long> held, String actor) {
        List<Movement> ms = new ArrayList<>();
        held.forEach((g, q) -> ms.add(movement(actor, storeId, g, Movement.SALE, -q, -q, null, null, orderId)));
        return stock.settlePart(tenantId, storeId, orderId, held, ms, true);
    }

    /** Cancelled: the order's hold is available again; conditioned on the hold still being there. */
    public TransactionPart planRelease(String tenantId, String storeId, String orderId, Map<String, Long> held, String actor) {
        List<Movement> ms = new ArrayList<>();
        held.forEach((g, q) -> ms.add(movement(actor, storeId, g, Movement.RELEASE, 0, -q, null, null, orderId)));
        return stock.settlePart(tenantId, storeId, orderId, held, ms, false);
    }

    /** Refunded goods back on the shelf: on hand and available up, one movement per line with the refund as reference. */
    public TransactionPart planReturn(String tenantId, String storeId, String orderId, String refundId, Map<String, Long> lines, String actor) {
        List<Movement> ms = new ArrayList<>();
        lines.forEach((g, q) -> ms.add(movement(actor, storeId, g, Movement.RETURN, q, 0, null, refundId, orderId)));
        return stock.returnPart(tenantId, ms);
    }

    private Movement movement(String actor, String storeId, String gtin, String kind, long delta, long reservedDelta, String reason,
                              String reference, String orderId) {
        return new Movement(Ids.next("mv"), storeId, gtin, kind, delta, reservedDelta, reason, reference, null, null, null, orderId, null,
                actor, Actors.now(clock));
    }

    public Row level(Caller caller, String storeId, String gtin) {
        stores.require(caller, storeId);
        return new Row(stock.level(caller.tenantId(), storeId, gtin), product(caller, gtin));
    }

    public Listing<Row> levels(Caller caller, String storeId, int limit, String cursor) {
        stores.require(caller, storeId);
        Listing<StockLevel> page = stock.levels(caller.tenantId(), storeId, limit, cursor);
        Map<String, Product> ps = products.findAll(caller.tenantId(), page.items().stream().map(StockLevel::gtin).toList());
        return new Listing<>(page.items().stream().map(l -> new Row(l, ps.get(l.gtin()))).toList(), page.nextCursor());
    }

    /** What the system expects of every product with stock in the store, by category and name, for staff to count. */
    public List<Row> countSheet(Caller caller, String storeId) {
        stores.require(caller, storeId);
        List<Row> rows = new ArrayList<>();
        String cursor = null;
        do {
            Listing<Row> page = levels(caller, storeId, 200, cursor);
            rows.addAll(page.items());
            cursor = page.nextCursor();
        } while (cursor != null);
        rows.sort(Comparator.comparing((Row r) -> r.product() == null || r.product().categoryId() == null ? "~" : r.product().categoryId())
                .thenComparing(r -> r.product() == null ? "~" : r.product().name()));
        return rows;
    }

    public Listing<Movement> movements(Caller caller, String storeId, String gtin, int limit, String cursor) {
        stores.require(caller, storeId);
        product(caller, gtin);
        return stock.movements(caller.tenantId(), storeId, gtin, limit, cursor);
    }

    /** Goods expiring within {@code days} days (in the tenant's zone), oldest first (临期). */
    public Listing<ExpiryLot> expiring(Caller caller, String storeId, int days, ZoneId zone, int limit, String cursor) {
        stores.require(caller, storeId);
        String until = LocalDate.ofInstant(clock.instant(), zone).plusDays(days).toString();
        List<ExpiryLot> lots = stock.lots(caller.tenantId(), storeId);
        java.util.Set<String> candidates = new java.util.HashSet<>();
        for (ExpiryLot l : lots) if (l.expiresOn().compareTo(until) <= 0) candidates.add(l.gtin());
        Map<String, Long> onHand = stock.onHand(caller.tenantId(), storeId, candidates);
        Map<String, List<ExpiryLot>> byProduct = new java.util.HashMap<>();
        for (ExpiryLot l : lots) if (candidates.contains(l.gtin())) byProduct.computeIfAbsent(l.gtin(), g -> new ArrayList<>()).add(l);
        List<ExpiryLot> near = new ArrayList<>();
        byProduct.forEach((gtin, ls) -> {
            for (ExpiryLot l : ExpiryRules.onShelf(ls, onHand.getOrDefault(gtin, 0L))) {
                if (l.onShelf() > 0 && l.expiresOn().compareTo(until) <= 0) near.add(l);
            }
        });
        near.sort(ExpiryRules.OLDEST_FIRST);
        // a page after the cursor's lot; the cursor is signed and bound to the tenant's store like every other
        String scope = "T#" + caller.tenantId() + "#NEAREXPIRY#" + storeId;
        var after = com.zhidian.core.paging.Cursor.decode(scope, cursor);
        int from = 0;
        if (after != null && after.get("sk") != null) {
            String last = after.get("sk").s();
            while (from < near.size() && near.get(from).lotId().compareTo(last) <= 0) from++;
        }
        List<ExpiryLot> page = near.subList(from, Math.min(near.size(), from + limit));
        String next = from + limit < near.size() ? com.zhidian.core.paging.Cursor.encode(scope,
                Map.of("sk", software.amazon.awssdk.services.dynamodb.model.AttributeValue.fromS(page.get(page.size() - 1).lotId()))) : null;
        return new Listing<>(List.copyOf(page), next);
    }

    private Product product(Caller caller, String gtin) {
        return products.find(caller.tenantId(), gtin).orElseThrow(() -> new CatalogErrors.ProductNotFound(gtin));
    }

    private Movement movement(Caller caller, String storeId, String gtin, String kind, long delta, long reservedDelta, String reason,
                              String reference, Long cost, String expiresOn, String counterpart, String orderId, Long counted) {
        return new Movement(Ids.next("mv"), storeId, gtin, kind, delta, reservedDelta, reason, reference, cost, expiresOn, counterpart,
                orderId, counted, Actors.who(caller), Actors.now(clock));
    }
}
