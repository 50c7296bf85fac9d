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

    Map<String, AttributeValue> get(String pk, String sk) {
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
