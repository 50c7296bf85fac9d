package com.zhidian.core.tenancy;

import java.util.concurrent.ConcurrentHashMap;

/**
 * Per-tenant token buckets sized by plan, so one tenant's flood never starves another. It limits one
 * function instance; in AWS the HTTP API's stage throttling is the outer wall.
 */
public final class RateLimiter {
    private final ConcurrentHashMap<String, Bucket> buckets = new ConcurrentHashMap<>();

    /** Requests per second a plan sustains; the burst is twice that. */
    public static int ratePerSecond(String plan) {
        return switch (plan == null ? "" : plan) {
            case "premium" -> 2000;
            case "standard" -> 500;
            default -> 100;
        };
    }

    public boolean tryAcquire(String tenantId, String plan) {
        int rate = ratePerSecond(plan);
        return buckets.computeIfAbsent(tenantId + "/" + rate, k -> new Bucket(rate, rate * 2L)).tryTake(System.nanoTime());
    }

    static final class Bucket {
        private final double perNano;
        private final long capacity;
        private double tokens;
        private long last;

        Bucket(int perSecond, long capacity) {
            this.perNano = perSecond / 1e9;
            this.capacity = capacity;
            this.tokens = capacity;
            this.last = System.nanoTime();
        }

        synchronized boolean tryTake(long now) {
            tokens = Math.min(capacity, tokens + (now - last) * perNano);
            last = now;
            if (tokens < 1) return false;
            tokens -= 1;
            return true;
        }
    }
}
