package com.zhidian.reports.store;

import static com.zhidian.core.aws.Items.key;
import static com.zhidian.core.aws.Items.n;
import static com.zhidian.core.aws.Items.num;
import static com.zhidian.core.aws.Items.s;
import static com.zhidian.core.aws.Items.str;

import com.zhidian.core.Env;
import com.zhidian.reports.domain.MemberBucketRepository;
import com.zhidian.reports.domain.MemberMeasures;
import com.zhidian.reports.domain.MemberRollup;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.CancellationReason;
import software.amazon.awssdk.services.dynamodb.model.QueryRequest;
import software.amazon.awssdk.services.dynamodb.model.QueryResponse;
import software.amazon.awssdk.services.dynamodb.model.TransactWriteItem;
import software.amazon.awssdk.services.dynamodb.model.TransactionCanceledException;

/**
 * The member report's buckets: one item per scope × grain × period holding its counters (nm joined, am active, rm
 * repeat, mo member orders, pi/pr/px/po points issued, redeemed, expired, other debits, pp pending change) moved by ADD;
 * coupon buckets per scope × day × template (ci issued, cr redeemed); and per period the paid orders of each member,
 * which make the distinct counts. Every event's writes are one transaction with its marker (put if new).
 */
public final class DynamoMemberBuckets implements MemberBucketRepository {
    /** Activity items are kept past the end of their period (the longest is a month) plus a margin. */
    static final long ACTIVITY_TTL_SECONDS = 40L * 24 * 3600;
    static final int ATTEMPTS = 8;

    private final DynamoDbClient db;
    private final Clock clock;
    private final String table = Env.tableName();

    public DynamoMemberBuckets(DynamoDbClient db, Clock clock) {
        this.db = db;
        this.clock = clock;
    }

    private TransactWriteItem marker(String tenantId, String markerId) {
        Map<String, AttributeValue> m = key(Keys.applied(tenantId), markerId);
        m.put("ttl", n(clock.instant().getEpochSecond() + DynamoBuckets.MARKER_TTL_SECONDS));
        return TransactWriteItem.builder().put(p -> p.tableName(table).item(m).conditionExpression("attribute_not_exists(pk)")).build();
    }

    @Override
    public boolean apply(String tenantId, String markerId, Map<MemberRollup.Slot, MemberMeasures> contributions) {
        if (contributions.isEmpty()) return false;
        List<TransactWriteItem> items = new ArrayList<>();
        items.add(marker(tenantId, markerId));
        contributions.forEach((slot, m) -> items.add(add(tenantId, slot, m)));
        return commit(items) == Outcome.APPLIED;
    }

    private TransactWriteItem add(String tenantId, MemberRollup.Slot slot, MemberMeasures m) {
        Map<String, AttributeValue> v = new HashMap<>();
        v.put(":p", s(slot.period()));
        long[] xs = {m.newMembers(), m.activeMembers(), m.repeatMembers(), m.memberOrders(), m.pointsIssued(), m.pointsRedeemed(),
                m.pointsExpired(), m.pointsOtherDebits(), m.pendingDelta()};
        String[] names = {"nm", "am", "rm", "mo", "pi", "pr", "px", "po", "pp"};
        StringBuilder adds = new StringBuilder();
        for (int i = 0; i < names.length; i++) {
            adds.append(adds.isEmpty() ? " ADD " : ", ").append(names[i]).append(" :").append(names[i]);
            v.put(":" + names[i], n(xs[i]));
        }
        return TransactWriteItem.builder().update(u -> u.tableName(table)
                .key(key(Keys.memberBuckets(tenantId, slot.scope(), slot.grain()), slot.period()))
                .updateExpression("SET #p = :p" + adds).expressionAttributeNames(Map.of("#p", "period"))
                .expressionAttributeValues(v)).build();
    }

    @Override
    public boolean applyCoupons(String tenantId, String markerId, String name, Map<MemberRollup.CouponSlot, long[]> counts) {
        if (counts.isEmpty()) return false;
        List<TransactWriteItem> items = new ArrayList<>();
        items.add(marker(tenantId, markerId));
        counts.forEach((slot, c) -> {
            Map<String, AttributeValue> v = new HashMap<>(Map.of(":d", s(slot.day()), ":t", s(slot.templateId()), ":i", n(c[0]), ":r", n(c[1])));
            String set = "SET #d = :d, templateId = :t";
            if (name != null) {
                v.put(":nm", s(name));
                set += ", #n = :nm";
            }
            Map<String, String> names = name != null ? Map.of("#d", "day", "#n", "name") : Map.of("#d", "day");
            String expression = set + " ADD ci :i, cr :r";
            items.add(TransactWriteItem.builder().update(u -> u.tableName(table)
                    .key(key(Keys.couponBuckets(tenantId, slot.scope()), slot.day() + "#" + slot.templateId()))
                    .updateExpression(expression).expressionAttributeNames(names).expressionAttributeValues(v)).build());
        });
        return commit(items) == Outcome.APPLIED;
    }

