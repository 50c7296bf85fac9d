package com.zhidian.core.tenancy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class RateLimiterTest {

    @Test
    void aBucket_allowsItsBurst_thenRefuses_thenRefillsWithTime() {
        RateLimiter.Bucket b = new RateLimiter.Bucket(100, 200);
        long t = System.nanoTime();
        int allowed = 0;
        for (int i = 0; i < 300; i++) if (b.tryTake(t)) allowed++;
        assertEquals(200, allowed);
        assertFalse(b.tryTake(t));
        assertTrue(b.tryTake(t + 20_000_000L), "after 20 ms two tokens came back");
    }

    @Test
    void tenants_haveTheirOwnBuckets() {
        RateLimiter limiter = new RateLimiter();
        for (int i = 0; i < 1000; i++) limiter.tryAcquire("flooder", "basic");
        assertTrue(limiter.tryAcquire("quiet", "basic"));
    }

    @Test
    void plans_rankByRate() {
        assertTrue(RateLimiter.ratePerSecond("premium") > RateLimiter.ratePerSecond("standard"));
        assertTrue(RateLimiter.ratePerSecond("standard") > RateLimiter.ratePerSecond("basic"));
    }
}
