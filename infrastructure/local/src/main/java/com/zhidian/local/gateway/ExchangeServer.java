package com.zhidian.local.gateway;

import com.sun.net.httpserver.HttpHandler;
import com.zhidian.local.http.ConnectionServer;
import com.zhidian.local.http.Http11Reader;
import com.zhidian.local.http.Http11Writer;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;

/**
 * The gateway's HTTP/1.1 server: a thread per keep-alive connection reads a request, calls the handler with a
 * {@link BufferedExchange} and writes the whole answer at once (Content-Length or chunked request bodies,
 * Expect: 100-continue, HTTP/1.0, Connection: close). Hand-written over {@link ConnectionServer} because the
 * JDK's {@code HttpServer} spent 140 of the gateway's 176 µs per request writing the answer (bench/README.md),
 * and a servlet container would be a second, larger stand-in for the same few lines.
 */
final class ExchangeServer implements AutoCloseable {
    private final ConnectionServer server;
    private final HttpHandler handler;
    private final int maxBody;

    /** {@code maxBody}: a longer body is handed over cut to {@code maxBody + 1} bytes and the connection closed after. */
    ExchangeServer(String host, int port, int backlog, int maxBody, HttpHandler handler) throws IOException {
        this.handler = handler;
        this.maxBody = maxBody;
        server = new ConnectionServer(host, port, backlog, "gateway", this::serve);
    }

    int port() { return server.port(); }

    private void serve(Socket s, ConnectionServer srv) throws IOException {
        Http11Reader in = new Http11Reader(s.getInputStream());
        OutputStream out = s.getOutputStream();
        InetSocketAddress local = (InetSocketAddress) s.getLocalSocketAddress();
        InetSocketAddress remote = (InetSocketAddress) s.getRemoteSocketAddress();
        while (!srv.closed()) {
            Http11Reader.Head head;
            URI uri;
            try {
                head = in.head();
                if (head == null) return;
                uri = new URI(head.target());
            } catch (Http11Reader.BadRequest | URISyntaxException e) {
                badRequest(out);
                return;
            }
            Http11Writer.continueIfExpected(head, out);
            byte[] body = in.body(head, maxBody);
            if (body == null) return;
            boolean close = head.close() || body.length > maxBody; // a longer body stays unread
            BufferedExchange ex = new BufferedExchange(head.method(), uri, head.protocol(), head.headers(),
                    new ByteArrayInputStream(body), local, remote, out, close);
            try {
                handler.handle(ex);
            } catch (IOException | RuntimeException e) {
                e.printStackTrace();
            } finally {
                ex.close();
            }
            if (close) return;
        }
    }

    private static void badRequest(OutputStream out) throws IOException {
        out.write("HTTP/1.1 400 Bad Request\r\nContent-Length: 0\r\nConnection: close\r\n\r\n".getBytes(StandardCharsets.ISO_8859_1));
        out.flush();
    }

    @Override
    public void close() {
        server.close();
    }
}
