package com.zhidian.reports.application;

import com.zhidian.core.auth.Caller;
import com.zhidian.core.auth.Role;
import com.zhidian.core.paging.Page;
import com.zhidian.core.tenancy.TenantDirectory;
import com.zhidian.reports.domain.Bucket;
import com.zhidian.reports.domain.BucketRepository;
import com.zhidian.reports.domain.Measures;
import com.zhidian.reports.domain.ReportsErrors;
import com.zhidian.reports.domain.SalesGrouping;
import com.zhidian.stores.application.StoresService;
import com.zhidian.stores.domain.Store;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The sales report: rows and totals from the rollup buckets only (a report costs the buckets it covers, never the
 * orders), in the tenant's time zone, net of refunds, money in fen. One store, or every store the caller may see.
 */
public final class SalesReports {
    /** The names people read beside the ids of a report's rows (categories and products from the catalog). */
    public interface Labels {
        Map<String, String> categories(Caller caller);

        Map<String, String> products(String tenantId, java.util.Collection<String> gtins);
    }

    private final BucketRepository buckets;
    private final StoresService stores;
    private final TenantDirectory tenants;
    private final Labels labels;

    public SalesReports(BucketRepository buckets, StoresService stores, TenantDirectory tenants, Labels labels) {
        this.buckets = buckets;
        this.stores = stores;
        this.tenants = tenants;
        this.labels = labels;
    }

    /** {@code labels}: a name per row key where there is one (category, product, store), else empty. */
    public record Report(String groupBy, LocalDate from, LocalDate to, String storeId, String timeZone, List<SalesGrouping.Row> rows,
                         Measures totals, int bucketsRead, Map<String, String> labels) {}

    public Report sales(Caller caller, LocalDate from, LocalDate to, String storeId, String groupBy) {
        SalesGrouping.Plan plan = SalesGrouping.plan(groupBy, from, to);
        List<String> storeIds = storesOf(caller, storeId);
        Map<String, List<BucketRepository.Row>> byStore = new LinkedHashMap<>();
        Map<String, List<BucketRepository.Row>> totals = new LinkedHashMap<>();
        int read = 0;
        for (String s : storeIds) {
            List<BucketRepository.Row> rows = buckets.read(caller.tenantId(), s, plan.grain(), plan.dimension(), plan.fromPeriod(), plan.toPeriod());
            byStore.put(s, rows);
            read += rows.size();
            if (Bucket.TOTAL.equals(plan.dimension())) {
                totals.put(s, rows);
            } else {
                List<BucketRepository.Row> t = buckets.read(caller.tenantId(), s, Bucket.DAY, Bucket.TOTAL, plan.fromPeriod(), plan.toPeriod());
                totals.put(s, t);
                read += t.size();
            }
        }
        Measures total = Measures.ZERO;
        for (List<BucketRepository.Row> rs : totals.values()) for (BucketRepository.Row r : rs) total = total.plus(r.measures());
        List<SalesGrouping.Row> rows = SalesGrouping.fold(plan, byStore);
        return new Report(groupBy, from, to, storeId, RollupService.zone(tenants, caller.tenantId()).getId(), rows, total, read,
                labelsOf(caller, groupBy, rows));
    }

    private Map<String, String> labelsOf(Caller caller, String groupBy, List<SalesGrouping.Row> rows) {
        List<String> keys = rows.stream().map(SalesGrouping.Row::key).toList();
        Map<String, String> out = new LinkedHashMap<>();
        switch (groupBy) {
            case "category" -> out.putAll(labels.categories(caller));
            case "product" -> out.putAll(labels.products(caller.tenantId(), keys));
            case "store" -> { for (String k : keys) stores.find(caller.tenantId(), k).ifPresent(s -> out.put(k, s.name())); }
            default -> { }
        }
        out.keySet().retainAll(keys);
        return out;
    }

    /** The store asked for (404 when the caller may not see it), or every store the caller may see. */
    public List<String> storesOf(Caller caller, String storeId) {
        if (storeId != null) {
            if (!caller.canSeeStore(storeId) || !tenants.hasStore(caller.tenantId(), storeId)) throw new ReportsErrors.StoreNotFound(storeId);
            return List.of(storeId);
        }
        if (caller.role() != Role.OWNER) return caller.storeIds().stream().sorted().toList();
        List<String> out = new ArrayList<>();
        String cursor = null;
        do {
            Page<Store> p = stores.list(caller, 100, cursor);
            for (Store s : p.items()) out.add(s.storeId());
            cursor = p.nextCursor();
        } while (cursor != null);
        return out;
    }
}
