package com.zhidian.catalog.store;

import static com.zhidian.catalog.store.Attrs.S;

import com.zhidian.catalog.domain.Listing;
import com.zhidian.catalog.domain.PriceChange;
import com.zhidian.catalog.domain.PriceRepository;
import com.zhidian.catalog.domain.PriceVersion;
import com.zhidian.core.paging.Page;
import com.zhidian.core.paging.Pages;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.TransactWriteItem;
import software.amazon.awssdk.services.dynamodb.model.TransactionCanceledException;

/**
 * Price versions in one partition per tenant, sorted by product then scope then start, so one range read answers
 * a page of products; the history of each product in its own partition, newest first.
 */
public final class DynamoPriceRepository implements PriceRepository {
    private final Table table;

    public DynamoPriceRepository(DynamoDbClient db) {
        this.table = new Table(db);
    }

    /** A transaction holds at most 100 items: 33 rows of three (version, history entry, outbox item). */
    static final int ROWS_A_TRANSACTION = 33;
    /** Items a range read of a chunk's versions may read per product before the rest are read one product at a time. */
    public static final int RANGE_ITEMS_A_PRODUCT = 8;

    @Override
    public void save(String tenantId, PriceVersion v, PriceChange c) {
        table.transact(items(tenantId, v, c));
    }

    @Override
    public void saveAll(String tenantId, List<Write> writes) {
        for (int from = 0; from < writes.size(); from += ROWS_A_TRANSACTION) {
            List<TransactWriteItem> items = new ArrayList<>();
            for (Write w : writes.subList(from, Math.min(writes.size(), from + ROWS_A_TRANSACTION))) {
                items.addAll(items(tenantId, w.version(), w.change()));
            }
            transactRetryingConflicts(items);
        }
    }

    /**
     * A group's puts again when DynamoDB cancelled it for a conflict with another transaction on one of its items (a
     * single price PUT of the same product at the same second): the puts carry no condition, so a repeat is harmless.
     */
    private void transactRetryingConflicts(List<TransactWriteItem> items) {
        for (int attempt = 1; ; attempt++) {
            try {
                table.db.transactWriteItems(b -> b.transactItems(items));
                return;
            } catch (TransactionCanceledException e) {
                boolean conflict = e.hasCancellationReasons()
                        && e.cancellationReasons().stream().anyMatch(r -> "TransactionConflict".equals(r.code()));
                if (!conflict || attempt == 3) throw e;
                try {
                    Thread.sleep(20L * attempt);
                } catch (InterruptedException stop) {
                    Thread.currentThread().interrupt();
                    throw e;
                }
            }
        }
    }

    /** A version, its history entry and its outbox item: the three puts of one price write. */
    private List<TransactWriteItem> items(String tenantId, PriceVersion v, PriceChange c) {
        Map<String, AttributeValue> item = Table.key(Keys.prices(tenantId), Keys.priceSk(v.gtin(), v.storeId(), v.effectiveAt().toString()));
        item.put("gtin", S(v.gtin()));
        Attrs.putS(item, "storeId", v.storeId());
        item.put("effectiveAt", S(v.effectiveAt().toString()));
        Attrs.putN(item, "price", v.price());
        Attrs.putN(item, "promoPrice", v.promoPrice());
        Attrs.putS(item, "promoFrom", v.promoFrom() == null ? null : v.promoFrom().toString());
        Attrs.putS(item, "promoTo", v.promoTo() == null ? null : v.promoTo().toString());
        item.put("setBy", S(v.setBy()));
        item.put("setAt", S(v.setAt().toString()));

        Map<String, AttributeValue> h = Table.key(Keys.priceHistory(tenantId, c.gtin()), c.at() + "#" + c.changeId());
        h.put("changeId", S(c.changeId()));
        h.put("gtin", S(c.gtin()));
        Attrs.putS(h, "storeId", c.storeId());
        h.put("effectiveAt", S(c.effectiveAt()));
        Attrs.putN(h, "oldPrice", c.oldPrice());
        Attrs.putN(h, "newPrice", c.newPrice());
        Attrs.putN(h, "oldPromoPrice", c.oldPromoPrice());
        Attrs.putN(h, "promoPrice", c.promoPrice());
        Attrs.putS(h, "promoFrom", c.promoFrom());
        Attrs.putS(h, "promoTo", c.promoTo());
        h.put("belowCost", AttributeValue.fromBool(c.belowCost()));
        h.put("by", S(c.by()));
        h.put("at", S(c.at()));
        Map<String, AttributeValue> notice = priceChanged(tenantId, c);
        return List.of(
                TransactWriteItem.builder().put(b -> b.tableName(table.name).item(item)).build(),
                TransactWriteItem.builder().put(b -> b.tableName(table.name).item(h)).build(),
                TransactWriteItem.builder().put(b -> b.tableName(table.name).item(notice)).build());
    }

