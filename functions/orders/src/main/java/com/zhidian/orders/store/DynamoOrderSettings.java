package com.zhidian.orders.store;

import static com.zhidian.core.aws.Items.key;
import static com.zhidian.core.aws.Items.n;
import static com.zhidian.core.aws.Items.num;

import com.zhidian.core.Env;
import com.zhidian.orders.domain.OrderRules;
import com.zhidian.orders.domain.OrderSettingsRepository;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * The tenant's order settings item; read at most every 5 seconds per tenant and container (placing an order must not
 * pay a read for it each time); a change is seen by every container within those seconds.
 */
public final class DynamoOrderSettings implements OrderSettingsRepository {
    private static final long TTL_NANOS = 5_000_000_000L;
    private final DynamoDbClient db;
    private final String table = Env.tableName();
    private final Map<String, long[]> cache = new ConcurrentHashMap<>();

    public DynamoOrderSettings(DynamoDbClient db) {
        this.db = db;
    }

    @Override
    public int payMinutes(String tenantId) {
        long now = System.nanoTime();
        long[] c = cache.get(tenantId);
        if (c != null && now - c[1] < TTL_NANOS) return (int) c[0];
        Map<String, AttributeValue> i = db.getItem(b -> b.tableName(table).key(key(Keys.orderSettings(tenantId), Keys.META))).item();
        int minutes = i == null || i.isEmpty() || !i.containsKey("payMinutes") ? OrderRules.DEFAULT_PAY_MINUTES : (int) num(i, "payMinutes");
        cache.put(tenantId, new long[] {minutes, now});
        return minutes;
    }

    @Override
    public void savePayMinutes(String tenantId, int minutes) {
        Map<String, AttributeValue> i = key(Keys.orderSettings(tenantId), Keys.META);
        i.put("payMinutes", n(minutes));
        db.putItem(b -> b.tableName(table).item(i));
        cache.put(tenantId, new long[] {minutes, System.nanoTime()});
    }
}
