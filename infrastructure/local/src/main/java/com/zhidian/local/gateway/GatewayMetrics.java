package com.zhidian.local.gateway;

import com.fasterxml.jackson.databind.node.ObjectNode;
import com.zhidian.local.aws.Json;
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

    /** Percentile (0..100) in microseconds over the kept samples; 0 when none. */
    private double percentile(long[] values, double p) {
        int n = (int) Math.min(count, CAPACITY);
        if (n == 0) return 0;
        long[] copy = Arrays.copyOf(values, n);
        Arrays.sort(copy);
        int idx = (int) Math.ceil(p / 100.0 * n) - 1;
        return copy[Math.max(0, Math.min(n - 1, idx))] / 1000.0;
    }

    private void percentiles(ObjectNode out, long[] values) {
        out.put("p50", percentile(values, 50));
        out.put("p99", percentile(values, 99));
        out.put("max", percentile(values, 100));
    }

    /** The {@code GET /local/metrics} document. */
    public ObjectNode toJson(Collection<LambdaFunction> functions) {
        ObjectNode o = Json.object();
        synchronized (this) {
            o.put("requests", count);
            o.put("samples", Math.min(count, CAPACITY));
            percentiles(o.putObject("gatewayOverheadMicros"), overhead);
            percentiles(o.putObject("handlerMicros"), handler);
            percentiles(o.putObject("queuedMicros"), queued);
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