    @Override
    public boolean applyActivity(String tenantId, String markerId, String memberId, List<MemberRollup.Slot> slots) {
        for (int attempt = 0; attempt < ATTEMPTS; attempt++) {
            List<TransactWriteItem> items = new ArrayList<>();
            items.add(marker(tenantId, markerId));
            long ttl = clock.instant().getEpochSecond() + ACTIVITY_TTL_SECONDS;
            for (MemberRollup.Slot slot : slots) {
                Map<String, AttributeValue> k = key(Keys.memberActivity(tenantId, slot.scope(), slot.grain(), slot.period()), memberId);
                Map<String, AttributeValue> found = db.getItem(g -> g.tableName(table).key(k).consistentRead(true)).item();
                long before = found == null || found.isEmpty() ? 0 : num(found, "o");
                Map<String, AttributeValue> item = new HashMap<>(k);
                item.put("o", n(before + 1));
                item.put("ttl", n(Math.max(ttl, found == null || found.isEmpty() ? 0 : num(found, "ttl"))));
                items.add(TransactWriteItem.builder().put(p -> {
                    p.tableName(table).item(item);
                    if (before == 0) p.conditionExpression("attribute_not_exists(pk)");
                    else p.conditionExpression("o = :o").expressionAttributeValues(Map.of(":o", n(before)));
                }).build());
                items.add(add(tenantId, slot, MemberRollup.activity(before)));
            }
            Outcome o = commit(items);
            if (o != Outcome.RACED) return o == Outcome.APPLIED;
        }
        throw new IllegalStateException("member activity of " + markerId + " kept racing; the stream retries the batch");
    }

    private enum Outcome { APPLIED, SEEN, RACED }

    private Outcome commit(List<TransactWriteItem> items) {
        try {
            db.transactWriteItems(b -> b.transactItems(items));
            return Outcome.APPLIED;
        } catch (TransactionCanceledException e) {
            List<CancellationReason> reasons = e.hasCancellationReasons() ? e.cancellationReasons() : List.of();
            if (!reasons.isEmpty() && "ConditionalCheckFailed".equals(reasons.get(0).code())) return Outcome.SEEN;
            for (CancellationReason r : reasons) {
                if ("ConditionalCheckFailed".equals(r.code()) || "TransactionConflict".equals(r.code())) return Outcome.RACED;
            }
            throw e;
        }
    }

    @Override
    public List<Row> read(String tenantId, String scope, String grain, String fromPeriod, String toPeriod) {
        List<Row> out = new ArrayList<>();
        for (Map<String, AttributeValue> i : query(Keys.memberBuckets(tenantId, scope, grain), fromPeriod, toPeriod)) {
            out.add(new Row(str(i, "period"), new MemberMeasures(num(i, "nm"), num(i, "am"), num(i, "rm"), num(i, "mo"), num(i, "pi"),
                    num(i, "pr"), num(i, "px"), num(i, "po"), num(i, "pp"))));
        }
        return out;
    }

    @Override
    public List<CouponRow> coupons(String tenantId, String scope, String fromDay, String toDay) {
        List<CouponRow> out = new ArrayList<>();
        for (Map<String, AttributeValue> i : query(Keys.couponBuckets(tenantId, scope), fromDay + "#", toDay + "#~")) {
            out.add(new CouponRow(str(i, "day"), str(i, "templateId"), str(i, "name"), num(i, "ci"), num(i, "cr")));
        }
        return out;
    }

    private List<Map<String, AttributeValue>> query(String pk, String lo, String hi) {
        List<Map<String, AttributeValue>> out = new ArrayList<>();
        Map<String, AttributeValue> start = null;
        do {
            Map<String, AttributeValue> from = start;
            QueryResponse r = db.query(QueryRequest.builder().tableName(table).keyConditionExpression("pk = :pk AND sk BETWEEN :lo AND :hi")
                    .expressionAttributeValues(Map.of(":pk", s(pk), ":lo", s(lo), ":hi", s(hi))).exclusiveStartKey(from).build());
            out.addAll(r.items());
            start = r.hasLastEvaluatedKey() && !r.lastEvaluatedKey().isEmpty() ? r.lastEvaluatedKey() : null;
        } while (start != null);
        return out;
    }
}
