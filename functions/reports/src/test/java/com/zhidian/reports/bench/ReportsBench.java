package com.zhidian.reports.bench;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.zhidian.core.auth.Caller;
import com.zhidian.core.auth.Role;
import com.zhidian.core.aws.ReadAhead;
import com.zhidian.core.tenancy.TenantDirectory;
import com.zhidian.core.testing.TestTables;
import com.zhidian.reports.api.Exports;
import com.zhidian.reports.application.SalesReports;
import com.zhidian.reports.domain.Bucket;
import com.zhidian.reports.domain.Measures;
import com.zhidian.reports.domain.OrderEvent;
import com.zhidian.reports.domain.Rollup;
import com.zhidian.reports.domain.SalesGrouping;
import com.zhidian.reports.store.DynamoBuckets;
import java.io.OutputStream;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * The reports' bench (bench/RESULTS.md, "Reports"), run on purpose only:
 * {@code ./mvnw -B -q -pl functions/reports -am test -Dskip.npm -Dtest=ReportsBench -Dbench=reports}.
 * The sales report by day for a year and one store at 10,000 orders (paid through the rollup, as the stream would) and at
 * 1,000,000 orders (the day buckets seeded directly with a million orders' sums: the report reads only buckets, so
 * the seeding path does not change what is measured), on the in-process DynamoDB stand-in; and an XLSX export of
 * 100,000 rows written to a discarding stream (time and peak heap after a GC). Prints figures; asserts nothing on time.
 */
class ReportsBench {
    static final ZoneId ZONE = ZoneId.of("Asia/Shanghai");
    static final LocalDate FROM = LocalDate.parse("2025-01-01"), TO = LocalDate.parse("2025-12-31");

    @Test
    void salesByDayForAYear_at10kAnd1mOrders_andXlsxOf100kRows() throws Exception {
        assumeTrue("reports".equals(System.getProperty("bench")), "run with -Dbench=reports");
        var db = TestTables.client();
        DynamoBuckets buckets = new DynamoBuckets(db, Clock.systemUTC());
        String small = "bench_small_" + System.nanoTime(), large = "bench_large_" + System.nanoTime();

        long t0 = System.nanoTime();
        Random r = new Random(42);
        for (int i = 0; i < 10_000; i++) {
            Instant at = FROM.atStartOfDay(ZONE).toInstant().plusSeconds((long) (r.nextDouble() * 365 * 86400));
            long qty = 1 + r.nextInt(3), price = 100 + r.nextInt(2000);
            OrderEvent e = new OrderEvent(small, "s1", "o" + i + "#paid", OrderEvent.PAID, "o" + i, at, "pos", "in_store", "clerk", null,
                    List.of(new OrderEvent.Line("g" + r.nextInt(300), "c" + r.nextInt(20), qty, qty * price, 0, qty * price)));
            buckets.apply(small, e.eventId(), Rollup.contributions(e, ZONE));
        }
        double seedSmallS = (System.nanoTime() - t0) / 1e9;

        t0 = System.nanoTime();
        for (LocalDate d = FROM; !d.isAfter(TO); d = d.plusDays(1)) {
            long orders = 1_000_000 / 365 + (d.getDayOfYear() <= 1_000_000 % 365 ? 1 : 0);
            Map<Bucket, Measures> seed = new LinkedHashMap<>();
            seed.put(new Bucket("s1", Bucket.DAY, d.toString(), Bucket.TOTAL, Bucket.ALL), new Measures(orders, orders * 2, orders * 2400, 0, 0, orders * 2400));
            buckets.apply(large, "seed-" + d, seed);
        }
        double seedLargeS = (System.nanoTime() - t0) / 1e9;

        SalesReports reports = new SalesReports(buckets, null, new AllStores(), new NoLabels());
        double[] a = time(reports, small), b = time(reports, large);
        long orders = reports.sales(owner(large), FROM, TO, "s1", "day").totals().orders();

        List<SalesGrouping.Row> rows = new ArrayList<>();
        Iterable<SalesGrouping.Row> many = () -> new Iterator<>() {
            int i = 0;
            public boolean hasNext() { return i < 100_000; }
            public SalesGrouping.Row next() { i++; return new SalesGrouping.Row("商品-" + i, new Measures(i, i * 2L, i * 300L, i, 0, i * 299L)); }
        };
        System.gc();
        long base = usedHeap();
        resetPeaks();
        t0 = System.nanoTime();
        long[] bytes = {0};
        Exports.xlsx(many, Map.of(), new SalesGrouping.Row("total", Measures.ZERO), new OutputStream() {
            @Override public void write(int x) { bytes[0]++; }
            @Override public void write(byte[] buf, int off, int len) { bytes[0] += len; }
        });
        double xlsxS = (System.nanoTime() - t0) / 1e9;
        long peak = peakHeap();
        rows.clear();

        System.out.printf("%nREPORTS BENCH (%s, %d cores, max heap %d MiB)%n", System.getProperty("java.version"),
                Runtime.getRuntime().availableProcessors(), Runtime.getRuntime().maxMemory() >> 20);
        System.out.printf("seed 10k orders through the rollup: %.1f s; seed 365 day buckets of 1M orders: %.2f s (1M check: %d orders)%n",
                seedSmallS, seedLargeS, orders);
        System.out.printf("| orders | p50 ms | p90 ms | max ms | buckets read |%n|---|---|---|---|---|%n");
        System.out.printf("| 10,000 | %.2f | %.2f | %.2f | %d |%n", a[0], a[1], a[2], (long) a[3]);
        System.out.printf("| 1,000,000 | %.2f | %.2f | %.2f | %d |%n", b[0], b[1], b[2], (long) b[3]);
        System.out.printf("ratio p50 1M/10k: %.2f%n", b[0] / a[0]);
        System.out.printf("XLSX 100,000 rows: %.2f s, %.1f MiB written, heap before %d MiB, peak heap pools %d MiB%n", xlsxS, bytes[0] / 1048576.0,
                base >> 20, peak >> 20);
    }

