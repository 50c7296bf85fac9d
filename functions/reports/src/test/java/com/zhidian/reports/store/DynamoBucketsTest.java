package com.zhidian.reports.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.zhidian.core.testing.TestTables;
import com.zhidian.reports.application.SalesHistory;
import com.zhidian.reports.domain.Bucket;
import com.zhidian.reports.domain.BucketRepository;
import com.zhidian.reports.domain.OrderEvent;
import com.zhidian.reports.domain.Rollup;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** The buckets on the DynamoDB stand-in: ADDs exactly once per event, also for an event of more lines than a transaction holds. */
class DynamoBucketsTest {
    final DynamoBuckets buckets = new DynamoBuckets(TestTables.client(), Clock.systemUTC());
    final String tenant = "t_" + UUID.randomUUID().toString().substring(0, 8);
    final ZoneId zone = ZoneId.of("Asia/Shanghai");

    @Test
    void anEventDeliveredTwice_countsOnce_andTheSeriesHasEveryDay() {
        // 2026-03-01T17:30Z is 01:30 on 2 March in Shanghai: the local day, not the UTC one
        OrderEvent paid = new OrderEvent(tenant, "s1", "o1#paid", OrderEvent.PAID, "o1", Instant.parse("2026-03-01T17:30:00Z"), "pos",
                "in_store", "clerk", null, List.of(new OrderEvent.Line("g1", "c1", 2, 700, 100, 600)));
        assertTrue(buckets.apply(tenant, paid.eventId(), Rollup.contributions(paid, zone)));
        assertFalse(buckets.apply(tenant, paid.eventId(), Rollup.contributions(paid, zone)), "a redelivery changes nothing");
        OrderEvent refund = new OrderEvent(tenant, "s1", "o1#refunded#r1", OrderEvent.REFUNDED, "o1", Instant.parse("2026-03-03T02:00:00Z"),
                "pos", "in_store", "clerk", null, List.of(new OrderEvent.Line("g1", "c1", 1, 0, 0, 300)));
        assertTrue(buckets.apply(tenant, refund.eventId(), Rollup.contributions(refund, zone)));

        List<BucketRepository.Row> days = buckets.read(tenant, "s1", Bucket.DAY, Bucket.TOTAL, "2026-03-01", "2026-03-03");
        assertEquals(2, days.size());
        assertEquals("2026-03-02", days.get(0).period());
        assertEquals(600, days.get(0).measures().net());
        assertEquals(1, days.get(0).measures().orders());
        assertEquals(-300, days.get(1).measures().net());
        assertEquals(300, days.get(1).measures().refunds());

        List<SalesHistory.Day> series = new SalesHistory(buckets).productDaily(tenant, "s1", "g1", LocalDate.parse("2026-03-01"),
                LocalDate.parse("2026-03-04"));
        assertEquals(List.of(0L, 2L, -1L, 0L), series.stream().map(SalesHistory.Day::units).toList());
        assertEquals(List.of(0L, 600L, -300L, 0L), series.stream().map(SalesHistory.Day::net).toList());
    }

    @Test
    void anEventOfManyProducts_isSplitOverTransactions_andStillCountsOnce() {
        List<OrderEvent.Line> lines = new ArrayList<>();
        for (int i = 0; i < 150; i++) lines.add(new OrderEvent.Line("g" + i, "c" + (i % 7), 1, 100, 0, 100));
        OrderEvent big = new OrderEvent(tenant, "s1", "big#paid", OrderEvent.PAID, "big", Instant.parse("2026-03-05T04:00:00Z"), "pos",
                "in_store", null, null, lines);
        assertTrue(buckets.apply(tenant, big.eventId(), Rollup.contributions(big, zone)));
        assertFalse(buckets.apply(tenant, big.eventId(), Rollup.contributions(big, zone)));
        List<BucketRepository.Row> day = buckets.read(tenant, "s1", Bucket.DAY, Bucket.TOTAL, "2026-03-05", "2026-03-05");
        assertEquals(15000, day.get(0).measures().net());
        assertEquals(150, buckets.read(tenant, "s1", Bucket.DAY, Bucket.PRODUCT, "2026-03-05", "2026-03-05").size());
        long staffUnknown = buckets.read(tenant, "s1", Bucket.DAY, Bucket.STAFF, "2026-03-05", "2026-03-05").stream()
                .filter(r -> r.value().equals(Bucket.UNKNOWN)).mapToLong(r -> r.measures().units()).sum();
        assertEquals(150, staffUnknown);
    }
}
