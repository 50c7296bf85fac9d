package com.zhidian.devices.application;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;

/**
 * Bounded parallelism for label pushes: at most {@code width} calls to IoT and DynamoDB at once, however many labels
 * a batch holds. Each of them mostly waits for an answer (an HTTP round trip), so a few times the cores keeps them
 * busy without flooding either service. A failure of any item fails the call, after every item has ended.
 */
public final class ParallelPushes {
    /** Sixteen calls in flight: above that the shadow service and the table gain nothing on two to four cores. */
    public static final int DEFAULT_WIDTH = 16;
    private static volatile ParallelPushes shared;

    private final ExecutorService pool;
    private final int width;

    public ParallelPushes(int width) {
        this.width = width;
        AtomicInteger n = new AtomicInteger();
        this.pool = Executors.newFixedThreadPool(width, r -> {
            Thread t = new Thread(() -> {
                INSIDE.set(Boolean.TRUE);
                r.run();
            }, "esl-push-" + n.incrementAndGet());
            t.setDaemon(true);
            return t;
        });
    }

    /** One pool per process (a Lambda container, or Zhidian Local holding every function). */
    public static ParallelPushes shared() {
        if (shared == null) {
            synchronized (ParallelPushes.class) {
                if (shared == null) shared = new ParallelPushes(Integer.getInteger("zhidian.eslPushWidth", DEFAULT_WIDTH));
            }
        }
        return shared;
    }

    public int width() {
        return width;
    }

    /** Set on the pool's own threads: a map called from one of them runs inline (waiting on the pool there could deadlock it). */
    private static final ThreadLocal<Boolean> INSIDE = ThreadLocal.withInitial(() -> Boolean.FALSE);

    /**
     * {@code f} of every item, in their order; one item, or a call from one of the pool's own threads, runs on the
     * caller's thread.
     */
    public <T, R> List<R> map(List<T> items, Function<T, R> f) {
        if (items.isEmpty()) return List.of();
        if (items.size() == 1 || INSIDE.get()) {
            List<R> out = new ArrayList<>(items.size());
            for (T item : items) out.add(f.apply(item));
            return out;
        }
        List<Future<R>> futures = new ArrayList<>(items.size());
        for (T item : items) futures.add(pool.submit(() -> f.apply(item)));
        List<R> out = new ArrayList<>(items.size());
        RuntimeException failure = null;
        for (Future<R> fu : futures) {
            try {
                out.add(fu.get());
            } catch (ExecutionException e) {
                if (failure == null) failure = e.getCause() instanceof RuntimeException r ? r : new IllegalStateException(e.getCause());
                out.add(null);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted while pushing labels", e);
            }
        }
        if (failure != null) throw failure;
        return out;
    }
}
