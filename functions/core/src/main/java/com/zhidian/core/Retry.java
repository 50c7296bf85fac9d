package com.zhidian.core;

import com.zhidian.core.errors.ApiException;
import com.zhidian.core.errors.ConcurrentChange;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.Supplier;

/**
 * The one retry of optimistic writes: a version check that failed ({@link ConcurrentChange}) runs the work again
 * on fresh reads, after a short random pause that grows to 20 ms, up to {@value #MAX_ATTEMPTS} attempts; then 409.
 * Under contention on one item (a member's points) the attempts are cheap and nearly always few.
 */
public final class Retry {
    public static final int MAX_ATTEMPTS = 80;

    private Retry() {}

    /** Runs {@code attempt} until it does not fail with a concurrent change; {@code tooFast} is the 409's detail. */
    public static <T> T onConflict(Supplier<T> attempt, String tooFast) {
        for (int i = 1; ; i++) {
            try {
                return attempt.get();
            } catch (ConcurrentChange e) {
                giveUpOrPause(i, tooFast);
            }
        }
    }

    /** After a failed attempt {@code attempt}: a 409 when it was the last, otherwise the pause before the next. */
    public static void giveUpOrPause(int attempt, String tooFast) {
        if (attempt >= MAX_ATTEMPTS) throw ApiException.conflict(tooFast);
        try {
            Thread.sleep(ThreadLocalRandom.current().nextLong(0, Math.min(20, 1L << Math.min(attempt, 5)) + 1));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw ApiException.unavailable("interrupted");
        }
    }
}
