package com.zhidian.reports.store;

import static com.zhidian.core.aws.Items.key;
import static com.zhidian.core.aws.Items.n;
import static com.zhidian.core.aws.Items.num;
import static com.zhidian.core.aws.Items.s;
import static com.zhidian.core.aws.Items.str;

import com.zhidian.core.Env;
import com.zhidian.reports.domain.Bucket;
import com.zhidian.reports.domain.BucketRepository;
import com.zhidian.reports.domain.Measures;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.QueryRequest;
import software.amazon.awssdk.services.dynamodb.model.QueryResponse;
import software.amazon.awssdk.services.dynamodb.model.TransactWriteItem;
import software.amazon.awssdk.services.dynamodb.model.TransactionCanceledException;

/**
 * The rollup buckets in the one table: one item per store × grain × dimension × period × value holding the counters
 * (o orders, u units, g gross, d discounts, r refunds, n net), moved by ADD; a product's day series beside them; and a
 * marker per applied event part, put on the condition that it is new in the same transaction as the ADDs.
 */
public final class DynamoBuckets implements BucketRepository {
    /** Items of one transaction: the marker and at most this many minus one additions. */
    static final int PER_TRANSACTION = 100;
    static final long MARKER_TTL_SECONDS = 7 * 24 * 3600;

    private final DynamoDbClient db;
    private final Clock clock;
    private final String table = Env.tableName();

    public DynamoBuckets(DynamoDbClient db, Clock clock) {
        this.db = db;
        this.clock = clock;
    }

    @Override
    public boolean apply(String tenantId, String eventId, Map<Bucket, Measures> contributions) {
        List<TransactWriteItem> adds = new ArrayList<>();
        for (var c : contributions.entrySet()) {
            Bucket b = c.getKey();
            adds.add(add(key(Keys.buckets(tenantId, b.storeId(), b.grain(), b.dimension()), Keys.bucketSk(b.period(), b.value())),
                    b.period(), b.value(), c.getValue()));
            if (Bucket.PRODUCT.equals(b.dimension())) {
                adds.add(add(key(Keys.productDays(tenantId, b.storeId(), b.value()), b.period()), b.period(), b.value(), c.getValue()));
            }
        }
        boolean applied = false;
        int part = 0;
        for (int i = 0; i < Math.max(1, adds.size()); i += PER_TRANSACTION - 1, part++) {
            List<TransactWriteItem> items = new ArrayList<>();
            Map<String, AttributeValue> marker = key(Keys.applied(tenantId), eventId + "#" + part);
            marker.put("ttl", n(clock.instant().getEpochSecond() + MARKER_TTL_SECONDS));
            items.add(TransactWriteItem.builder().put(p -> p.tableName(table).item(marker).conditionExpression("attribute_not_exists(pk)")).build());
            items.addAll(adds.subList(Math.min(i, adds.size()), Math.min(adds.size(), i + PER_TRANSACTION - 1)));
            try {
                db.transactWriteItems(b -> b.transactItems(items));
                applied = true;
            } catch (TransactionCanceledException e) {
                boolean seen = e.hasCancellationReasons() && "ConditionalCheckFailed".equals(e.cancellationReasons().get(0).code());
                if (!seen) throw e;
            }
        }
        return applied;
    }

    private TransactWriteItem add(Map<String, AttributeValue> k, String period, String value, Measures m) {
        Map<String, AttributeValue> v = new HashMap<>();
        v.put(":o", n(m.orders()));
        v.put(":u", n(m.units()));
        v.put(":g", n(m.gross()));
        v.put(":d", n(m.discounts()));
        v.put(":r", n(m.refunds()));
        v.put(":n", n(m.net()));
        v.put(":p", s(period));
        v.put(":v", s(value));
        return TransactWriteItem.builder().update(u -> u.tableName(table).key(k)
                .updateExpression("SET #p = :p, #v = :v ADD o :o, u :u, g :g, d :d, r :r, n :n")
                .expressionAttributeNames(Map.of("#p", "period", "#v", "value")).expressionAttributeValues(v)).build();
    }

    @Override
    public List<Row> read(String tenantId, String storeId, String grain, String dimension, String fromPeriod, String toPeriod) {
        return query(Keys.buckets(tenantId, storeId, grain, dimension), fromPeriod + "#", toPeriod + "#~");
    }

    @Override
    public List<Row> productDays(String tenantId, String storeId, String gtin, String fromDay, String toDay) {
        return query(Keys.productDays(tenantId, storeId, gtin), fromDay, toDay);
    }

    private List<Row> query(String pk, String lo, String hi) {
        List<Row> out = new ArrayList<>();
        Map<String, AttributeValue> start = null;
        do {
            Map<String, AttributeValue> from = start;
            QueryResponse r = db.query(QueryRequest.builder().tableName(table).keyConditionExpression("pk = :pk AND sk BETWEEN :lo AND :hi")
                    .expressionAttributeValues(Map.of(":pk", s(pk), ":lo", s(lo), ":hi", s(hi))).exclusiveStartKey(from).build());
            for (Map<String, AttributeValue> i : r.items()) {
                out.add(new Row(str(i, "period"), str(i, "value"),
                        new Measures(num(i, "o"), num(i, "u"), num(i, "g"), num(i, "d"), num(i, "r"), num(i, "n"))));
            }
            start = r.hasLastEvaluatedKey() && !r.lastEvaluatedKey().isEmpty() ? r.lastEvaluatedKey() : null;
        } while (start != null);
        return out;
    }
}
