package com.zhidian.core.aws;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.BatchWriteItemResponse;
import software.amazon.awssdk.services.dynamodb.model.PutRequest;
import software.amazon.awssdk.services.dynamodb.model.WriteRequest;

/**
 * Unconditional puts a request makes once its route has answered (the stored answer of an Idempotency-Key,
 * the audit entry), sent together: one BatchWriteItem instead of one PutItem each. Each DynamoDB call costs
 * more in the SDK (signing, marshalling, the round trip) than the small items it carries.
 */
public final class AfterWrites {
    private static final int MAX_ATTEMPTS = 5;

    private final DynamoDbClient db;
    private final String table;
    private final List<Map<String, AttributeValue>> items = new ArrayList<>(2);

    public AfterWrites(DynamoDbClient db, String table) {
        this.db = db;
        this.table = table;
    }

    public void put(Map<String, AttributeValue> item) {
        items.add(item);
    }

    public boolean isEmpty() { return items.isEmpty(); }

    /** Writes what was put; a batch's unprocessed items are sent again, as the BatchWriteItem docs ask. */
    public void flush() {
        if (items.isEmpty()) return;
        if (items.size() == 1) {
            db.putItem(b -> b.tableName(table).item(items.get(0)));
            items.clear();
            return;
        }
        List<WriteRequest> pending = items.stream()
                .map(i -> WriteRequest.builder().putRequest(PutRequest.builder().item(i).build()).build()).toList();
        items.clear();
        for (int attempt = 1; !pending.isEmpty(); attempt++) {
            List<WriteRequest> batch = pending;
            BatchWriteItemResponse r = db.batchWriteItem(b -> b.requestItems(Map.of(table, batch)));
            pending = r.hasUnprocessedItems() ? r.unprocessedItems().getOrDefault(table, List.of()) : List.of();
            if (!pending.isEmpty() && attempt >= MAX_ATTEMPTS) {
                throw new IllegalStateException(pending.size() + " writes left unprocessed after " + attempt + " attempts");
            }
            if (!pending.isEmpty()) backoff(attempt);
        }
    }

    private static void backoff(int attempt) {
        try {
            Thread.sleep(10L << attempt);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while writing", e);
        }
    }
}