    private static double[] time(SalesReports reports, String tenant) {
        Caller c = owner(tenant);
        for (int i = 0; i < 30; i++) reports.sales(c, FROM, TO, "s1", "day");
        double[] ms = new double[200];
        int read = 0;
        for (int i = 0; i < ms.length; i++) {
            long t = System.nanoTime();
            read = reports.sales(c, FROM, TO, "s1", "day").bucketsRead();
            ms[i] = (System.nanoTime() - t) / 1e6;
        }
        Arrays.sort(ms);
        return new double[] {ms[ms.length / 2], ms[(int) (ms.length * 0.9)], ms[ms.length - 1], read};
    }

    private static Caller owner(String tenant) {
        return new Caller("sub", "owner", Role.OWNER, tenant, Set.of(), null);
    }

    private static long usedHeap() {
        return ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
    }

    private static void resetPeaks() {
        for (MemoryPoolMXBean p : ManagementFactory.getMemoryPoolMXBeans()) if (p.getType() == MemoryType.HEAP) p.resetPeakUsage();
    }

    private static long peakHeap() {
        long sum = 0;
        for (MemoryPoolMXBean p : ManagementFactory.getMemoryPoolMXBeans()) if (p.getType() == MemoryType.HEAP) sum += p.getPeakUsage().getUsed();
        return sum;
    }

    static final class AllStores implements TenantDirectory {
        public Standing standing(String tenantId) { return new Standing("active", "premium", "Asia/Shanghai"); }
        public Standing standing(String tenantId, ReadAhead.Key ahead) { return standing(tenantId); }
        public boolean hasStore(String tenantId, String storeId) { return true; }
    }

    static final class NoLabels implements SalesReports.Labels {
        public Map<String, String> categories(Caller caller) { return Map.of(); }
        public Map<String, String> products(String tenantId, java.util.Collection<String> gtins) { return Map.of(); }
    }
}
