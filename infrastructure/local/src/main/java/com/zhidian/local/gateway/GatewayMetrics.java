package com.zhidian.local.gateway;

import com.fasterxml.jackson.databind.node.ObjectNode;
import com.zhidian.local.Json;
import java.util.Arrays;
import java.util.Collection;

/**
 * Per-request timings of the gateway: total time in the gateway (request read to response written),
 * handler time, time waiting for a turn (see {@code Gateway}), and what is left, the gateway's own
 * overhead. Keeps the last {@value #CAPACITY} samples.
 */
public final class GatewayMetrics {
    static final int CAPACITY = 1 << 16;
    private final long[] overhead = new long[CAPACITY];
    private final long[] handler = new long[CAPACITY];
    private final long[] queued = new long[CAPACITY];
    private long count;

    /** One request: its whole time in the gateway, the handler's part, and the part spent waiting its turn. */
    public synchronized void record(long totalNanos, long handlerNanos, long queuedNanos) {
        int i = (int) (count % CAPACITY);
        overhead[i] = Math.max(0, totalNanos - handlerNanos - queuedNanos);
        handler[i] = handlerNanos;
        queued[i] = queuedNanos;
        count++;
    }

    public synchronized void reset() {
        count = 0;
    }

    public synchronized long count() { return count; }

    /** Percentile (0..100) of gateway overhead in microseconds over the kept samples; 0 when none. */
    public synchronized double overheadMicros(double percentile) {
        return percentile(overhead, percentile);
    }

    public synchronized double handlerMicros(double percentile) {
        return percentile(handler, percentile);
    }

    public synchronized double queuedMicros(double percentile) {
        return percentile(queued, percentile);
    }

    private double percentile(long[] values, double p) {
        int n = (int) Math.min(count, CAPACITY);
        if (n == 0) return 0;
        long[] copy = Arrays.copyOf(values, n);
        Arrays.sort(copy);
        int idx = (int) Math.ceil(p / 100.0 * n) - 1;
        return copy[Math.max(0, Math.min(n - 1, idx))] / 1000.0;
    }

    /** The {@code GET /local/metrics} document. */
    public ObjectNode toJson(Collection<LambdaFunction> functions) {
        ObjectNode o = Json.object();
        synchronized (this) {
            o.put("requests", count);
            o.put("samples", Math.min(count, CAPACITY));
            ObjectNode ov = o.putObject("gatewayOverheadMicros");
            ov.put("p50", overheadMicros(50));
            ov.put("p99", overheadMicros(99));
            ov.put("max", overheadMicros(100));
            ObjectNode h = o.putObject("handlerMicros");
            h.put("p50", handlerMicros(50));
            h.put("p99", handlerMicros(99));
            h.put("max", handlerMicros(100));
            ObjectNode q = o.putObject("queuedMicros");
            q.put("p50", queuedMicros(50));
            q.put("p99", queuedMicros(99));
            q.put("max", queuedMicros(100));
        }
        ObjectNode fns = o.putObject("functions");
        for (LambdaFunction f : functions) {
            ObjectNode fo = fns.putObject(f.name());
            fo.put("handler", f.handler());
            fo.put("initialized", f.isLoaded());
            if (f.initNanos() >= 0) fo.put("initMillis", f.initNanos() / 1e6);
            fo.put("invocations", f.invocations());
        }
        return o;
    }
}
