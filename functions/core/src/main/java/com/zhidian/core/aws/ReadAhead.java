package com.zhidian.core.aws;

import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * Items the rails read for a route in the same BatchGetItem as the tenant's standing, so that the route's
 * first read costs no call of its own (each DynamoDB call costs more in the SDK and the round trip than a small
 * item). Request-scoped, like {@code CurrentTenant}; an item is taken once, so a retry after a conflict reads
 * it afresh. Consistent reads, as the route's own read would be.
 */
public final class ReadAhead {
    /** The primary key of an item a route reads first. */
    public record Key(String pk, String sk) {
        public Map<String, AttributeValue> attributes() {
            return Map.of("pk", AttributeValue.fromS(pk), "sk", AttributeValue.fromS(sk));
        }
    }

    private static final ThreadLocal<Map<Key, Map<String, AttributeValue>>> ITEMS = new ThreadLocal<>();

    private ReadAhead() {}

    /** Records what the read found: the item, or an empty map for "no such item". */
    public static void found(Key key, Map<String, AttributeValue> item) {
        Map<Key, Map<String, AttributeValue>> items = ITEMS.get();
        if (items == null) ITEMS.set(items = new HashMap<>(2));
        items.put(key, item == null ? Map.of() : item);
    }

    /**
     * The item read ahead for this request (an empty map if there is none), taken so the next call reads
     * afresh; {@code Optional.empty()} when it was not read ahead.
     */
    public static Optional<Map<String, AttributeValue>> take(String pk, String sk) {
        Map<Key, Map<String, AttributeValue>> items = ITEMS.get();
        return items == null ? Optional.empty() : Optional.ofNullable(items.remove(new Key(pk, sk)));
    }

    public static void clear() { ITEMS.remove(); }
}
