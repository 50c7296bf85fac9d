package com.zhidian.core;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.zhidian.core.errors.ApiException;
import com.zhidian.core.errors.ConcurrentChange;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/** The one retry: runs again after a concurrent change, and gives up with the caller's failure (409 by default). */
class RetryTest {

    @Test
    void retriesAConcurrentChange_untilTheWorkGoesThrough() {
        AtomicInteger calls = new AtomicInteger();
        String out = Retry.onConflict(() -> {
            if (calls.incrementAndGet() < 4) throw new ConcurrentChange("changed");
            return "done";
        }, "too fast");
        assertEquals("done", out);
        assertEquals(4, calls.get());
    }

    @Test
    void givesUpWith409_byDefault() {
        AtomicInteger calls = new AtomicInteger();
        ApiException e = assertThrows(ApiException.class, () -> Retry.onConflict(() -> {
            calls.incrementAndGet();
            throw new ConcurrentChange("changed");
        }, "too fast"));
        assertEquals(409, e.status());
        assertEquals(Retry.MAX_ATTEMPTS, calls.get());
    }

    /** Coupons answer their own 503 coupon.busy; the loop that asks is the caller's. */
    @Test
    void givesUpWithTheCallersOwnFailure() {
        IllegalStateException busy = new IllegalStateException("busy");
        int attempts = 0;
        RuntimeException thrown = null;
        for (int i = 1; thrown == null; i++) {
            attempts = i;
            try {
                Retry.giveUpOrPause(i, () -> busy);
            } catch (IllegalStateException e) {
                thrown = e;
            }
        }
        assertSame(busy, thrown);
        assertEquals(Retry.MAX_ATTEMPTS, attempts);
        assertSame(busy, assertThrows(IllegalStateException.class,
                () -> Retry.onConflict(() -> { throw new ConcurrentChange("changed"); }, () -> busy)));
    }
}
