package com.zhidian.local.dynamodb;

import com.zhidian.local.http.ConnectionServer;
import com.zhidian.local.http.Http11Reader;

import java.io.IOException;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.concurrent.atomic.AtomicLong;
import java.util.zip.CRC32;

/**
 * A small HTTP/1.1 server for the JSON protocol: one thread per keep-alive connection, the whole answer in one write,
 * TCP_NODELAY. It understands what AWS SDK clients send (Content-Length or chunked bodies, Expect: 100-continue,
 * keep-alive, Connection: close).
 */
final class MiniHttpServer implements AutoCloseable {
    /** DynamoDB's largest request is far below this (a 100-item TransactWriteItems of 400 KB items is 40 MB at most). */
    private static final int MAX_BODY = 64 * 1024 * 1024;
    private final ConnectionServer server;
    private final HttpFront front;
    private final AtomicLong requestIds = new AtomicLong(System.nanoTime());

    MiniHttpServer(String host, int port, HttpFront front) throws IOException {
        this.front = front;
        server = new ConnectionServer(host, port, 512, "local-dynamodb-conn", this::serve);
    }

    int port() { return server.port(); }

    private void serve(Socket s, ConnectionServer srv) throws IOException {
        Http11Reader in = new Http11Reader(s.getInputStream());
        OutputStream out = s.getOutputStream();
        while (!srv.closed()) {
            String line = in.line();
            if (line == null) return;
            if (line.isEmpty()) continue;
            int sp1 = line.indexOf(' ');
            if (sp1 < 0) return;
            String method = line.substring(0, sp1);
            boolean http10 = line.endsWith("HTTP/1.0");
            long length = -1;
            boolean chunked = false, close = http10, expect = false;
            String target = null, authorization = null;
            String h;
            while ((h = in.line()) != null && !h.isEmpty()) {
                int colon = h.indexOf(':');
                if (colon <= 0) continue;
                String name = h.substring(0, colon).trim().toLowerCase(Locale.ROOT);
                String value = h.substring(colon + 1).trim();
                switch (name) {
                    case "content-length": length = Long.parseLong(value); break;
                    case "transfer-encoding": chunked = value.toLowerCase(Locale.ROOT).contains("chunked"); break;
                    case "connection":
                        if (value.equalsIgnoreCase("close")) close = true;
                        else if (value.equalsIgnoreCase("keep-alive")) close = false;
                        break;
                    case "expect": expect = value.equalsIgnoreCase("100-continue"); break;
                    case "x-amz-target": target = value; break;
                    case "authorization": authorization = value; break;
                    default:
                }
            }
            if (h == null) return;
            if (length > MAX_BODY) return;
            if (expect) {
                out.write("HTTP/1.1 100 Continue\r\n\r\n".getBytes(StandardCharsets.ISO_8859_1));
                out.flush();
            }
            byte[] body = chunked ? in.chunked(MAX_BODY) : in.bytes(length < 0 ? 0 : (int) length);
            if (body == null || body.length > MAX_BODY) return;
            HttpFront.Answer a = front.handle(method, target, authorization, body);
            if (a.drop()) return;
            write(out, a, close);
            if (close) return;
        }
    }

    private void write(OutputStream out, HttpFront.Answer a, boolean close) throws IOException {
        CRC32 crc = new CRC32();
        crc.update(a.body());
        String head = "HTTP/1.1 " + a.status() + " " + Http11Reader.reason(a.status()) + "\r\n"
                + "Content-Type: " + a.contentType() + "\r\n"
                + "Content-Length: " + a.body().length + "\r\n"
                + "x-amzn-RequestId: " + Long.toHexString(requestIds.incrementAndGet()) + "\r\n"
                + "x-amz-crc32: " + crc.getValue() + "\r\n"
                + (close ? "Connection: close\r\n" : "")
                + "\r\n";
        byte[] hb = head.getBytes(StandardCharsets.ISO_8859_1);
        byte[] all = new byte[hb.length + a.body().length];
        System.arraycopy(hb, 0, all, 0, hb.length);
        System.arraycopy(a.body(), 0, all, hb.length, a.body().length);
        out.write(all);
        out.flush();
    }

    @Override
    public void close() {
        server.close();
    }
}
