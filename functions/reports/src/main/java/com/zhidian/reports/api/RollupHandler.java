package com.zhidian.reports.api;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.zhidian.core.aws.AwsClients;
import com.zhidian.core.dynamo.DynamoTenantDirectory;
import com.zhidian.reports.application.Reports;
import com.zhidian.reports.application.RollupService;
import com.zhidian.reports.domain.OrderEvent;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * ReportsRollupFunction: the table's DynamoDB stream filtered to the orders' order events (INSERT of
 * {@code kind = order.event}, template.yaml). Each record is added to the buckets exactly once in effect (a marker per
 * event in the same transaction); a failure fails the batch, which Lambda retries, and a retried record that was
 * applied changes nothing.
 */
public final class RollupHandler implements RequestHandler<Map<String, Object>, Map<String, Object>> {
    private final RollupService rollup;

    public RollupHandler() {
        this(rollupOver(AwsClients.dynamo()));
    }

    public RollupHandler(RollupService rollup) {
        this.rollup = rollup;
    }

    private static RollupService rollupOver(software.amazon.awssdk.services.dynamodb.DynamoDbClient db) {
        return Reports.wire(db, new DynamoTenantDirectory(db), Clock.systemUTC()).rollup();
    }

    @Override
    public Map<String, Object> handleRequest(Map<String, Object> event, Context context) {
        int records = 0, applied = 0;
        if (event.get("Records") instanceof List<?> list) {
            for (Object r : list) {
                if (!(r instanceof Map<?, ?> rec) || !(rec.get("dynamodb") instanceof Map<?, ?> ddb)
                        || !(ddb.get("NewImage") instanceof Map<?, ?> image)) continue;
                OrderEvent e = read(image);
                if (e == null) continue;
                records++;
                if (rollup.apply(e)) applied++;
            }
        }
        return Map.of("records", records, "applied", applied);
    }

    static OrderEvent read(Map<?, ?> i) {
        String tenant = s(i, "tenantId"), store = s(i, "storeId"), id = s(i, "eventId"), kind = s(i, "event"), at = s(i, "at");
        if (tenant == null || store == null || id == null || kind == null || at == null) return null;
        List<OrderEvent.Line> lines = new ArrayList<>();
        if (i.get("lines") instanceof Map<?, ?> l && l.get("L") instanceof List<?> items) {
            for (Object o : items) {
                if (!(o instanceof Map<?, ?> av) || !(av.get("M") instanceof Map<?, ?> m)) continue;
                lines.add(new OrderEvent.Line(s(m, "gtin"), null, n(m, "qty"), n(m, "gross"), n(m, "discount"), n(m, "net")));
            }
        }
        return new OrderEvent(tenant, store, id, kind, s(i, "orderId"), Instant.parse(at), s(i, "channel"), s(i, "fulfilment"),
                s(i, "staffId"), s(i, "memberId"), lines);
    }

    private static String s(Map<?, ?> image, String name) {
        return image.get(name) instanceof Map<?, ?> av && av.get("S") instanceof String v ? v : null;
    }

    private static long n(Map<?, ?> image, String name) {
        return image.get(name) instanceof Map<?, ?> av && av.get("N") instanceof String v ? Long.parseLong(v) : 0;
    }
}
