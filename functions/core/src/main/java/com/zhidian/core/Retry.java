package com.zhidian.core;

import com.zhidian.core.errors.ApiException;
import com.zhidian.core.errors.ConcurrentChange;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.Supplier;

/**
 * The one retry of optimistic writes: a version check that failed ({@link ConcurrentChange}) runs the work again
 * on fresh reads, after a short random pause that grows to 20 ms, up to {@value #MAX_ATTEMPTS} attempts; then the
 * caller's failure (by default a 409 with its detail; coupons answer their own 503 {@code coupon.busy}).
 * Under contention on one item (a member's points) the attempts are cheap and nearly always few.
 */
public final class Retry {
    public static final int MAX_ATTEMPTS = 80;

    private Retry() {}

    /** Runs {@code attempt} until it does not fail with a concurrent change; {@code tooFast} is the 409's detail. */
    public static <T> T onConflict(Supplier<T> attempt, String tooFast) {
        return onConflict(attempt, () -> ApiException.conflict(tooFast));
    }

    /** As {@link #onConflict(Supplier, String)}, giving up with the caller's own failure. */
    public static <T> T onConflict(Supplier<T> attempt, Supplier<? extends RuntimeException> giveUp) {
        for (int i = 1; ; i++) {
            try {
                return attempt.get();
            } catch (ConcurrentChange e) {
                giveUpOrPause(i, giveUp);
            }
        }
    }

    /** After a failed attempt {@code attempt}: a 409 when it was the last, otherwise the pause before the next. */
    public static void giveUpOrPause(int attempt, String tooFast) {
        giveUpOrPause(attempt, () -> ApiException.conflict(tooFast));
    }

    /**
     * After a failed attempt {@code attempt} (counting from 1) of a loop that retries on its own terms (a write that
     * answers "changed" rather than throwing): {@code giveUp}'s failure when it was the last, otherwise the pause.
     */
    public static void giveUpOrPause(int attempt, Supplier<? extends RuntimeException> giveUp) {
        if (attempt >= MAX_ATTEMPTS) throw giveUp.get();
        try {
            Thread.sleep(ThreadLocalRandom.current().nextLong(0, Math.min(20, 1L << Math.min(attempt, 5)) + 1));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw ApiException.unavailable("interrupted");
        }
    }
}
