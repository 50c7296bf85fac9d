package com.zhidian.local.dynamodb;

import com.zhidian.local.http.Http11Server;
import com.zhidian.local.http.Http11Reader;
import com.zhidian.local.aws.AwsJson;

import java.io.IOException;
import java.io.OutputStream;
import java.net.Socket;
import java.util.concurrent.atomic.AtomicLong;
import java.util.zip.CRC32;

/**
 * The DynamoDB stand-in's HTTP/1.1 server ({@link Http11Server}: one thread per keep-alive connection, the whole
 * answer in one write, TCP_NODELAY) with the headers AWS SDK clients read: the request id and the body's CRC32.
 */
final class MiniHttpServer implements AutoCloseable {
    /** DynamoDB's largest request is far below this (a 100-item TransactWriteItems of 400 KB items is 40 MB at most). */
    private static final int MAX_BODY = 64 * 1024 * 1024;
    private final Http11Server server;
    private final HttpFront front;
    private final AtomicLong requestIds = new AtomicLong(System.nanoTime());

    MiniHttpServer(String host, int port, HttpFront front) throws IOException {
        this.front = front;
        server = new Http11Server(host, port, 512, "local-dynamodb-conn", MAX_BODY, this::answer);
    }

    int port() { return server.port(); }

    private boolean answer(Socket s, Http11Reader.Head head, byte[] body, boolean close, OutputStream out) throws IOException {
        if (body.length > MAX_BODY) return false;
        HttpFront.Answer a = front.handle(head.method(), head.headers().getFirst("X-Amz-Target"),
                head.headers().getFirst("Authorization"), body);
        if (a.drop()) return false;
        write(out, a, close);
        return true;
    }

    private void write(OutputStream out, HttpFront.Answer a, boolean close) throws IOException {
        CRC32 crc = new CRC32();
        crc.update(a.body());
        AwsJson.write(out, a.status(), a.contentType(), a.body(), Long.toHexString(requestIds.incrementAndGet()),
                null, crc.getValue(), close);
    }

    @Override
    public void close() {
        server.close();
    }
}
