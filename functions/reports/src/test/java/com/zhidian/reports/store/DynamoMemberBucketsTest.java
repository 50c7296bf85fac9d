package com.zhidian.reports.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.zhidian.core.testing.TestTables;
import com.zhidian.reports.domain.Bucket;
import com.zhidian.reports.domain.MemberBucketRepository;
import com.zhidian.reports.domain.MemberEvents;
import com.zhidian.reports.domain.MemberRollup;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;

/** The member buckets on the DynamoDB stand-in: each event once, distinct members right under concurrent deliveries. */
class DynamoMemberBucketsTest {
    final DynamoMemberBuckets buckets = new DynamoMemberBuckets(TestTables.client(), Clock.systemUTC());
    final String tenant = "t_" + UUID.randomUUID().toString().substring(0, 8);
    final ZoneId zone = ZoneId.of("Asia/Shanghai");

    @Test
    void ledgerEntriesAndCoupons_countOnce_inTheLocalDayAndMonth() {
        // 2026-02-28T16:30Z is 00:30 on 1 March in Shanghai
        MemberEvents.LedgerMove redeem = new MemberEvents.LedgerMove(tenant, "m1", 3, Instant.parse("2026-02-28T16:30:00Z"), "redeem", -120, 0, "s1");
        assertTrue(buckets.apply(tenant, redeem.markerId(), MemberRollup.contributions(redeem, zone)));
        assertFalse(buckets.apply(tenant, redeem.markerId(), MemberRollup.contributions(redeem, zone)), "a redelivery changes nothing");
        List<MemberBucketRepository.Row> day = buckets.read(tenant, "s1", MemberRollup.DAY, "2026-03-01", "2026-03-01");
        assertEquals(120, day.get(0).measures().pointsRedeemed());
        assertEquals(-120, buckets.read(tenant, Bucket.ALL, MemberRollup.MONTH, "2026-03", "2026-03").get(0).measures().balanceDelta());
        assertTrue(buckets.read(tenant, Bucket.ALL, MemberRollup.DAY, "2026-02-28", "2026-02-28").isEmpty());

        MemberEvents.CouponMove issued = new MemberEvents.CouponMove(tenant, "C1", "tpl", "满20减5", Instant.parse("2026-03-01T02:00:00Z"), null, 1, 0);
        MemberEvents.CouponMove used = new MemberEvents.CouponMove(tenant, "C1", "tpl", "满20减5", Instant.parse("2026-03-01T03:00:00Z"), "s1", 0, 1);
        for (MemberEvents.CouponMove c : List.of(issued, used, used)) buckets.applyCoupons(tenant, c.markerId(), c.name(), MemberRollup.contributions(c, zone));
        MemberBucketRepository.CouponRow all = buckets.coupons(tenant, Bucket.ALL, "2026-03-01", "2026-03-01").get(0);
        assertEquals(List.of(1L, 1L, (Object) "满20减5"), List.of(all.issued(), all.redeemed(), all.name()));
        MemberBucketRepository.CouponRow store = buckets.coupons(tenant, "s1", "2026-03-01", "2026-03-01").get(0);
        assertEquals(0, store.issued());
        assertEquals(1, store.redeemed());
    }

    @Test
    void ordersOfOneMemberDeliveredConcurrentlyAndTwice_makeOneActiveAndOneRepeatMember() throws Exception {
        Instant at = Instant.parse("2026-03-02T04:00:00Z");
        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            List<Callable<Boolean>> calls = new ArrayList<>();
            for (int i = 0; i < 3; i++) {
                String marker = "o" + i + "#paid#ma";
                for (int twice = 0; twice < 2; twice++) {
                    calls.add(() -> buckets.applyActivity(tenant, marker, "m1", MemberRollup.activitySlots(at, zone, "s1")));
                }
            }
            int applied = 0;
            for (Future<Boolean> f : pool.invokeAll(calls)) if (f.get()) applied++;
            assertEquals(3, applied, "each order once");
        } finally {
            pool.shutdownNow();
        }
        buckets.applyActivity(tenant, "o9#paid#ma", "m2", MemberRollup.activitySlots(at, zone, "s2"));
        for (String scope : List.of("s1", Bucket.ALL)) {
            MemberBucketRepository.Row d = buckets.read(tenant, scope, MemberRollup.DAY, "2026-03-02", "2026-03-02").get(0);
            assertEquals(scope.equals("s1") ? 1 : 2, d.measures().activeMembers(), scope);
            assertEquals(1, d.measures().repeatMembers(), scope);
            assertEquals(scope.equals("s1") ? 3 : 4, d.measures().memberOrders(), scope);
            assertEquals(d.measures().activeMembers(), buckets.read(tenant, scope, MemberRollup.WEEK, "2026-W10", "2026-W10").get(0).measures().activeMembers());
            assertEquals(d.measures().repeatMembers(), buckets.read(tenant, scope, MemberRollup.MONTH, "2026-03", "2026-03").get(0).measures().repeatMembers());
        }
    }
}
