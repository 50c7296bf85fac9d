package com.zhidian.members.store;

import static com.zhidian.core.aws.Items.bool;
import static com.zhidian.core.aws.Items.flag;
import static com.zhidian.core.aws.Items.key;
import static com.zhidian.core.aws.Items.n;
import static com.zhidian.core.aws.Items.num;
import static com.zhidian.core.aws.Items.s;
import static com.zhidian.core.aws.Items.str;

import com.zhidian.core.Env;
import com.zhidian.core.dynamo.TransactionPart;
import com.zhidian.core.aws.ReadAhead;
import com.zhidian.core.idempotency.ClaimedTransaction;
import com.zhidian.core.idempotency.IdempotencyClaim;
import com.zhidian.core.paging.Cursor;
import com.zhidian.core.paging.Page;
import com.zhidian.core.paging.Pages;
import com.zhidian.members.domain.LedgerEntry;
import com.zhidian.members.domain.Lot;
import com.zhidian.members.domain.PendingPoints;
import com.zhidian.members.domain.PointsAccount;
import com.zhidian.members.domain.PointsChange;
import com.zhidian.members.domain.PointsRepository;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.CancellationReason;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;
import software.amazon.awssdk.services.dynamodb.model.QueryResponse;
import software.amazon.awssdk.services.dynamodb.model.TransactWriteItem;
import software.amazon.awssdk.services.dynamodb.model.TransactionCanceledException;

/** Points in the single table: account, ledger, lots and pending earnings in the member's partition. */
public final class DynamoPointsRepository implements PointsRepository {
    private final DynamoDbClient db;
    private final String table = Env.tableName();

    public DynamoPointsRepository(DynamoDbClient db) {
        this.db = db;
    }

    @Override
    public Optional<PointsAccount> account(String tenantId, String memberId) {
        ReadAhead.Key k = Keys.pointsAccount(tenantId, memberId);
        Map<String, AttributeValue> item = ReadAhead.take(k.pk(), k.sk())
                .orElseGet(() -> db.getItem(b -> b.tableName(table).key(k.attributes()).consistentRead(true)).item());
        if (item == null || item.isEmpty()) return Optional.empty();
        return Optional.of(new PointsAccount(tenantId, memberId, num(item, "balance"), num(item, "pending"),
                num(item, "lifetimeEarned"), num(item, "credited"), num(item, "consumed"), num(item, "version"),
                flag(item, "active")));
    }

    /** The item of a points account, as {@link #commit} and member creation write it. */
    static Map<String, AttributeValue> accountItem(PointsAccount a) {
        Map<String, AttributeValue> item = key(Keys.member(a.tenantId(), a.memberId()), Keys.POINTS);
        item.put("tenantId", s(a.tenantId()));
        item.put("memberId", s(a.memberId()));
        item.put("balance", n(a.balance()));
        item.put("pending", n(a.pending()));
        item.put("lifetimeEarned", n(a.lifetimeEarned()));
        item.put("credited", n(a.credited()));
        item.put("consumed", n(a.consumed()));
        item.put("version", n(a.version()));
        item.put("active", bool(a.active()));
        return item;
    }

    /** Under a claimed route (adjust, redeem) the rails send the writes, with the key's answer (see ClaimedTransaction). */
    @Override
    public void commit(PointsChange c) {
        List<TransactWriteItem> writes = new ArrayList<>(writes(c));
        int pendingCreateIndex = c.pendingCreated() == null ? -1 : (c.lot() != null ? 3 : 2);
        if (ClaimedTransaction.defer(writes, e -> cancelled(e, pendingCreateIndex))) return;
        int claimIndex = IdempotencyClaim.appendTo(writes);
        try {
            db.transactWriteItems(b -> b.transactItems(writes));
        } catch (TransactionCanceledException e) {
            if (IdempotencyClaim.refused(e, claimIndex)) throw IdempotencyClaim.taken();
            throw cancelled(e, pendingCreateIndex);
        }
    }

    /** What a cancelled points transaction means: an earning already there, or a concurrent change to read again. */
    private static RuntimeException cancelled(TransactionCanceledException e, int pendingCreateIndex) {
        List<CancellationReason> reasons = e.hasCancellationReasons() ? e.cancellationReasons() : List.of();
        if (pendingCreateIndex >= 0 && reasons.size() > pendingCreateIndex
                && "ConditionalCheckFailed".equals(reasons.get(pendingCreateIndex).code())) {
            return new DuplicateEarning();
        }
        for (CancellationReason r : reasons) {
            if ("ConditionalCheckFailed".equals(r.code()) || "TransactionConflict".equals(r.code())) return new VersionConflict();
        }
        return e;
    }

    @Override
    public TransactionPart part(PointsChange c) {
        return TransactionPart.optimistic(writes(c));
    }

