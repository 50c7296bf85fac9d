package com.zhidian.reports.application;

import com.zhidian.reports.domain.Bucket;
import com.zhidian.reports.domain.BucketRepository;
import com.zhidian.reports.domain.Measures;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Daily sales series for other contexts in process (forecasts, replenishment): units and net (fen, after discounts and
 * refunds) per local day of the tenant's time zone, every day of [fromDay, toDay] present (zeros included). Reads the
 * rollup buckets only: one query of at most (toDay − fromDay + 1) items.
 */
public final class SalesHistory {
    private final BucketRepository buckets;

    public SalesHistory(BucketRepository buckets) {
        this.buckets = buckets;
    }

    /** One local day: units sold net of units refunded, net money in fen, orders paid that day. */
    public record Day(LocalDate day, long units, long net, long orders) {}

    /** One product in one store. */
    public List<Day> productDaily(String tenantId, String storeId, String gtin, LocalDate fromDay, LocalDate toDay) {
        return fill(buckets.productDays(tenantId, storeId, gtin, fromDay.toString(), toDay.toString()), fromDay, toDay);
    }

    /** A store's total. */
    public List<Day> storeDaily(String tenantId, String storeId, LocalDate fromDay, LocalDate toDay) {
        return fill(buckets.read(tenantId, storeId, Bucket.DAY, Bucket.TOTAL, fromDay.toString(), toDay.toString()), fromDay, toDay);
    }

    private static List<Day> fill(List<BucketRepository.Row> rows, LocalDate from, LocalDate to) {
        Map<String, Measures> by = new HashMap<>();
        for (BucketRepository.Row r : rows) by.merge(r.period(), r.measures(), Measures::plus);
        List<Day> out = new ArrayList<>();
        for (LocalDate d = from; !d.isAfter(to); d = d.plusDays(1)) {
            Measures m = by.getOrDefault(d.toString(), Measures.ZERO);
            out.add(new Day(d, m.units(), m.net(), m.orders()));
        }
        return out;
    }
}