    /**
     * One range read of the versions from the lowest GTIN asked to the highest (a price file's chunk is sorted by GTIN,
     * so the range is mostly its own products), capped at {@value #RANGE_ITEMS_A_PRODUCT} items a product: where the
     * range also holds products not asked for, or long histories, the products past the cap are read one at a time,
     * each its scope's latest started version only (a descending Query of one item). So a chunk costs one call when its
     * products are neighbours and at most one more per product when they are not.
     */
    @Override
    public Map<Scope, PriceVersion> startedBy(String tenantId, Map<Scope, Instant> at) {
        Map<Scope, PriceVersion> out = new HashMap<>();
        if (at.isEmpty()) return out;
        java.util.TreeSet<String> gtins = new java.util.TreeSet<>();
        at.keySet().forEach(s -> gtins.add(s.gtin()));
        int cap = RANGE_ITEMS_A_PRODUCT * gtins.size();
        var r = table.db.query(b -> b.tableName(table.name).keyConditionExpression("pk = :pk AND sk BETWEEN :a AND :b").limit(cap)
                .expressionAttributeValues(Map.of(":pk", S(Keys.prices(tenantId)), ":a", S(gtins.first() + "#"), ":b", S(gtins.last() + "#~"))));
        // with a page cut short, the versions of the GTIN it stopped in (and after) may be missing: those are read alone
        String cut = r.hasLastEvaluatedKey() && !r.lastEvaluatedKey().isEmpty() ? Attrs.s(r.lastEvaluatedKey(), "sk").split("#", 2)[0] : null;
        // a scope's versions come in the order of their starts (the sort key ends with it): the last one started by its
        // instant is the answer, and only that one is turned into a version
        Map<Scope, Map<String, AttributeValue>> latest = new HashMap<>();
        for (Map<String, AttributeValue> i : r.items()) {
            String gtin = Attrs.s(i, "gtin");
            if (cut != null && gtin.compareTo(cut) >= 0) continue;
            Scope scope = new Scope(gtin, Attrs.s(i, "storeId"));
            Instant by = at.get(scope);
            if (by != null && Attrs.s(i, "sk").compareTo(Keys.priceSk(gtin, scope.storeId(), by.toString())) <= 0) latest.put(scope, i);
        }
        latest.forEach((scope, i) -> out.put(scope, version(i)));
        if (cut == null) return out;
        at.forEach((scope, by) -> {
            if (scope.gtin().compareTo(cut) < 0) return;
            String prefix = Keys.priceSk(scope.gtin(), scope.storeId(), "");
            var one = table.db.query(b -> b.tableName(table.name).keyConditionExpression("pk = :pk AND sk BETWEEN :a AND :b")
                    .scanIndexForward(false).limit(1).expressionAttributeValues(Map.of(":pk", S(Keys.prices(tenantId)), ":a", S(prefix),
                            ":b", S(Keys.priceSk(scope.gtin(), scope.storeId(), by.toString())))));
            if (!one.items().isEmpty()) out.put(scope, version(one.items().get(0)));
        });
        return out;
    }

    /**
     * One range read of the versions from the lowest GTIN asked to the highest, capped as {@link #startedBy}'s at
     * {@value #RANGE_ITEMS_A_PRODUCT} items a product (a bulk change's products come sorted, so a slice's range is mostly
     * its own products); the products from where a page was cut short are read one at a time, each its whole history.
     * So a slice of neighbours costs one call, and scattered products or long histories at most one more each.
     */
    @Override
    public Map<String, List<PriceVersion>> inStore(String tenantId, String storeId, java.util.Collection<String> gtins) {
        Map<String, List<PriceVersion>> out = new HashMap<>();
        if (gtins.isEmpty()) return out;
        java.util.TreeSet<String> asked = new java.util.TreeSet<>(gtins);
        var r = table.db.query(b -> b.tableName(table.name).keyConditionExpression("pk = :pk AND sk BETWEEN :a AND :b")
                .limit(RANGE_ITEMS_A_PRODUCT * asked.size())
                .expressionAttributeValues(Map.of(":pk", S(Keys.prices(tenantId)), ":a", S(asked.first() + "#"), ":b", S(asked.last() + "#~"))));
        String cut = r.hasLastEvaluatedKey() && !r.lastEvaluatedKey().isEmpty() ? Attrs.s(r.lastEvaluatedKey(), "sk").split("#", 2)[0] : null;
        for (Map<String, AttributeValue> i : r.items()) {
            String gtin = Attrs.s(i, "gtin");
            if (!asked.contains(gtin) || (cut != null && gtin.compareTo(cut) >= 0) || !applies(i, storeId)) continue;
            out.computeIfAbsent(gtin, g -> new ArrayList<>()).add(version(i));
        }
        if (cut == null) return out;
        for (String gtin : asked.tailSet(cut, true)) {
            List<PriceVersion> own = versions(tenantId, gtin).stream().filter(v -> v.tenantWide() || v.storeId().equals(storeId)).toList();
            if (!own.isEmpty()) out.put(gtin, own);
        }
        return out;
    }

