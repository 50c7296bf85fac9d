package com.zhidian.catalog.store;

import com.zhidian.core.Env;
import com.zhidian.core.paging.Cursor;
import com.zhidian.core.paging.Pages;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.CancellationReason;
import software.amazon.awssdk.services.dynamodb.model.KeysAndAttributes;
import software.amazon.awssdk.services.dynamodb.model.QueryRequest;
import software.amazon.awssdk.services.dynamodb.model.QueryResponse;
import software.amazon.awssdk.services.dynamodb.model.TransactWriteItem;
import software.amazon.awssdk.services.dynamodb.model.TransactionCanceledException;

/** The single table as the catalog's adapters use it: queries that page, transactions that say which item refused. */
final class Table {
    final DynamoDbClient db;
    final String name = Env.tableName();

    Table(DynamoDbClient db) {
        this.db = db;
    }

    /** The item, or null; an item the rails read ahead for this request (with the tenant's standing) costs no call. */
    Map<String, AttributeValue> get(String pk, String sk) {
        var ahead = com.zhidian.core.aws.ReadAhead.take(pk, sk);
        if (ahead.isPresent()) return ahead.get().isEmpty() ? null : ahead.get();
        Map<String, AttributeValue> item = db.getItem(b -> b.tableName(name).key(key(pk, sk)).consistentRead(true)).item();
        return item == null || item.isEmpty() ? null : item;
    }

    static Map<String, AttributeValue> key(String pk, String sk) {
        Map<String, AttributeValue> k = new HashMap<>();
        k.put("pk", AttributeValue.fromS(pk));
        k.put("sk", AttributeValue.fromS(sk));
        return k;
    }

    /** One page ({@link Pages}); {@code extra} adds key conditions, filters, order. */
    QueryResponse page(String pk, int limit, String cursor, Consumer<QueryRequest.Builder> extra) {
        return db.query(b -> {
            b.tableName(name).keyConditionExpression("pk = :pk").expressionAttributeValues(Map.of(":pk", AttributeValue.fromS(pk)))
                    .limit(Pages.fetch(limit)).exclusiveStartKey(Cursor.decode(pk, cursor));
            extra.accept(b);
        });
    }

    /**
     * The items of these sort keys under {@code pk} that exist, by BatchGetItem of 100 keys with its unprocessed keys asked
     * again; {@code projection} null reads whole items.
     */
    List<Map<String, AttributeValue>> batchGet(String pk, java.util.Collection<String> sks, String projection, boolean consistent) {
        List<Map<String, AttributeValue>> out = new ArrayList<>();
        List<String> all = new ArrayList<>(new java.util.LinkedHashSet<>(sks));
        for (int from = 0; from < all.size(); from += 100) {
            List<Map<String, AttributeValue>> keys = all.subList(from, Math.min(all.size(), from + 100)).stream().map(sk -> key(pk, sk)).toList();
            Map<String, KeysAndAttributes> ask = Map.of(name, KeysAndAttributes.builder().keys(keys).projectionExpression(projection)
                    .consistentRead(consistent).build());
            while (ask != null && !ask.isEmpty()) {
                Map<String, KeysAndAttributes> now = ask;
                var r = db.batchGetItem(b -> b.requestItems(now));
                out.addAll(r.responses().getOrDefault(name, List.of()));
                ask = r.hasUnprocessedKeys() && !r.unprocessedKeys().isEmpty() ? r.unprocessedKeys() : null;
            }
        }
        return out;
    }

    /** Every item a query matches, following the pages. */
    List<Map<String, AttributeValue>> all(Consumer<QueryRequest.Builder> query) {
        List<Map<String, AttributeValue>> out = new ArrayList<>();
        Map<String, AttributeValue> start = null;
        do {
            Map<String, AttributeValue> from = start;
            QueryResponse r = db.query(b -> {
                b.tableName(name).exclusiveStartKey(from);
                query.accept(b);
            });
            out.addAll(r.items());
            start = r.hasLastEvaluatedKey() && !r.lastEvaluatedKey().isEmpty() ? r.lastEvaluatedKey() : null;
        } while (start != null);
        return out;
    }

    /** The index of the first item whose condition refused, or -1. */
    static int refusedIndex(TransactionCanceledException e) {
        List<CancellationReason> reasons = e.hasCancellationReasons() ? e.cancellationReasons() : List.of();
        for (int i = 0; i < reasons.size(); i++) {
            if ("ConditionalCheckFailed".equals(reasons.get(i).code())) return i;
        }
        return -1;
    }

    /**
     * Writes a movement's items: under a claimed route ({@code Routes.onClaimed}) the rails send them with the
     * Idempotency-Key's answer in one TransactWriteItems, and {@code refused} turns a refusal at an index of ours into
     * the domain's failure; otherwise they go now, with the key's claim when the route took a lock.
     */
    void transactClaimed(List<TransactWriteItem> items, java.util.function.IntFunction<RuntimeException> refused) {
        java.util.function.Function<TransactionCanceledException, RuntimeException> cancelled = e -> {
            int i = refusedIndex(e);
            RuntimeException mine = i >= 0 && i < items.size() ? refused.apply(i) : null;
            if (mine != null) return mine;
            return new com.zhidian.core.errors.ConcurrentChange("stock moved meanwhile");
        };
        if (com.zhidian.core.idempotency.ClaimedTransaction.defer(items, cancelled)) return;
        List<TransactWriteItem> all = new ArrayList<>(items);
        int claim = com.zhidian.core.idempotency.IdempotencyClaim.appendTo(all);
        try {
            db.transactWriteItems(b -> b.transactItems(all));
        } catch (TransactionCanceledException e) {
            if (claim >= 0 && com.zhidian.core.idempotency.IdempotencyClaim.refused(e, claim)) throw com.zhidian.core.idempotency.IdempotencyClaim.taken();
            int i = refusedIndex(e);
            RuntimeException mine = i >= 0 && i < items.size() ? refused.apply(i) : null;
            throw mine != null ? mine : e;
        }
    }

    /** Writes all items together; returns -1, or the index of the first item whose condition refused. */
    int transact(List<TransactWriteItem> items) {
        try {
            db.transactWriteItems(b -> b.transactItems(items));
            return -1;
        } catch (TransactionCanceledException e) {
            List<CancellationReason> reasons = e.cancellationReasons();
            for (int i = 0; reasons != null && i < reasons.size(); i++) {
                if ("ConditionalCheckFailed".equals(reasons.get(i).code())) return i;
            }
            throw e;
        }
    }
}
