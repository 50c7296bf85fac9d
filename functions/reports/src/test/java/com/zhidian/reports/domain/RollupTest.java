package com.zhidian.reports.domain;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Goods sold by weight: their grams count in their own product's bucket, never in the units of wider buckets. */
class RollupTest {
    private static final ZoneId SHANGHAI = ZoneId.of("Asia/Shanghai");

    @Test
    void aWeighedLineAddsItsMoneyEverywhere_andItsGramsOnlyToItsProduct() {
        OrderEvent paid = new OrderEvent("t", "s1", "e1", OrderEvent.PAID, "o1", Instant.parse("2026-03-01T04:00:00Z"), "pos",
                "in_store", "clerk", null, List.of(new OrderEvent.Line("apple", "fruit", 1250, 1600, 0, 1600, true),
                        new OrderEvent.Line("cola", "drinks", 2, 600, 100, 500)));
        Map<Bucket, Measures> c = Rollup.contributions(paid, SHANGHAI);
        Measures day = c.get(new Bucket("s1", Bucket.DAY, "2026-03-01", Bucket.TOTAL, Bucket.ALL));
        assertEquals(new Measures(1, 2, 2200, 100, 0, 2100), day, "two pieces of cola; the apples in money only");
        assertEquals(new Measures(1, 0, 1600, 0, 0, 1600), c.get(new Bucket("s1", Bucket.DAY, "2026-03-01", Bucket.CATEGORY, "fruit")));
        assertEquals(new Measures(1, 1250, 1600, 0, 0, 1600), c.get(new Bucket("s1", Bucket.DAY, "2026-03-01", Bucket.PRODUCT, "apple")),
                "1,250 g of apples in the apples' own bucket");

        OrderEvent refunded = new OrderEvent("t", "s1", "e2", OrderEvent.REFUNDED, "o1", Instant.parse("2026-03-01T05:00:00Z"), "pos",
                "in_store", "clerk", null, List.of(new OrderEvent.Line("apple", "fruit", 250, 0, 0, 320, true)));
        Map<Bucket, Measures> r = Rollup.contributions(refunded, SHANGHAI);
        assertEquals(new Measures(0, 0, 0, 0, 320, -320), r.get(new Bucket("s1", Bucket.DAY, "2026-03-01", Bucket.TOTAL, Bucket.ALL)));
        assertEquals(new Measures(0, -250, 0, 0, 320, -320), r.get(new Bucket("s1", Bucket.DAY, "2026-03-01", Bucket.PRODUCT, "apple")));
    }
}
