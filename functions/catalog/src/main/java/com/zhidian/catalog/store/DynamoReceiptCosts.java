package com.zhidian.catalog.store;

import com.zhidian.catalog.domain.ReceiptCosts;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.KeysAndAttributes;

/**
 * The stock level items' {@code lastCost} (written by {@link DynamoStockRepository} with each receipt), read 100 at a
 * time with BatchGetItem and only that attribute: a price import's chunk compares its store prices with them in one call
 * instead of one GetItem a row.
 */
public final class DynamoReceiptCosts implements ReceiptCosts {
    private final Table table;

    public DynamoReceiptCosts(DynamoDbClient db) {
        this.table = new Table(db);
    }

    @Override
    public Map<String, Long> lastCosts(String tenantId, String storeId, java.util.Collection<String> gtins) {
        Map<String, Long> out = new HashMap<>();
        List<String> all = new ArrayList<>(new LinkedHashSet<>(gtins));
        for (int from = 0; from < all.size(); from += 100) {
            List<Map<String, AttributeValue>> keys = all.subList(from, Math.min(all.size(), from + 100)).stream()
                    .map(g -> Table.key(Keys.stock(tenantId, storeId), g)).toList();
            Map<String, KeysAndAttributes> ask = Map.of(table.name, KeysAndAttributes.builder().keys(keys)
                    .projectionExpression("sk, lastCost").consistentRead(true).build());
            while (ask != null && !ask.isEmpty()) {
                Map<String, KeysAndAttributes> now = ask;
                var r = table.db.batchGetItem(b -> b.requestItems(now));
                for (Map<String, AttributeValue> i : r.responses().getOrDefault(table.name, List.of())) {
                    Long cost = Attrs.n(i, "lastCost");
                    if (cost != null) out.put(Attrs.s(i, "sk"), cost);
                }
                ask = r.hasUnprocessedKeys() ? r.unprocessedKeys() : null;
            }
        }
        return out;
    }
}
