package com.zhidian.campaigns.store;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.zhidian.campaigns.application.SegmentService;
import com.zhidian.campaigns.application.SummaryCache;
import com.zhidian.campaigns.domain.Segment;
import com.zhidian.core.testing.TestTables;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The preview's cache as wired (the real wall clock, the store's own stamps), on the DynamoDB stand-in: once warm, a
 * withdrawn grant and an erased member are what the very next preview counts, and a member the stream tells of later
 * joins it.
 */
class SummaryCacheStoreTest {
    final DynamoSegmentRepository store = new DynamoSegmentRepository(TestTables.client());
    final SegmentService segments = new SegmentService(store, new SummaryCache(store), SummaryCacheProperties.TENANTS,
            SummaryCacheProperties.CLOCK);
    final String tenant = "tn_cachestore" + Long.toString(System.nanoTime(), 36);
    static final Instant JOINED = Instant.parse("2025-03-01T02:00:00Z");

    void joined(String memberId) {
        store.member(tenant, memberId, true, "st_a", JOINED, 5, true);
        store.consent(tenant, memberId, "marketing_push", true, JOINED);
    }

    SegmentService.Count everyone() {
        return segments.preview(tenant, Segment.ALL, List.of());
    }

    @Test
    void aWithdrawalAnErasureAndANewMemberShowInTheNextPreview() {
        for (String m : List.of("mb_one", "mb_two", "mb_three")) joined(m);
        assertEquals(new SegmentService.Count(3, 3, false), everyone()); // cold: the whole partition
        assertEquals(new SegmentService.Count(3, 3, false), everyone()); // warm: nothing changed

        store.consent(tenant, "mb_two", "marketing_push", false, JOINED.plusSeconds(60));
        assertEquals(new SegmentService.Count(3, 2, false), everyone());

        store.member(tenant, "mb_three", false, null, null, null, false);
        assertEquals(new SegmentService.Count(2, 1, false), everyone());

        joined("mb_four");
        assertEquals(new SegmentService.Count(3, 2, false), everyone());
    }
}