    /** A version item that applies in the store: the tenant-wide price (no store) or the store's own. */
    private static boolean applies(Map<String, AttributeValue> i, String storeId) {
        String store = Attrs.s(i, "storeId");
        return store == null || store.equals(storeId);
    }

    /**
     * The outbox item of a price write (docs/decisions.md, "ESL price push"): written in the same transaction as the
     * version, so a price and its notice are atomic; the table's stream delivers it (kind {@value #PRICE_CHANGED}) to
     * the devices context, which pushes the price in force to the shelf labels. Kept a week (ttl), never read here.
     */
    static Map<String, AttributeValue> priceChanged(String tenantId, PriceChange c) {
        Map<String, AttributeValue> o = Table.key(Keys.priceOutbox(tenantId), c.at() + "#" + c.changeId());
        o.put("kind", S(PRICE_CHANGED));
        o.put("tenantId", S(tenantId));
        o.put("gtin", S(c.gtin()));
        Attrs.putS(o, "storeId", c.storeId());
        o.put("effectiveAt", S(c.effectiveAt()));
        o.put("ttl", AttributeValue.fromN(Long.toString(Instant.parse(c.at()).getEpochSecond() + 7 * 24 * 3600)));
        return o;
    }

    /** The kind of the outbox item the devices function's stream filter selects (template.yaml, EslPushFunction). */
    public static final String PRICE_CHANGED = "price.changed";

    @Override
    public List<PriceVersion> versions(String tenantId, String gtin) {
        return versionsBetween(tenantId, gtin, gtin);
    }

    @Override
    public List<PriceVersion> versionsBetween(String tenantId, String firstGtin, String lastGtin) {
        return table.all(b -> b.keyConditionExpression("pk = :pk AND sk BETWEEN :a AND :b")
                        .expressionAttributeValues(Map.of(":pk", S(Keys.prices(tenantId)), ":a", S(firstGtin + "#"), ":b", S(lastGtin + "#~"))))
                .stream().map(DynamoPriceRepository::version).toList();
    }

    @Override
    public Listing<PriceChange> history(String tenantId, String gtin, int limit, String cursor) {
        String pk = Keys.priceHistory(tenantId, gtin);
        Page<PriceChange> p = Pages.of(table.page(pk, limit, cursor, b -> b.scanIndexForward(false)), limit, pk,
                DynamoPriceRepository::change, "pk", "sk");
        return new Listing<>(p.items(), p.nextCursor());
    }

    private static PriceVersion version(Map<String, AttributeValue> i) {
        return new PriceVersion(Attrs.s(i, "gtin"), Attrs.s(i, "storeId"), Instant.parse(Attrs.s(i, "effectiveAt")), Attrs.n0(i, "price"),
                Attrs.n(i, "promoPrice"), instant(Attrs.s(i, "promoFrom")), instant(Attrs.s(i, "promoTo")), Attrs.s(i, "setBy"),
                Instant.parse(Attrs.s(i, "setAt")));
    }

    private static PriceChange change(Map<String, AttributeValue> i) {
        AttributeValue below = i.get("belowCost");
        return new PriceChange(Attrs.s(i, "changeId"), Attrs.s(i, "gtin"), Attrs.s(i, "storeId"), Attrs.s(i, "effectiveAt"),
                Attrs.n(i, "oldPrice"), Attrs.n0(i, "newPrice"), Attrs.n(i, "oldPromoPrice"), Attrs.n(i, "promoPrice"),
                Attrs.s(i, "promoFrom"), Attrs.s(i, "promoTo"), below != null && Boolean.TRUE.equals(below.bool()),
                Attrs.s(i, "by"), Attrs.s(i, "at"));
    }

    private static Instant instant(String s) {
        return s == null ? null : Instant.parse(s);
    }
}
