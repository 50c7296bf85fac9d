package com.zhidian.catalog.application;

import com.zhidian.core.scope.ScopedPool;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;
import java.util.function.Function;

/**
 * A few chunks of an import applied at once, their results taken in file order on the caller's thread (so progress
 * only goes forward). Each chunk mostly waits for DynamoDB, so a few lanes keep two cores busy without flooding the
 * table. After a chunk fails no other chunk starts; those already running end, their results are still taken, then
 * the first failure is thrown. A lane runs in the caller's tenant scope ({@link ScopedPool#carrying}): the
 * tenant-scoped client signs each call with the tenant's session from the thread's scope ({@code TenantScopedDynamo}).
 */
final class ChunkLanes {
    private ChunkLanes() {}

    static <T, R> void run(int width, List<T> chunks, Function<T, R> apply, Consumer<R> taken) {
        if (chunks.isEmpty()) return;
        AtomicInteger n = new AtomicInteger();
        ExecutorService pool = Executors.newFixedThreadPool(Math.min(width, chunks.size()), r -> {
            Thread t = new Thread(r, "import-lane-" + n.incrementAndGet());
            t.setDaemon(true);
            return t;
        });
        AtomicBoolean stop = new AtomicBoolean();
        try {
            List<Future<R>> futures = new ArrayList<>(chunks.size());
            for (T chunk : chunks) {
                futures.add(pool.submit(ScopedPool.carrying(() -> {
                    if (stop.get()) return null;
                    try {
                        return apply.apply(chunk);
                    } catch (RuntimeException e) {
                        stop.set(true);
                        throw e;
                    }
                })));
            }
            RuntimeException failure = null;
            for (Future<R> f : futures) {
                try {
                    R r = f.get();
                    if (r != null) taken.accept(r);
                } catch (ExecutionException e) {
                    if (failure == null) failure = e.getCause() instanceof RuntimeException r ? r : new IllegalStateException(e.getCause());
                }
            }
            if (failure != null) throw failure;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while importing", e);
        } finally {
            pool.shutdownNow();
        }
    }
}
