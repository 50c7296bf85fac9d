package com.zhidian.core.paging;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.QueryResponse;

/**
 * A list page from a Query that asked for one item more than the page holds ({@link #fetch}): DynamoDB hands
 * out a LastEvaluatedKey whenever it stops at the Limit, even when nothing is left, so a page of exactly
 * {@code limit} items would otherwise point to an empty next page. The extra item says whether there is more.
 */
public final class Pages {
    private Pages() {}

    /** The Limit to ask DynamoDB for a page of {@code limit} items. */
    public static int fetch(int limit) { return limit + 1; }

    /**
     * @param scope    what the cursor is bound to (see {@link Cursor})
     * @param keyNames the attributes of the query's key: the table's, plus the index's for an index query
     */
    public static <T> Page<T> of(QueryResponse r, int limit, String scope, Function<Map<String, AttributeValue>, T> view,
                                 String... keyNames) {
        List<Map<String, AttributeValue>> items = r.items();
        if (items.size() > limit) {
            List<Map<String, AttributeValue>> page = items.subList(0, limit);
            return new Page<>(page.stream().map(view).toList(), Cursor.encode(scope, keyOf(page.get(limit - 1), keyNames)));
        }
        // fewer than asked for: a LastEvaluatedKey here means a 1 MB page or a filter stopped early; keep going
        return new Page<>(items.stream().map(view).toList(), r.hasLastEvaluatedKey() ? Cursor.encode(scope, r.lastEvaluatedKey()) : null);
    }

    private static Map<String, AttributeValue> keyOf(Map<String, AttributeValue> item, String... names) {
        Map<String, AttributeValue> key = new LinkedHashMap<>();
        for (String n : names) {
            if (item.containsKey(n)) key.put(n, item.get(n));
        }
        return key;
    }
}
