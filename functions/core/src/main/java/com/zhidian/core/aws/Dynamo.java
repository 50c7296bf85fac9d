package com.zhidian.core.aws;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.QueryRequest;
import software.amazon.awssdk.services.dynamodb.model.QueryResponse;

/**
 * The two reads every repository of the single table writes again: one item by its key, and every item a Query
 * matches (DynamoDB answers at most 1 MB a call, so a Query is followed from LastEvaluatedKey to the end). A list
 * the caller pages through with a cursor is {@link com.zhidian.core.paging.Pages}' job, not this one's.
 */
public final class Dynamo {
    private final DynamoDbClient db;
    private final String table;

    public Dynamo(DynamoDbClient db, String table) {
        this.db = db;
        this.table = table;
    }

    /** The item under {@code pk}/{@code sk}, read eventually consistent; empty when there is none. */
    public Optional<Map<String, AttributeValue>> get(String pk, String sk) {
        return get(pk, sk, false);
    }

    /** The item under {@code pk}/{@code sk}, read strongly consistent (it sees every write acknowledged before). */
    public Optional<Map<String, AttributeValue>> getConsistent(String pk, String sk) {
        return get(pk, sk, true);
    }

    private Optional<Map<String, AttributeValue>> get(String pk, String sk, boolean consistent) {
        Map<String, AttributeValue> item = db.getItem(b -> {
            b.tableName(table).key(Items.key(pk, sk));
            if (consistent) b.consistentRead(true);
        }).item();
        return item == null || item.isEmpty() ? Optional.empty() : Optional.of(item);
    }

    /** Every item of the query on this table that {@code query} describes (key condition, index, filter...). */
    public List<Map<String, AttributeValue>> all(Consumer<QueryRequest.Builder> query) {
        QueryRequest.Builder q = QueryRequest.builder().tableName(table);
        query.accept(q);
        return all(db, q);
    }

    /** Every item {@code q} matches (it names its table), page after page; {@code q}'s start key is overwritten. */
    public static List<Map<String, AttributeValue>> all(DynamoDbClient db, QueryRequest.Builder q) {
        List<Map<String, AttributeValue>> out = new ArrayList<>();
        Map<String, AttributeValue> start = null;
        do {
            QueryResponse r = db.query(q.exclusiveStartKey(start).build());
            out.addAll(r.items());
            start = r.hasLastEvaluatedKey() && !r.lastEvaluatedKey().isEmpty() ? r.lastEvaluatedKey() : null;
        } while (start != null);
        return out;
    }
}
