package com.zhidian.reports.application;

import com.zhidian.catalog.domain.Category;
import com.zhidian.catalog.domain.Product;
import com.zhidian.catalog.store.DynamoProductRepository;
import com.zhidian.core.tenancy.TenantDirectory;
import com.zhidian.reports.domain.BucketRepository;
import com.zhidian.reports.store.DynamoBuckets;
import com.zhidian.reports.store.DynamoMemberBuckets;
import com.zhidian.stores.application.Stores;
import com.zhidian.telemetry.application.Telemetry;
import java.time.Clock;
import java.util.HashMap;
import java.util.Map;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

/** The reports context's one composition: the rollups, the reports (sales, traffic, members) and the sales series over the real adapters. */
public record Reports(RollupService rollup, SalesReports sales, TrafficReports traffic, SalesHistory history, MemberRollupService memberRollup,
                      MemberReports members, Clock clock) {

    public static Reports wire(DynamoDbClient db, TenantDirectory tenants, Clock clock) {
        BucketRepository buckets = new DynamoBuckets(db, clock);
        DynamoProductRepository products = new DynamoProductRepository(db);
        RollupService.Categories categories = (tenantId, gtins) -> {
            Map<String, String> out = new HashMap<>();
            for (Map.Entry<String, Product> e : products.findAll(tenantId, gtins).entrySet()) out.put(e.getKey(), e.getValue().categoryId());
            return out;
        };
        SalesReports.Labels labels = new SalesReports.Labels() {
            @Override
            public Map<String, String> categories(com.zhidian.core.auth.Caller caller) {
                Map<String, String> out = new HashMap<>();
                for (Category c : products.categories(caller.tenantId())) out.put(c.categoryId(), c.name());
                return out;
            }

            @Override
            public Map<String, String> products(String tenantId, java.util.Collection<String> gtins) {
                Map<String, String> out = new HashMap<>();
                for (Map.Entry<String, Product> e : products.findAll(tenantId, gtins).entrySet()) out.put(e.getKey(), e.getValue().name());
                return out;
            }
        };
        SalesReports sales = new SalesReports(buckets, Stores.wire(db, clock), tenants, labels);
        DynamoMemberBuckets memberBuckets = new DynamoMemberBuckets(db, clock);
        return new Reports(new RollupService(buckets, categories, tenants), sales,
                new TrafficReports(Telemetry.wire(db, tenants, clock).insights(), buckets, sales), new SalesHistory(buckets),
                new MemberRollupService(memberBuckets, tenants), new MemberReports(memberBuckets, sales, tenants), clock);
    }

    /** What another context (forecasts, replenishment) wires to read daily sales in process. */
    public static SalesHistory history(DynamoDbClient db, Clock clock) {
        return new SalesHistory(new DynamoBuckets(db, clock));
    }
}
