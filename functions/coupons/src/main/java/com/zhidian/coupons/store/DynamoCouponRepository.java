package com.zhidian.coupons.store;

import static com.zhidian.core.aws.Items.key;
import static com.zhidian.core.aws.Items.n;
import static com.zhidian.core.aws.Items.num;
import static com.zhidian.core.aws.Items.s;

import com.zhidian.core.Env;
import com.zhidian.core.dynamo.TransactionPart;
import com.zhidian.coupons.domain.CouponErrors;
import com.zhidian.core.paging.Cursor;
import com.zhidian.core.paging.Page;
import com.zhidian.core.paging.Pages;
import com.zhidian.core.idempotency.IdempotencyClaim;
import com.zhidian.coupons.domain.Coupon;
import com.zhidian.coupons.domain.CouponRepository;
import com.zhidian.coupons.domain.CouponState;
import com.zhidian.coupons.domain.Slice;
import com.zhidian.coupons.domain.Template;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.CancellationReason;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;
import software.amazon.awssdk.services.dynamodb.model.KeysAndAttributes;
import software.amazon.awssdk.services.dynamodb.model.QueryResponse;
import software.amazon.awssdk.services.dynamodb.model.Select;
import software.amazon.awssdk.services.dynamodb.model.TransactWriteItem;
import software.amazon.awssdk.services.dynamodb.model.TransactionCanceledException;

/**
 * Coupons in the one table. Handing out is one TransactWriteItems over the template's stock counter, the member's
 * counter and the new coupon; a state change is one over the coupon (conditional on its state and order as read),
 * the template's counters and the order's hold. No locks: a condition that fails cancels the whole transaction.
 */
public final class DynamoCouponRepository implements CouponRepository {
    private final DynamoDbClient db;
    private final String table = Env.tableName();

    public DynamoCouponRepository(DynamoDbClient db) {
        this.db = db;
    }

    @Override
    public void createTemplate(Template t) {
        db.putItem(b -> b.tableName(table).item(CouponItems.template(t)).conditionExpression("attribute_not_exists(pk)"));
    }

    @Override
    public Optional<Template> template(String tenantId, String templateId) {
        Map<String, AttributeValue> item = db.getItem(b -> b.tableName(table)
                .key(key(Keys.template(tenantId, templateId), Keys.TEMPLATE_SK)).consistentRead(true)).item();
        return item == null || item.isEmpty() ? Optional.empty() : Optional.of(CouponItems.template(item));
    }

    @Override
    public Slice<Template> templates(String tenantId, int limit, String cursor) {
        String pk = Keys.templateList(tenantId);
        return slice(index("gsi1", pk, limit, cursor, false), limit, pk, CouponItems::template, "gsi1");
    }

    @Override
    public boolean stop(String tenantId, String templateId) {
        try {
            db.updateItem(b -> b.tableName(table).key(key(Keys.template(tenantId, templateId), Keys.TEMPLATE_SK))
                    .updateExpression("SET stopped = :t").conditionExpression("attribute_exists(pk)")
                    .expressionAttributeValues(Map.of(":t", AttributeValue.fromBool(true))));
            return true;
        } catch (ConditionalCheckFailedException e) {
            return false;
        }
    }

    @Override
    public long expired(String tenantId, String templateId, Instant now) {
        long count = 0;
        Map<String, AttributeValue> start = null;
        do {
            Map<String, AttributeValue> from = start;
            QueryResponse r = db.query(b -> b.tableName(table).indexName("gsi2")
                    .keyConditionExpression("gsi2pk = :pk AND gsi2sk <= :now")
                    .filterExpression("#st = :available")
                    .expressionAttributeNames(Map.of("#st", "state"))
                    .expressionAttributeValues(Map.of(":pk", s(Keys.templateCoupons(tenantId, templateId)),
                            ":now", s(Keys.through(now)), ":available", s(CouponState.AVAILABLE.code())))
                    .select(Select.COUNT).exclusiveStartKey(from));
            count += r.count();
            start = r.hasLastEvaluatedKey() && !r.lastEvaluatedKey().isEmpty() ? r.lastEvaluatedKey() : null;
        } while (start != null);
        return count;
    }

