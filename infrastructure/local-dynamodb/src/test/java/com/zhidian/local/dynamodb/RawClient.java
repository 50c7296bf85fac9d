package com.zhidian.local.dynamodb;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.*;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.IntFunction;

/**
 * A minimal keep-alive HTTP/1.1 client for the benchmark's server-capacity section: no SDK, no signing work, a
 * syntactically valid (unverified) SigV4 Authorization header, so the server's own cost dominates.
 */
final class RawClient {
    private RawClient() {}

    record Call(String target, String body) {}

    static String throughput(URI endpoint, int threads, int seconds, IntFunction<Call> calls, Benchmark.Cpu cpu) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        AtomicLong ops = new AtomicLong(), errors = new AtomicLong();
        long end = System.nanoTime() + seconds * 1_000_000_000L;
        long cpuBefore = cpu.nanos();
        long start = System.nanoTime();
        List<Future<?>> fs = new ArrayList<>();
        CountDownLatch done = new CountDownLatch(threads), release = new CountDownLatch(1);
        long[] cpuAfter = new long[1];
        for (int t = 0; t < threads; t++) {
            int th = t;
            fs.add(pool.submit(() -> {
                Socket s = null;
                try {
                    s = new Socket(endpoint.getHost(), endpoint.getPort());
                    s.setTcpNoDelay(true);
                    OutputStream out = s.getOutputStream();
                    InputStream in = new BufferedInputStream(s.getInputStream(), 16384);
                    for (int i = th * 1_000_000; System.nanoTime() < end; i++) {
                        Call c = calls.apply(i);
                        byte[] body = c.body().getBytes(StandardCharsets.UTF_8);
                        String head = "POST / HTTP/1.1\r\nHost: " + endpoint.getHost() + ":" + endpoint.getPort() + "\r\n"
                                + "Content-Type: application/x-amz-json-1.0\r\nX-Amz-Target: DynamoDB_20120810." + c.target() + "\r\n"
                                + "X-Amz-Date: 20260101T000000Z\r\n"
                                + "Authorization: AWS4-HMAC-SHA256 Credential=bench/20260101/us-east-1/dynamodb/aws4_request, SignedHeaders=host;x-amz-date;x-amz-target, Signature=0000\r\n"
                                + "Content-Length: " + body.length + "\r\n\r\n";
                        byte[] hb = head.getBytes(StandardCharsets.ISO_8859_1);
                        byte[] all = new byte[hb.length + body.length];
                        System.arraycopy(hb, 0, all, 0, hb.length);
                        System.arraycopy(body, 0, all, hb.length, body.length);
                        out.write(all);
                        out.flush();
                        if (readResponse(in) != 200) errors.incrementAndGet();
                        ops.incrementAndGet();
                    }
                } finally {
                    done.countDown();
                    release.await(); // keep the connection (and the server's thread) until its CPU time is read
                    if (s != null) s.close();
                }
                return null;
            }));
        }
        double secs;
        try {
            done.await();
            secs = (System.nanoTime() - start) / 1e9;
            cpuAfter[0] = cpu.nanos();
            release.countDown();
            for (Future<?> f : fs) f.get();
        } finally {
            release.countDown();
            pool.shutdownNow();
        }
        String perOp = cpuBefore < 0 || cpuAfter[0] < 0 ? "" : String.format(" (server CPU %.0f µs/op)", (cpuAfter[0] - cpuBefore) / 1000.0 / Math.max(1, ops.get()));
        if (errors.get() > 0) return String.format("%.0f, %d errors", ops.get() / secs, errors.get());
        return String.format("%.0f", ops.get() / secs) + perOp;
    }

    private static int readResponse(InputStream in) throws IOException {
        String status = line(in);
        int code = Integer.parseInt(status.split(" ")[1]);
        int len = 0;
        String h;
        while (!(h = line(in)).isEmpty()) {
            int c = h.indexOf(':');
            if (c > 0 && h.substring(0, c).trim().equalsIgnoreCase("content-length")) len = Integer.parseInt(h.substring(c + 1).trim());
        }
        for (int r = 0; r < len; ) {
            long k = in.skip(len - r);
            if (k <= 0) { if (in.read() < 0) throw new IOException("eof"); k = 1; }
            r += (int) k;
        }
        return code;
    }

    private static String line(InputStream in) throws IOException {
        StringBuilder sb = new StringBuilder();
        int c;
        while ((c = in.read()) != '\n') {
            if (c < 0) throw new IOException("eof");
            if (c != '\r') sb.append((char) c);
        }
        return sb.toString();
    }
}
