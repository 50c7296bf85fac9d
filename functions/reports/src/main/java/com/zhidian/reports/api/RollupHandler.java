package com.zhidian.reports.api;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.zhidian.core.aws.AwsClients;
import com.zhidian.core.dynamo.DynamoTenantDirectory;
import com.zhidian.reports.application.MemberRollupService;
import com.zhidian.reports.application.Reports;
import com.zhidian.reports.application.RollupService;
import com.zhidian.reports.domain.MemberEvents;
import com.zhidian.reports.domain.OrderEvent;
import java.time.Clock;
import java.util.List;
import java.util.Map;

/**
 * ReportsRollupFunction: the table's DynamoDB stream filtered (template.yaml) to the orders' order events, the members'
 * profiles and points ledger entries, and coupons. Order events go into the sales buckets, and a member's paid order
 * into the member activity; the rest into the member report's buckets. Each record is applied exactly once in effect (a
 * marker per event in the same transaction); a failure fails the batch, which Lambda retries, and a retried record that
 * was applied changes nothing.
 */
public final class RollupHandler implements RequestHandler<Map<String, Object>, Map<String, Object>> {
    private final RollupService rollup;
    private final MemberRollupService members;

    public RollupHandler() {
        this(reportsOver(AwsClients.dynamo()));
    }

    private RollupHandler(Reports r) {
        this(r.rollup(), r.memberRollup());
    }

    public RollupHandler(RollupService rollup, MemberRollupService members) {
        this.rollup = rollup;
        this.members = members;
    }

    private static Reports reportsOver(software.amazon.awssdk.services.dynamodb.DynamoDbClient db) {
        return Reports.wire(db, new DynamoTenantDirectory(db), Clock.systemUTC());
    }

    @Override
    public Map<String, Object> handleRequest(Map<String, Object> event, Context context) {
        int records = 0, applied = 0;
        if (event.get("Records") instanceof List<?> list) {
            for (Object r : list) {
                if (!(r instanceof Map<?, ?> rec) || !(rec.get("dynamodb") instanceof Map<?, ?> ddb)
                        || !(ddb.get("NewImage") instanceof Map<?, ?> image)) continue;
                String name = rec.get("eventName") instanceof String n ? n : "INSERT";
                Map<?, ?> old = ddb.get("OldImage") instanceof Map<?, ?> o ? o : null;
                Boolean done = apply(name, image, old);
                if (done == null) continue;
                records++;
                if (done) applied++;
            }
        }
        return Map.of("records", records, "applied", applied);
    }

    /** Null when the record is none of the rollup's. */
    private Boolean apply(String eventName, Map<?, ?> image, Map<?, ?> old) {
        OrderEvent e = "INSERT".equals(eventName) ? StreamRecords.order(image) : null;
        if (e != null) {
            boolean a = rollup.apply(e);
            boolean m = members.orderPaid(e);
            return a || m;
        }
        MemberEvents.Joined j = StreamRecords.joined(eventName, image);
        if (j != null) return members.joined(j);
        MemberEvents.LedgerMove l = StreamRecords.ledger(eventName, image);
        if (l != null) return members.ledger(l);
        MemberEvents.CouponMove c = StreamRecords.coupon(eventName, image, old);
        if (c != null) return members.coupon(c);
        return null;
    }
}