    @Override
    public Take take(Template t, Coupon c, boolean carryClaim) {
        return take(t, c, carryClaim, null);
    }

    @Override
    public Take take(Template t, Coupon c, boolean carryClaim, String jobId) {
        String counter = Coupon.CLAIMED.equals(c.source()) ? "claimed" : "issued";
        List<TransactWriteItem> writes = new ArrayList<>();
        writes.add(TransactWriteItem.builder().update(u -> u.tableName(table)
                .key(key(Keys.template(t.tenantId(), t.templateId()), Keys.TEMPLATE_SK))
                .updateExpression("ADD taken :one, " + counter + " :one")
                .conditionExpression("attribute_exists(pk) AND stopped = :f AND taken < totalStock")
                .expressionAttributeValues(Map.of(":one", n(1), ":f", AttributeValue.fromBool(false)))).build());
        writes.add(TransactWriteItem.builder().update(u -> u.tableName(table)
                .key(key(Keys.template(t.tenantId(), t.templateId()), Keys.memberCounterSk(c.memberId())))
                .updateExpression("ADD #n :one")
                .conditionExpression("attribute_not_exists(#n) OR #n < :limit")
                .expressionAttributeNames(Map.of("#n", "n"))
                .expressionAttributeValues(Map.of(":one", n(1), ":limit", n(t.perMemberLimit())))).build());
        writes.add(TransactWriteItem.builder().put(p -> p.tableName(table).item(CouponItems.coupon(c))
                .conditionExpression("attribute_not_exists(pk)")).build());
        int lineAt = -1;
        if (jobId != null) {
            lineAt = writes.size();
            writes.addAll(DynamoIssueJobs.lineWrites(table, c.tenantId(), jobId, c.memberId(), "issued", c.code()));
        }
        int claimAt = carryClaim ? IdempotencyClaim.appendTo(writes) : -1;
        try {
            db.transactWriteItems(b -> b.transactItems(writes));
            return Take.OK;
        } catch (TransactionCanceledException e) {
            if (IdempotencyClaim.refused(e, claimAt)) throw IdempotencyClaim.taken();
            if (lineAt >= 0 && failed(e, lineAt)) return Take.ALREADY_REPORTED;
            // a member at their limit hears that rather than "stock out", which would not help them either
            if (failed(e, 0)) {
                Template now = template(t.tenantId(), t.templateId()).orElse(null);
                if (now == null || now.stopped()) return Take.CLOSED;
                return failed(e, 1) ? Take.LIMIT_REACHED : Take.STOCK_OUT;
            }
            if (failed(e, 1)) return Take.LIMIT_REACHED;
            return Take.RETRY;
        }
    }

    @Override
    public Optional<Coupon> coupon(String tenantId, String code) {
        // read ahead with an order's other items (ReadAhead.readAll): no call of its own
        Map<String, AttributeValue> item = com.zhidian.core.aws.ReadAhead.take(Keys.coupon(tenantId, code), Keys.COUPON_SK)
                .orElseGet(() -> db.getItem(b -> b.tableName(table)
                        .key(key(Keys.coupon(tenantId, code), Keys.COUPON_SK)).consistentRead(true)).item());
        return item == null || item.isEmpty() ? Optional.empty() : Optional.of(CouponItems.coupon(item));
    }

    @Override
    public Slice<Coupon> ofMember(String tenantId, String memberId, int limit, String cursor) {
        String pk = Keys.memberCoupons(tenantId, memberId);
        return slice(index("gsi1", pk, limit, cursor, false), limit, pk, CouponItems::coupon, "gsi1");
    }

    @Override
    public Slice<Coupon> ofTemplate(String tenantId, String templateId, int limit, String cursor) {
        String pk = Keys.templateCoupons(tenantId, templateId);
        return slice(index("gsi2", pk, limit, cursor, true), limit, pk, CouponItems::coupon, "gsi2");
    }

