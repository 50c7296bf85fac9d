package com.zhidian.core.tenancy;

import static com.zhidian.core.aws.Items.n;
import static com.zhidian.core.aws.Items.s;

import com.zhidian.core.Env;
import java.time.Clock;
import java.time.YearMonth;
import java.time.ZoneId;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.TransactWriteItem;
import software.amazon.awssdk.services.dynamodb.model.Update;

/**
 * Monthly usage counters per tenant (members, orders, devices, messages) for billing and the provider's
 * usage view. A context adds {@link #count} to the same transaction as the thing it counts.
 */
public final class Usage {
    public static final List<String> METRICS = List.of("members", "orders", "devices", "messages");
    private static final ZoneId BILLING_ZONE = ZoneId.of("Asia/Shanghai");

    private final DynamoDbClient db;
    private final String table = Env.tableName();
    private final Clock clock;

    public Usage(DynamoDbClient db, Clock clock) {
        this.db = db;
        this.clock = clock;
    }

    public static String pk(String tenantId) { return "T#" + tenantId + "#USAGE"; }

    public TransactWriteItem count(String tenantId, String metric, long delta) {
        if (!METRICS.contains(metric)) throw new IllegalArgumentException("unknown usage metric " + metric);
        String month = YearMonth.now(clock.withZone(BILLING_ZONE)).toString();
        return TransactWriteItem.builder().update(Update.builder().tableName(table)
                .key(Map.of("pk", s(pk(tenantId)), "sk", s(month)))
                .updateExpression("ADD #m :d")
                .expressionAttributeNames(Map.of("#m", metric))
                .expressionAttributeValues(Map.of(":d", n(delta))).build()).build();
    }

    public Map<String, Object> month(String tenantId, YearMonth month) {
        Map<String, AttributeValue> item = db.getItem(b -> b.tableName(table)
                .key(Map.of("pk", s(pk(tenantId)), "sk", s(month.toString())))).item();
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("month", month.toString());
        for (String m : METRICS) {
            AttributeValue v = item == null ? null : item.get(m);
            out.put(m, v == null ? 0L : Long.parseLong(v.n()));
        }
        return out;
    }

    public YearMonth currentMonth() {
        return YearMonth.now(clock.withZone(BILLING_ZONE));
    }
}
