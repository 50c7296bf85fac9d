package com.zhidian.core.aws;

import com.zhidian.core.scope.RequestScope;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.KeysAndAttributes;

/**
 * Items the rails read for a route in the same BatchGetItem as the tenant's standing, so that the route's
 * first read costs no call of its own (each DynamoDB call costs more in the SDK and the round trip than a small
 * item). They are kept in the request's {@link RequestScope}; an item is taken once, so a retry after a conflict
 * reads it afresh. Consistent reads, as the route's own read would be.
 */
public final class ReadAhead {
    /** The primary key of an item a route reads first. */
    public record Key(String pk, String sk) {
        public Map<String, AttributeValue> attributes() {
            return Map.of("pk", AttributeValue.fromS(pk), "sk", AttributeValue.fromS(sk));
        }
    }

    private ReadAhead() {}

    /** Records what the read found for the request in progress: the item, or an empty map for "no such item". */
    public static void found(Key key, Map<String, AttributeValue> item) {
        RequestScope scope = RequestScope.current();
        if (scope != null) scope.readAhead(key.pk(), key.sk(), item);
    }

    /**
     * The item read ahead for this request (an empty map if there is none), taken so the next call reads
     * afresh; {@code Optional.empty()} when it was not read ahead (or there is no request: a job).
     */
    public static Optional<Map<String, AttributeValue>> take(String pk, String sk) {
        RequestScope scope = RequestScope.current();
        return scope == null ? Optional.empty() : scope.takeReadAhead(pk, sk);
    }

    /**
     * A use case that reads several independent items of several contexts (an order: its store, products, coupon,
     * points account and number counter) reads them ahead in one BatchGetItem (consistent reads, at most 100 keys),
     * each context's repository then takes its item with {@link #take} instead of a call of its own. Keys the batch
     * leaves unprocessed are not recorded (their repository reads them itself). Outside a request (a job, a test)
     * nothing is read: answers false.
     */
    public static boolean readAll(DynamoDbClient db, String table, Collection<Key> keys) {
        RequestScope scope = RequestScope.current();
        if (scope == null || keys.isEmpty()) return false;
        List<Key> unique = new ArrayList<>(new LinkedHashSet<>(keys));
        if (unique.size() > 100) unique = unique.subList(0, 100);
        List<Map<String, AttributeValue>> asked = new ArrayList<>(unique.size());
        for (Key k : unique) asked.add(k.attributes());
        var response = db.batchGetItem(b -> b.requestItems(Map.of(table,
                KeysAndAttributes.builder().consistentRead(true).keys(asked).build())));
        Map<Key, Map<String, AttributeValue>> found = new java.util.HashMap<>();
        for (Map<String, AttributeValue> i : response.responses().getOrDefault(table, List.of())) {
            AttributeValue pk = i.get("pk");
            AttributeValue sk = i.get("sk");
            if (pk != null && sk != null) found.put(new Key(pk.s(), sk.s()), i);
        }
        var unprocessed = response.hasUnprocessedKeys() ? response.unprocessedKeys().get(table) : null;
        List<Map<String, AttributeValue>> left = unprocessed == null ? List.of() : unprocessed.keys();
        for (int i = 0; i < unique.size(); i++) {
            if (!left.contains(asked.get(i))) scope.readAhead(unique.get(i).pk(), unique.get(i).sk(), found.get(unique.get(i)));
        }
        return true;
    }
}
