package com.zhidian.core.scope;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Future;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A small bounded pool that runs parts of one request in parallel, each under a scope of the request's tenant, so the
 * tenant-signed DynamoDB client ({@code aws.TenantScopedDynamo}) signs their calls as it signs the request's own.
 *
 * <p>What is carried is the tenant, not the request's scope object: a worker gets a fresh scope of the same tenant
 * (nothing read ahead, no claimed transaction, no Idempotency-Key claim), because the request's scope is not shared
 * between threads and those rails belong to the request's one write. So a part run here reads, and never writes on
 * the request's claim; a route that writes keeps its write on its own thread. When the part ends the worker's thread
 * is left as it was (no scope leaks into the next part). A part submitted from a worker of the same pool runs inline
 * on that worker (a bounded pool waiting on itself would deadlock).
 */
public final class ScopedPool implements AutoCloseable {
    private final ExecutorService pool;
    private final int threads;

    private static final class Worker extends Thread {
        final ScopedPool owner;

        Worker(ScopedPool owner, Runnable r, String name) {
            super(r, name);
            this.owner = owner;
            setDaemon(true);
        }
    }

    /** A pool of at most {@code threads} threads named {@code name-N}, daemon (a Lambda instance may freeze with it). */
    public ScopedPool(String name, int threads) {
        if (threads < 1) throw new IllegalArgumentException("threads must be at least 1");
        this.threads = threads;
        AtomicInteger n = new AtomicInteger();
        ThreadPoolExecutor p = new ThreadPoolExecutor(threads, threads, 30, TimeUnit.SECONDS, new LinkedBlockingQueue<>(),
                r -> new Worker(this, r, name + "-" + n.incrementAndGet()));
        p.allowCoreThreadTimeOut(true);
        this.pool = p;
    }

    public int threads() { return threads; }

    /**
     * {@code work} wrapped to run under a scope of the tenant of the scope current now (on the calling thread): none if
     * there is none (a job, a test), as the caller would have run it.
     */
    public static <T> Callable<T> carrying(Callable<T> work) {
        RequestScope here = RequestScope.current();
        String tenant = here == null ? null : here.tenantId();
        boolean scoped = here != null;
        return () -> {
            RequestScope before = RequestScope.swap(scoped ? RequestScope.detached(tenant) : null);
            try {
                return work.call();
            } finally {
                RequestScope.swap(before);
            }
        };
    }

    /**
     * Runs every part, each under the caller's tenant, at most {@link #threads} at a time, and answers their results in
     * the parts' order. The first part to fail (in order) fails the whole: the parts not yet started are cancelled and
     * its exception is thrown as it was thrown (a RuntimeException or Error; a checked one wrapped).
     */
    public <T> List<T> all(List<? extends Callable<T>> parts) {
        List<Callable<T>> carried = new ArrayList<>(parts.size());
        for (Callable<T> p : parts) carried.add(carrying(p));
        if (Thread.currentThread() instanceof Worker w && w.owner == this || parts.size() <= 1) return inline(carried);
        List<Future<T>> futures = new ArrayList<>(carried.size());
        for (Callable<T> c : carried) futures.add(pool.submit(c));
        List<T> out = new ArrayList<>(futures.size());
        try {
            for (Future<T> f : futures) out.add(f.get());
            return out;
        } catch (ExecutionException e) {
            futures.forEach(f -> f.cancel(false));
            throw rethrow(e.getCause());
        } catch (InterruptedException e) {
            futures.forEach(f -> f.cancel(true));
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while waiting for the request's parts", e);
        }
    }

    private static <T> List<T> inline(List<Callable<T>> parts) {
        List<T> out = new ArrayList<>(parts.size());
        for (Callable<T> c : parts) {
            try {
                out.add(c.call());
            } catch (Exception e) {
                throw rethrow(e);
            }
        }
        return out;
    }

    private static RuntimeException rethrow(Throwable t) {
        if (t instanceof RuntimeException r) return r;
        if (t instanceof Error e) throw e;
        return new IllegalStateException(t);
    }

    @Override
    public void close() {
        pool.shutdownNow();
    }
}
