package com.zhidian.reports.application;

import com.zhidian.core.auth.Caller;
import com.zhidian.core.tenancy.TenantDirectory;
import com.zhidian.reports.domain.Bucket;
import com.zhidian.reports.domain.MemberBucketRepository;
import com.zhidian.reports.domain.MemberMeasures;
import com.zhidian.reports.domain.MemberRollup;
import com.zhidian.reports.domain.ReportsErrors;
import com.zhidian.reports.domain.Rollup;
import com.zhidian.reports.domain.SalesGrouping;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The member report from its buckets only: per day, ISO week or month, members who joined, active and repeat members,
 * points issued, redeemed, expired and otherwise debited, and the liability (points outstanding, tenant-wide because
 * points are shared by the tenant's stores) at each period's end; and coupons issued and redeemed per template.
 */
public final class MemberReports {
    public static final List<String> GROUP_BYS = List.of("day", "week", "month");

    private final MemberBucketRepository buckets;
    private final SalesReports sales;
    private final TenantDirectory tenants;

    public MemberReports(MemberBucketRepository buckets, SalesReports sales, TenantDirectory tenants) {
        this.buckets = buckets;
        this.sales = sales;
        this.tenants = tenants;
    }

    /** A row: its period, the figures, the liability and pending points at its last day's end. */
    public record Row(String key, MemberMeasures measures, long liability, long pending) {
        public Double repeatRate() {
            return measures.activeMembers() == 0 ? null : Math.round(10000.0 * measures.repeatMembers() / measures.activeMembers()) / 10000.0;
        }
    }

    public record CouponLine(String templateId, String name, Long issued, long redeemed) {}

    /** {@code totals}: distinct counts only when the report is one period (they do not add up across periods). */
    public record Report(String groupBy, LocalDate from, LocalDate to, String storeId, String timeZone, List<Row> rows, Row totals,
                         boolean distinctTotals, List<CouponLine> coupons, int bucketsRead) {}

    public Report members(Caller caller, LocalDate from, LocalDate to, String storeId, String groupBy) {
        if (!GROUP_BYS.contains(groupBy)) throw new ReportsErrors.UnknownGroupBy(groupBy, String.join("|", GROUP_BYS));
        SalesGrouping.Plan plan = SalesGrouping.plan(groupBy, from, to);
        String scope = storeId == null ? Bucket.ALL : sales.storesOf(caller, storeId).get(0);
        String t = caller.tenantId();
        String dFrom = Rollup.DAY.format(from), dTo = Rollup.DAY.format(to);
        int read = 0;

        List<MemberBucketRepository.Row> days = buckets.read(t, scope, MemberRollup.DAY, dFrom, dTo);
        read += days.size();
        Map<String, MemberMeasures> additive = new LinkedHashMap<>();
        for (String k : SalesGrouping.emptyKeys(plan)) additive.put(k, MemberMeasures.ZERO);
        for (MemberBucketRepository.Row r : days) {
            MemberMeasures m = r.measures();
            MemberMeasures add = groupBy.equals("day") ? m : MemberMeasures.points(m.pointsIssued(), m.pointsRedeemed(), m.pointsExpired(),
                    m.pointsOtherDebits(), m.pendingDelta()).plus(new MemberMeasures(m.newMembers(), 0, 0, m.memberOrders(), 0, 0, 0, 0, 0));
            additive.merge(key(groupBy, LocalDate.parse(r.period())), add, MemberMeasures::plus);
        }
        if (!groupBy.equals("day")) {
            String grain = groupBy.equals("week") ? MemberRollup.WEEK : MemberRollup.MONTH;
            List<MemberBucketRepository.Row> distinct = buckets.read(t, scope, grain, MemberRollup.period(grain, from), MemberRollup.period(grain, to));
            read += distinct.size();
            for (MemberBucketRepository.Row r : distinct) {
                if (additive.containsKey(r.period())) {
                    additive.merge(r.period(), new MemberMeasures(0, r.measures().activeMembers(), r.measures().repeatMembers(), 0, 0, 0, 0, 0, 0),
                            MemberMeasures::plus);
                }
            }
        }

        // the liability is the tenant's: every balance change before the range (months, then the days of from's month), then day by day
        LocalDate monthStart = from.withDayOfMonth(1);
        long[] open = {0, 0};
        if (monthStart.isAfter(LocalDate.of(2000, 1, 1))) {
            List<MemberBucketRepository.Row> months = buckets.read(t, Bucket.ALL, MemberRollup.MONTH, "0000-00",
                    MemberRollup.period(MemberRollup.MONTH, monthStart.minusDays(1)));
            read += months.size();
            for (MemberBucketRepository.Row r : months) { open[0] += r.measures().balanceDelta(); open[1] += r.measures().pendingDelta(); }
        }
        if (from.isAfter(monthStart)) {
            List<MemberBucketRepository.Row> before = buckets.read(t, Bucket.ALL, MemberRollup.DAY, Rollup.DAY.format(monthStart),
                    Rollup.DAY.format(from.minusDays(1)));
            read += before.size();
            for (MemberBucketRepository.Row r : before) { open[0] += r.measures().balanceDelta(); open[1] += r.measures().pendingDelta(); }
        }
        List<MemberBucketRepository.Row> tenantDays = scope.equals(Bucket.ALL) ? days : buckets.read(t, Bucket.ALL, MemberRollup.DAY, dFrom, dTo);
        if (!scope.equals(Bucket.ALL)) read += tenantDays.size();
        Map<String, MemberMeasures> byDay = new LinkedHashMap<>();
        for (MemberBucketRepository.Row r : tenantDays) byDay.put(r.period(), r.measures());
        Map<String, long[]> atEnd = new LinkedHashMap<>();
        long bal = open[0], pend = open[1];
        for (LocalDate d = from; !d.isAfter(to); d = d.plusDays(1)) {
            MemberMeasures m = byDay.get(Rollup.DAY.format(d));
            if (m != null) { bal += m.balanceDelta(); pend += m.pendingDelta(); }
            atEnd.put(key(groupBy, d), new long[] {bal, pend});
        }

        List<Row> rows = new ArrayList<>();
        MemberMeasures sum = MemberMeasures.ZERO;
        for (var e : additive.entrySet()) {
            long[] end = atEnd.getOrDefault(e.getKey(), new long[] {bal, pend});
            rows.add(new Row(e.getKey(), e.getValue(), end[0], end[1]));
            sum = sum.plus(e.getValue());
        }
        boolean one = rows.size() == 1;
        MemberMeasures totals = one ? sum : new MemberMeasures(sum.newMembers(), 0, 0, sum.memberOrders(), sum.pointsIssued(),
                sum.pointsRedeemed(), sum.pointsExpired(), sum.pointsOtherDebits(), sum.pendingDelta());

        List<MemberBucketRepository.CouponRow> couponRows = buckets.coupons(t, scope, dFrom, dTo);
        read += couponRows.size();
        Map<String, CouponLine> coupons = new LinkedHashMap<>();
        for (MemberBucketRepository.CouponRow c : couponRows) {
            CouponLine was = coupons.get(c.templateId());
            long issued = (was == null || was.issued() == null ? 0 : was.issued()) + c.issued();
            long redeemed = (was == null ? 0 : was.redeemed()) + c.redeemed();
            String name = c.name() != null ? c.name() : was == null ? null : was.name();
            coupons.put(c.templateId(), new CouponLine(c.templateId(), name, scope.equals(Bucket.ALL) ? issued : null, redeemed));
        }
        List<CouponLine> lines = new ArrayList<>(coupons.values());
        lines.sort(Comparator.comparingLong((CouponLine c) -> -c.redeemed()).thenComparing(CouponLine::templateId));
        return new Report(groupBy, from, to, storeId, RollupService.zone(tenants, t).getId(), rows, new Row("total", totals, bal, pend),
                one, lines, read);
    }

    private static String key(String groupBy, LocalDate d) {
        return switch (groupBy) {
            case "week" -> SalesGrouping.week(d);
            case "month" -> Rollup.DAY.format(d).substring(0, 7);
            default -> Rollup.DAY.format(d);
        };
    }
}