    /**
     * The items of one points change, for a caller that must write them in its own transaction (an order
     * that spends points moves order, stock and points together): account first (conditioned on the version
     * read, so a cancellation at index 0 means "read again and retry"), then the ledger entry, then lot and
     * pending earning where the change has them.
     */
    public List<TransactWriteItem> writes(PointsChange c) {
        PointsAccount a = c.after();
        String pk = Keys.member(a.tenantId(), a.memberId());
        List<TransactWriteItem> writes = new ArrayList<>();
        writes.add(TransactWriteItem.builder().put(p -> p.tableName(table).item(accountItem(a))
                .conditionExpression("#v = :expected AND #a = :true")
                .expressionAttributeNames(Map.of("#v", "version", "#a", "active"))
                .expressionAttributeValues(Map.of(":expected", n(c.expectedVersion()), ":true", bool(true)))).build());
        writes.add(TransactWriteItem.builder().put(p -> p.tableName(table).item(ledgerItem(pk, c.entry()))
                .conditionExpression("attribute_not_exists(pk)")).build());
        if (c.lot() != null) {
            writes.add(TransactWriteItem.builder().put(p -> p.tableName(table).item(lotItem(a, c.lot()))
                    .conditionExpression("attribute_not_exists(pk)")).build());
        }
        if (c.pendingCreated() != null) {
            writes.add(TransactWriteItem.builder().put(p -> p.tableName(table).item(pendingItem(a, c.pendingCreated()))
                    .conditionExpression("attribute_not_exists(pk)")).build());
        }
        if (c.pendingSettled() != null) {
            PendingPoints p = c.pendingSettled();
            // a partial refund's reversal (PointsRules.reverseShare) keeps an open earning open, or marks a released one
            boolean stillOpen = p.open();
            String from = PendingPoints.RELEASED.equals(p.state()) && LedgerEntry.EARN_REVERSED.equals(c.entry().kind())
                    ? PendingPoints.RELEASED : PendingPoints.OPEN;
            writes.add(TransactWriteItem.builder().update(u -> u.tableName(table)
                    .key(key(pk, Keys.pendingSk(p.orderId())))
                    .updateExpression("SET #st = :state, points = :points, reversed = :rev"
                            + (stillOpen ? "" : ", settledAt = :at REMOVE gsi2pk, gsi2sk"))
                    .conditionExpression("#st = :from")
                    .expressionAttributeNames(Map.of("#st", "state"))
                    .expressionAttributeValues(stillOpen
                            ? Map.of(":state", s(p.state()), ":from", s(from), ":points", n(p.points()), ":rev", n(p.reversed()))
                            : Map.of(":state", s(p.state()), ":from", s(from), ":points", n(p.points()), ":rev", n(p.reversed()),
                                    ":at", s(c.entry().at().toString())))).build());
        }
        return writes;
    }

    static Map<String, AttributeValue> ledgerItem(String pk, LedgerEntry e) {
        Map<String, AttributeValue> item = key(pk, Keys.ledgerSk(e.seq()));
        item.put("seq", n(e.seq()));
        item.put("at", s(e.at().toString()));
        item.put("kind", s(e.kind()));
        item.put("delta", n(e.delta()));
        item.put("pendingDelta", n(e.pendingDelta()));
        item.put("balanceAfter", n(e.balanceAfter()));
        item.put("pendingAfter", n(e.pendingAfter()));
        putIf(item, "reason", e.reason());
        putIf(item, "orderId", e.orderId());
        putIf(item, "storeId", e.storeId());
        putIf(item, "actor", e.actor());
        return item;
    }

    private static LedgerEntry ledgerEntry(Map<String, AttributeValue> i) {
        return new LedgerEntry(num(i, "seq"), Instant.parse(str(i, "at")), str(i, "kind"), num(i, "delta"),
                num(i, "pendingDelta"), num(i, "balanceAfter"), num(i, "pendingAfter"), str(i, "reason"),
                str(i, "orderId"), str(i, "storeId"), str(i, "actor"));
    }

    static Map<String, AttributeValue> lotItem(PointsAccount a, Lot lot) {
        String sk = Keys.lotSk(lot.cumEnd());
        Map<String, AttributeValue> item = key(Keys.member(a.tenantId(), a.memberId()), sk);
        item.put("cumEnd", n(lot.cumEnd()));
        item.put("amount", n(lot.amount()));
        item.put("creditedAt", s(lot.creditedAt().toString()));
        if (lot.expiresAt() != null) {
            item.put("expiresAt", s(lot.expiresAt().toString()));
            due(item, a, sk, lot.expiresAt(), "LOT", sk);
        }
        return item;
    }

    private static Map<String, AttributeValue> pendingItem(PointsAccount a, PendingPoints p) {
        String sk = Keys.pendingSk(p.orderId());
        Map<String, AttributeValue> item = key(Keys.member(a.tenantId(), a.memberId()), sk);
        item.put("orderId", s(p.orderId()));
        putIf(item, "storeId", p.storeId());
        item.put("points", n(p.points()));
        item.put("earnedAt", s(p.earnedAt().toString()));
        item.put("availableAt", s(p.availableAt().toString()));
        item.put("state", s(p.state()));
        due(item, a, sk, p.availableAt(), "PENDING", p.orderId());
        return item;
    }

