package com.zhidian.reports.application;

import com.zhidian.core.auth.Caller;
import com.zhidian.reports.domain.Bucket;
import com.zhidian.reports.domain.BucketRepository;
import com.zhidian.reports.domain.Measures;
import com.zhidian.reports.domain.ReportsErrors;
import com.zhidian.reports.domain.SalesGrouping;
import com.zhidian.telemetry.application.InsightsService;
import com.zhidian.telemetry.domain.Insights;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Traffic against sales for one store: visitors from the telemetry context's hourly traffic rollups (read through its
 * application service, one day at a time), orders from the sales buckets, conversion = orders ÷ visitors, and dwell by
 * zone averaged over the days weighted by visitors.
 */
public final class TrafficReports {
    /** The longest range of a traffic report (days, both ends included): telemetry is read one day per query. */
    public static final long MAX_DAYS = 92;

    private final InsightsService insights;
    private final BucketRepository buckets;
    private final SalesReports sales;

    public TrafficReports(InsightsService insights, BucketRepository buckets, SalesReports sales) {
        this.insights = insights;
        this.buckets = buckets;
        this.sales = sales;
    }

    public record Row(String key, long visitors, long orders, long net, Double conversion) {}

    public record Zone(String zone, long visitors, Double dwellMinutes) {}

    public record Report(String groupBy, LocalDate from, LocalDate to, String storeId, List<Row> rows, Row totals, List<Zone> zones) {}

    public Report traffic(Caller caller, LocalDate from, LocalDate to, String storeId, String groupBy) {
        if (!"hour".equals(groupBy) && !"day".equals(groupBy)) throw new ReportsErrors.UnknownGroupBy(groupBy, "hour|day");
        if (from.isAfter(to)) throw new ReportsErrors.BadRange(from.toString(), to.toString());
        long days = ChronoUnit.DAYS.between(from, to) + 1;
        if (days > MAX_DAYS) throw new ReportsErrors.RangeTooLong(days, MAX_DAYS, groupBy);
        sales.storesOf(caller, storeId);
        SalesGrouping.Plan plan = SalesGrouping.plan(groupBy, from, to);
        Map<String, Long> visitors = new LinkedHashMap<>();
        for (String k : SalesGrouping.emptyKeys(plan)) visitors.put(k, 0L);
        Map<String, long[]> zones = new LinkedHashMap<>();
        Map<String, double[]> dwell = new HashMap<>();
        for (LocalDate d = from; !d.isAfter(to); d = d.plusDays(1)) {
            Insights.Traffic t = insights.traffic(caller, storeId, d);
            if ("day".equals(groupBy)) visitors.merge(d.toString(), t.visitors(), Long::sum);
            else for (Insights.TrafficHour h : t.hours()) visitors.merge(d + String.format("T%02d", h.hour()), h.visitorsIn(), Long::sum);
            for (Insights.TrafficZone z : t.zones()) {
                zones.computeIfAbsent(z.zone(), k -> new long[1])[0] += z.visitorsIn();
                if (z.dwellMinutes() != null) {
                    double[] w = dwell.computeIfAbsent(z.zone(), k -> new double[2]);
                    w[0] += z.dwellMinutes() * Math.max(1, z.visitorsIn());
                    w[1] += Math.max(1, z.visitorsIn());
                }
            }
        }
        Map<String, Measures> orders = new HashMap<>();
        for (BucketRepository.Row b : buckets.read(caller.tenantId(), storeId, plan.grain(), Bucket.TOTAL, plan.fromPeriod(), plan.toPeriod())) {
            orders.merge(b.period(), b.measures(), Measures::plus);
        }
        List<Row> rows = new ArrayList<>();
        long v = 0, o = 0, n = 0;
        for (var e : visitors.entrySet()) {
            Measures m = orders.getOrDefault(e.getKey(), Measures.ZERO);
            rows.add(new Row(e.getKey(), e.getValue(), m.orders(), m.net(), conversion(m.orders(), e.getValue())));
            v += e.getValue();
            o += m.orders();
            n += m.net();
        }
        List<Zone> zs = new ArrayList<>();
        zones.forEach((z, c) -> {
            double[] w = dwell.get(z);
            zs.add(new Zone(z, c[0], w == null || w[1] == 0 ? null : Math.round(w[0] / w[1] * 10) / 10.0));
        });
        return new Report(groupBy, from, to, storeId, rows, new Row("total", v, o, n, conversion(o, v)), zs);
    }

    /** Orders ÷ visitors, to four places; null without visitors (no conversion to speak of). */
    static Double conversion(long orders, long visitors) {
        return visitors == 0 ? null : Math.round(orders * 10000.0 / visitors) / 10000.0;
    }
}