    @Override
    public Map<String, Long> taken(String tenantId, String memberId, List<String> templateIds) {
        Map<String, Long> out = new HashMap<>();
        for (int from = 0; from < templateIds.size(); from += 100) {
            List<Map<String, AttributeValue>> keys = new ArrayList<>();
            for (String id : templateIds.subList(from, Math.min(templateIds.size(), from + 100))) {
                keys.add(key(Keys.template(tenantId, id), Keys.memberCounterSk(memberId)));
            }
            Map<String, KeysAndAttributes> ask = Map.of(table, KeysAndAttributes.builder().keys(keys).build());
            while (ask != null && !ask.isEmpty()) {
                Map<String, KeysAndAttributes> req = ask;
                var r = db.batchGetItem(b -> b.requestItems(req));
                for (Map<String, AttributeValue> item : r.responses().getOrDefault(table, List.of())) {
                    String pk = item.get("pk").s();
                    out.put(pk.substring(pk.lastIndexOf('#') + 1), num(item, "n"));
                }
                ask = r.hasUnprocessedKeys() ? r.unprocessedKeys() : null;
            }
        }
        return out;
    }

    @Override
    public Move move(Coupon before, Coupon after, Hold hold, boolean carryClaim) {
        List<TransactWriteItem> writes = new ArrayList<>();
        int holdAt = moveWrites(before, after, hold, writes);
        int claimAt = carryClaim ? IdempotencyClaim.appendTo(writes) : -1;
        try {
            db.transactWriteItems(b -> b.transactItems(writes));
            return Move.OK;
        } catch (TransactionCanceledException e) {
            if (IdempotencyClaim.refused(e, claimAt)) throw IdempotencyClaim.taken();
            if (holdAt >= 0 && failed(e, holdAt)) return Move.NOT_STACKABLE;
            return Move.CHANGED;
        }
    }

    @Override
    public TransactionPart movePart(Coupon before, Coupon after, Hold hold) {
        List<TransactWriteItem> writes = new ArrayList<>();
        int holdAt = moveWrites(before, after, hold, writes);
        return TransactionPart.of(writes, i -> i == holdAt ? new CouponErrors.NotStackable(hold.orderId()) : null);
    }

    /** The coupon's update, the template's counters and the order's hold; answers the hold's index (-1: none). */
    private int moveWrites(Coupon before, Coupon after, Hold hold, List<TransactWriteItem> writes) {
        String tenant = before.tenantId();
        writes.add(couponUpdate(before, after));
        Map<String, AttributeValue> counters = new HashMap<>();
        String minus = counter(before.state());
        String plus = counter(after.state());
        if (minus != null) counters.put(minus, n(-1));
        if (plus != null) counters.put(plus, n(1));
        if (!counters.isEmpty()) {
            StringBuilder expr = new StringBuilder("ADD ");
            Map<String, AttributeValue> values = new HashMap<>();
            counters.forEach((name, v) -> {
                if (!values.isEmpty()) expr.append(", ");
                expr.append(name).append(" :").append(name);
                values.put(":" + name, v);
            });
            writes.add(TransactWriteItem.builder().update(u -> u.tableName(table)
                    .key(key(Keys.template(tenant, before.templateId()), Keys.TEMPLATE_SK))
                    .updateExpression(expr.toString()).conditionExpression("attribute_exists(pk)")
                    .expressionAttributeValues(values)).build());
        }
        int holdAt = -1;
        if (hold != null && hold.delta() != 0) {
            holdAt = writes.size();
            writes.add(holdUpdate(tenant, hold));
        }
        return holdAt;
    }

