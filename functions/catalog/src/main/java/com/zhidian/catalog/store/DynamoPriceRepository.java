package com.zhidian.catalog.store;

import static com.zhidian.catalog.store.Attrs.S;

import com.zhidian.catalog.domain.Listing;
import com.zhidian.catalog.domain.PriceChange;
import com.zhidian.catalog.domain.PriceRepository;
import com.zhidian.catalog.domain.PriceVersion;
import com.zhidian.core.paging.Page;
import com.zhidian.core.paging.Pages;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.TransactWriteItem;

/**
 * Price versions in one partition per tenant, sorted by product then scope then start, so one range read answers
 * a page of products; the history of each product in its own partition, newest first.
 */
public final class DynamoPriceRepository implements PriceRepository {
    private final Table table;

    public DynamoPriceRepository(DynamoDbClient db) {
        this.table = new Table(db);
    }

    @Override
    public void save(String tenantId, PriceVersion v, PriceChange c) {
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
        table.transact(List.of(
                TransactWriteItem.builder().put(b -> b.tableName(table.name).item(item)).build(),
                TransactWriteItem.builder().put(b -> b.tableName(table.name).item(h)).build(),
                TransactWriteItem.builder().put(b -> b.tableName(table.name).item(notice)).build()));
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
