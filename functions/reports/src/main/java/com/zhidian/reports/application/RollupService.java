package com.zhidian.reports.application;

import com.zhidian.core.tenancy.TenantDirectory;
import com.zhidian.reports.domain.BucketRepository;
import com.zhidian.reports.domain.OrderEvent;
import com.zhidian.reports.domain.Rollup;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;

/**
 * Applies order events to the buckets: the lines' categories from the catalog, the local hour and day in the tenant's
 * time zone, then {@link Rollup#contributions} added exactly once ({@link BucketRepository#apply}).
 */
public final class RollupService {
    /** A product's category as the catalog has it now (null when the product is not known). */
    public interface Categories {
        Map<String, String> of(String tenantId, Collection<String> gtins);
    }

    private final BucketRepository buckets;
    private final Categories categories;
    private final TenantDirectory tenants;

    public RollupService(BucketRepository buckets, Categories categories, TenantDirectory tenants) {
        this.buckets = buckets;
        this.categories = categories;
        this.tenants = tenants;
    }

    public boolean apply(OrderEvent e) {
        Map<String, String> cats = categories.of(e.tenantId(), e.lines().stream().map(OrderEvent.Line::gtin).distinct().toList());
        List<OrderEvent.Line> lines = new ArrayList<>();
        for (OrderEvent.Line l : e.lines()) {
            lines.add(l.inCategory(cats.get(l.gtin())));
        }
        return buckets.apply(e.tenantId(), e.eventId(), Rollup.contributions(e.withLines(lines), zone(tenants, e.tenantId())));
    }

    static ZoneId zone(TenantDirectory tenants, String tenantId) {
        try {
            TenantDirectory.Standing s = tenants.standing(tenantId);
            return s == null || s.timeZone() == null ? ZoneId.of("Asia/Shanghai") : ZoneId.of(s.timeZone());
        } catch (RuntimeException ex) {
            return ZoneId.of("Asia/Shanghai");
        }
    }
}