    private static void due(Map<String, AttributeValue> item, PointsAccount a, String sk, Instant at, String kind, String ref) {
        item.put("gsi2pk", s(Keys.dueShard(Keys.shardOf(a.memberId()))));
        item.put("gsi2sk", s(Keys.dueSk(at, a.tenantId(), a.memberId(), sk)));
        item.put("tenantId", s(a.tenantId()));
        item.put("memberId", s(a.memberId()));
        item.put("dueKind", s(kind));
        item.put("dueRef", s(ref));
        item.put("dueAt", s(at.toString()));
    }

    private static PendingPoints pending(Map<String, AttributeValue> i) {
        return new PendingPoints(str(i, "orderId"), str(i, "storeId"), num(i, "points"), Instant.parse(str(i, "earnedAt")),
                Instant.parse(str(i, "availableAt")), str(i, "state"), i.containsKey("reversed") ? num(i, "reversed") : 0);
    }

    @Override
    public Page<LedgerEntry> ledger(String tenantId, String memberId, int limit, String cursor) {
        String pk = Keys.member(tenantId, memberId);
        QueryResponse r = db.query(b -> b.tableName(table)
                .keyConditionExpression("pk = :pk AND begins_with(sk, :p)")
                .expressionAttributeValues(Map.of(":pk", s(pk), ":p", s(Keys.LEDGER_PREFIX)))
                .scanIndexForward(false).limit(Pages.fetch(limit)).consistentRead(true)
                .exclusiveStartKey(Cursor.decode(pk + "#L", cursor)));
        return Pages.of(r, limit, pk + "#L", DynamoPointsRepository::ledgerEntry, "pk", "sk");
    }

    @Override
    public Optional<PendingPoints> pending(String tenantId, String memberId, String orderId) {
        Map<String, AttributeValue> item = db.getItem(b -> b.tableName(table)
                .key(key(Keys.member(tenantId, memberId), Keys.pendingSk(orderId))).consistentRead(true)).item();
        return item == null || item.isEmpty() ? Optional.empty() : Optional.of(pending(item));
    }

    @Override
    public List<PendingPoints> openPending(String tenantId, String memberId) {
        return PrefixQuery.all(db, table, Keys.member(tenantId, memberId), Keys.PENDING_PREFIX).stream()
                .map(DynamoPointsRepository::pending).filter(PendingPoints::open).toList();
    }

    @Override
    public List<Lot> lotsFrom(String tenantId, String memberId, long consumed, int limit) {
        QueryResponse r = db.query(b -> b.tableName(table)
                .keyConditionExpression("pk = :pk AND sk BETWEEN :from AND :to")
                .expressionAttributeValues(Map.of(":pk", s(Keys.member(tenantId, memberId)),
                        ":from", s(Keys.lotSk(consumed + 1)), ":to", s(Keys.lotsEnd())))
                .consistentRead(true).limit(limit));
        return r.items().stream().map(i -> new Lot(num(i, "cumEnd"), num(i, "amount"), Instant.parse(str(i, "creditedAt")),
                str(i, "expiresAt") == null ? null : Instant.parse(str(i, "expiresAt")))).toList();
    }

    @Override
    public List<Due> due(Instant now, int limit) {
        List<Due> out = new ArrayList<>();
        for (int shard = 0; shard < Keys.DUE_SHARDS && out.size() < limit; shard++) {
            int sh = shard;
            int room = limit - out.size();
            QueryResponse r = db.query(b -> b.tableName(table).indexName("gsi2")
                    .keyConditionExpression("gsi2pk = :pk AND gsi2sk <= :upTo")
                    .expressionAttributeValues(Map.of(":pk", s(Keys.dueShard(sh)), ":upTo", s(Keys.dueUpTo(now))))
                    .limit(room));
            for (Map<String, AttributeValue> i : r.items()) {
                out.add(new Due(str(i, "tenantId"), str(i, "memberId"), Due.Kind.valueOf(str(i, "dueKind")),
                        str(i, "dueRef"), Instant.parse(str(i, "dueAt"))));
            }
        }
        return out;
    }

    @Override
    public void clearDue(Due d) {
        String sk = d.kind() == Due.Kind.PENDING ? Keys.pendingSk(d.ref()) : d.ref();
        try {
            db.updateItem(b -> b.tableName(table).key(key(Keys.member(d.tenantId(), d.memberId()), sk))
                    .updateExpression("REMOVE gsi2pk, gsi2sk")
                    .conditionExpression("attribute_exists(pk)"));
        } catch (ConditionalCheckFailedException ignored) {
            // gone already
        }
    }

    private static void putIf(Map<String, AttributeValue> item, String name, String value) {
        if (value != null) item.put(name, s(value));
    }
}
