package com.zhidian.local.dynamodb;

import com.zhidian.local.http.ConnectionServer;
import com.zhidian.local.http.Http11Reader;
import com.zhidian.local.http.Http11Writer;

import java.io.IOException;
import java.io.OutputStream;
import java.net.Socket;
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
            Http11Reader.Head head;
            try {
                head = in.head();
            } catch (Http11Reader.BadRequest e) {
                return; // not what an SDK sends: drop the connection
            }
            if (head == null || head.contentLength() > MAX_BODY) return;
            Http11Writer.continueIfExpected(head, out);
            byte[] body = in.body(head, MAX_BODY);
            if (body == null || body.length > MAX_BODY) return;
            HttpFront.Answer a = front.handle(head.method(), head.headers().getFirst("X-Amz-Target"),
                    head.headers().getFirst("Authorization"), body);
            if (a.drop()) return;
            write(out, a, head.close());
            if (head.close()) return;
        }
    }

    private void write(OutputStream out, HttpFront.Answer a, boolean close) throws IOException {
        CRC32 crc = new CRC32();
        crc.update(a.body());
        String head = Http11Writer.statusLine(a.status())
                + "Content-Type: " + a.contentType() + "\r\n"
                + "Content-Length: " + a.body().length + "\r\n"
                + "x-amzn-RequestId: " + Long.toHexString(requestIds.incrementAndGet()) + "\r\n"
                + "x-amz-crc32: " + crc.getValue() + "\r\n"
                + (close ? "Connection: close\r\n" : "")
                + "\r\n";
        Http11Writer.write(out, head, a.body(), a.body().length);
    }

    @Override
    public void close() {
        server.close();
    }
}
