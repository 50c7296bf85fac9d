package com.zhidian.core.aws;

import com.zhidian.core.scope.RequestScope;
import java.util.Map;
import java.util.Optional;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

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
}
