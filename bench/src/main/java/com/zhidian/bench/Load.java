package com.zhidian.bench;

import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A closed-loop load: {@code clients} threads, each sending its next request when the previous one is
 * answered, for a warm-up and then a measured window, bounded in time and in count. Latency is from
 * just before the request is written to the last byte of the answer read.
 */
public final class Load {
    private Load() {}

    /** One request or one floor sequence; answers its HTTP status (or 200 for a floor that succeeded). */
    @FunctionalInterface
    public interface Call {
        int call(int client, long seq) throws Exception;
    }

    /** Request numbers are unique across all runs of the process (so request bodies never repeat a name or phone). */
    private static final AtomicLong SEQ = new AtomicLong();

    public record Result(String name, int clients, long ops, double seconds, long[] sortedMicros,
                         Map<Integer, Long> statuses, long errors, String firstError, long[][] sortedMicrosByTag) {
        public double opsPerSecond() { return seconds <= 0 ? 0 : ops / seconds; }
        public double p(double percentile) { return Stats.percentile(sortedMicros, percentile) / 1000.0; }
        public double p50() { return p(50); }
        public double p99() { return p(99); }
        public long non2xx() {
            long n = errors;
            for (Map.Entry<Integer, Long> e : statuses.entrySet()) if (e.getKey() < 200 || e.getKey() >= 300) n += e.getValue();
            return n;
        }
        public String statusText() {
            StringBuilder sb = new StringBuilder();
            statuses.forEach((k, v) -> sb.append(sb.length() == 0 ? "" : " ").append(k).append("×").append(v));
            if (errors > 0) sb.append(sb.length() == 0 ? "" : " ").append("err×").append(errors);
            return sb.toString();
        }
    }

    /** Several windows of one load as one result (latencies pooled; ops and seconds summed). */
    public static Result merge(List<Result> parts) {
        Result first = parts.get(0);
        long ops = 0, errors = 0;
        double seconds = 0;
        Map<Integer, Long> st = new TreeMap<>();
        String firstError = null;
        int tags = first.sortedMicrosByTag().length;
        long[][] byTag = new long[tags][0];
        long[] all = new long[0];
        for (Result r : parts) {
            ops += r.ops();
            errors += r.errors();
            seconds += r.seconds();
            r.statuses().forEach((k, v) -> st.merge(k, v, Long::sum));
            if (firstError == null) firstError = r.firstError();
            all = concat(all, r.sortedMicros());
            for (int g = 0; g < tags; g++) byTag[g] = concat(byTag[g], r.sortedMicrosByTag()[g]);
        }
        Arrays.sort(all);
        for (long[] t : byTag) Arrays.sort(t);
        return new Result(first.name(), first.clients(), ops, seconds, all, st, errors, firstError, byTag);
    }

    private static long[] concat(long[] a, long[] b) {
        long[] c = Arrays.copyOf(a, a.length + b.length);
        System.arraycopy(b, 0, c, a.length, b.length);
        return c;
    }

    public static Result run(String name, int clients, double warmupSeconds, double measureSeconds, long maxOps, Call call)
            throws InterruptedException {
        return run(name, clients, warmupSeconds, measureSeconds, maxOps, call, 1, s -> 0);
    }

    /**
     * As above; {@code tagOf} sorts each request (by its seq) into one of {@code tags} kinds whose latencies
     * are also kept apart (a mixed load's operations).
     */
    public static Result run(String name, int clients, double warmupSeconds, double measureSeconds, long maxOps, Call call,
                             int tags, java.util.function.LongToIntFunction tagOf) throws InterruptedException {
        AtomicLong seq = SEQ;
        AtomicLong measured = new AtomicLong();
        long start = System.nanoTime();
        long measureFrom = start + (long) (warmupSeconds * 1e9);
        long deadline = measureFrom + (long) (measureSeconds * 1e9);
        long[][] lat = new long[clients][];
        int[] counts = new int[clients];
        long[][][] tagLat = new long[tags][clients][];
        int[][] tagCounts = new int[tags][clients];
        @SuppressWarnings("unchecked")
        Map<Integer, Long>[] statuses = new Map[clients];
        long[] errors = new long[clients];
        long[] lastEnd = new long[clients];
        String[] firstError = new String[1];
        CountDownLatch done = new CountDownLatch(clients);
        for (int c = 0; c < clients; c++) {
            final int client = c;
            lat[c] = new long[1024];
            for (int g = 0; g < tags; g++) tagLat[g][c] = new long[256];
            statuses[c] = new TreeMap<>();
            Thread t = new Thread(() -> {
                try {
                    while (true) {
                        long t0 = System.nanoTime();
                        if (t0 >= deadline) break;
                        boolean inWindow = t0 >= measureFrom;
                        if (inWindow && measured.incrementAndGet() > maxOps) break;
                        int status;
                        long n = seq.getAndIncrement();
                        try {
                            status = call.call(client, n);
                        } catch (Exception e) {
                            status = -1;
                            synchronized (firstError) {
                                if (firstError[0] == null) firstError[0] = e.toString();
                            }
                        }
                        long t1 = System.nanoTime();
                        if (!inWindow) continue;
                        if (status < 0) errors[client]++;
                        else statuses[client].merge(status, 1L, Long::sum);
                        if (counts[client] == lat[client].length) lat[client] = Arrays.copyOf(lat[client], counts[client] * 2);
                        lat[client][counts[client]++] = (t1 - t0) / 1000;
                        int g = tagOf.applyAsInt(n);
                        if (tagCounts[g][client] == tagLat[g][client].length) {
                            tagLat[g][client] = Arrays.copyOf(tagLat[g][client], tagCounts[g][client] * 2);
                        }
                        tagLat[g][client][tagCounts[g][client]++] = (t1 - t0) / 1000;
                        lastEnd[client] = t1;
                    }
                } finally {
                    done.countDown();
                }
            }, "load-" + name + "-" + c);
            t.setDaemon(true);
            t.start();
        }
        done.await();
        long end = 0;
        int total = 0;
        for (int c = 0; c < clients; c++) {
            end = Math.max(end, lastEnd[c]);
            total += counts[c];
        }
        long[] all = new long[total];
        int k = 0;
        Map<Integer, Long> st = new TreeMap<>();
        long err = 0;
        for (int c = 0; c < clients; c++) {
            System.arraycopy(lat[c], 0, all, k, counts[c]);
            k += counts[c];
            statuses[c].forEach((s, n) -> st.merge(s, n, Long::sum));
            err += errors[c];
        }
        Arrays.sort(all);
        double seconds = total == 0 ? 0 : Math.max(0, end - measureFrom) / 1e9;
        long[][] byTag = new long[tags][];
        for (int g = 0; g < tags; g++) {
            int n = 0;
            for (int c = 0; c < clients; c++) n += tagCounts[g][c];
            byTag[g] = new long[n];
            int at = 0;
            for (int c = 0; c < clients; c++) {
                System.arraycopy(tagLat[g][c], 0, byTag[g], at, tagCounts[g][c]);
                at += tagCounts[g][c];
            }
            Arrays.sort(byTag[g]);
        }
        return new Result(name, clients, total, seconds, all, st, err, firstError[0], byTag);
    }
}