    private TransactWriteItem couponUpdate(Coupon before, Coupon after) {
        Map<String, String> names = new HashMap<>(Map.of("#st", "state"));
        Map<String, AttributeValue> values = new HashMap<>();
        values.put(":old", s(before.state().code()));
        values.put(":new", s(after.state().code()));
        values.put(":at", s(after.changedAt().toString()));
        List<String> set = new ArrayList<>(List.of("#st = :new", "changedAt = :at"));
        List<String> remove = new ArrayList<>();
        setOrRemove(set, remove, values, "orderId", after.orderId());
        Coupon.Redemption r = after.redemption();
        setOrRemove(set, remove, values, "rStore", r == null ? null : r.storeId());
        setOrRemove(set, remove, values, "rStaff", r == null ? null : r.staff());
        setOrRemove(set, remove, values, "rOrder", r == null ? null : r.orderId());
        setOrRemove(set, remove, values, "rAt", r == null ? null : r.at().toString());
        setOrRemove(set, remove, values, "voidReason", after.voidReason());
        String condition = "#st = :old AND ";
        if (before.orderId() == null) {
            condition += "attribute_not_exists(orderId)";
        } else {
            condition += "orderId = :oldOrder";
            values.put(":oldOrder", s(before.orderId()));
        }
        String update = "SET " + String.join(", ", set) + (remove.isEmpty() ? "" : " REMOVE " + String.join(", ", remove));
        String cond = condition;
        return TransactWriteItem.builder().update(u -> u.tableName(table)
                .key(key(Keys.coupon(before.tenantId(), before.code()), Keys.COUPON_SK))
                .updateExpression(update).conditionExpression(cond)
                .expressionAttributeNames(names).expressionAttributeValues(values)).build();
    }

    private static void setOrRemove(List<String> set, List<String> remove, Map<String, AttributeValue> values, String name, String v) {
        if (v == null) {
            remove.add(name);
        } else {
            set.add(name + " = :" + name);
            values.put(":" + name, s(v));
        }
    }

    /** Taking a place on an order: a non-stackable coupon only on an order holding none, a stackable one beside stackable ones. */
    private TransactWriteItem holdUpdate(String tenant, Hold hold) {
        Map<String, AttributeValue> values = new HashMap<>();
        values.put(":d", n(hold.delta()));
        values.put(":dn", n(hold.nonStackable() ? hold.delta() : 0));
        String condition = null;
        if (hold.delta() > 0) {
            values.put(":zero", n(0));
            condition = hold.nonStackable() ? "attribute_not_exists(#n) OR #n = :zero" : "attribute_not_exists(ns) OR ns = :zero";
        }
        String cond = condition;
        return TransactWriteItem.builder().update(u -> {
            u.tableName(table).key(key(Keys.orderHold(tenant, hold.orderId()), Keys.HOLD_SK))
                    .updateExpression("ADD #n :d, ns :dn")
                    .expressionAttributeNames(Map.of("#n", "n")).expressionAttributeValues(values);
            if (cond != null) u.conditionExpression(cond);
        }).build();
    }

    /** The template counter a state is counted in; available coupons are the rest (taken minus these). */
    private static String counter(CouponState s) {
        return switch (s) {
            case RESERVED -> "reserved";
            case REDEEMED -> "redeemed";
            case VOID -> "voided";
            case AVAILABLE -> null;
        };
    }

    private static boolean failed(TransactionCanceledException e, int index) {
        List<CancellationReason> reasons = e.hasCancellationReasons() ? e.cancellationReasons() : List.of();
        return index >= 0 && index < reasons.size() && "ConditionalCheckFailed".equals(reasons.get(index).code());
    }

    private QueryResponse index(String index, String pk, int limit, String cursor, boolean forward) {
        return db.query(b -> b.tableName(table).indexName(index)
                .keyConditionExpression(index + "pk = :pk")
                .expressionAttributeValues(Map.of(":pk", s(pk)))
                .scanIndexForward(forward)
                .limit(Pages.fetch(limit))
                .exclusiveStartKey(Cursor.decode(pk, cursor)));
    }

    private static <T> Slice<T> slice(QueryResponse r, int limit, String pk, Function<Map<String, AttributeValue>, T> view, String index) {
        Page<T> p = Pages.of(r, limit, pk, view, "pk", "sk", index + "pk", index + "sk");
        return new Slice<>(p.items(), p.nextCursor());
    }
}
