package com.zhidian.local.gateway;

import com.zhidian.local.http.Http11Server;
import com.zhidian.local.http.Http11Reader;
import com.zhidian.local.http.Http11Writer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URI;
import java.net.URISyntaxException;

/**
 * The gateway's HTTP/1.1 server: a thread per keep-alive connection reads a request, calls the handler with a
 * {@link BufferedExchange} and writes the whole answer at once (Content-Length or chunked request bodies,
 * Expect: 100-continue, HTTP/1.0, Connection: close). Hand-written over {@link Http11Server} because the
 * JDK's {@code HttpServer} spent 140 of the gateway's 176 µs per request writing the answer (bench/README.md),
 * and a servlet container would be a second, larger stand-in for the same few lines.
 */
final class ExchangeServer implements AutoCloseable {
    /** Sets the exchange's answer; the server writes it when the handler returns. */
    interface Handler {
        void handle(BufferedExchange exchange) throws IOException;
    }

    private final Http11Server server;
    private final Handler handler;

    /** {@code maxBody}: a longer body is handed over cut to {@code maxBody + 1} bytes and the connection closed after. */
    ExchangeServer(String host, int port, int backlog, int maxBody, Handler handler) throws IOException {
        this.handler = handler;
        server = new Http11Server(host, port, backlog, "gateway", maxBody, this::answer);
    }

    int port() { return server.port(); }

    private boolean answer(Socket s, Http11Reader.Head head, byte[] body, boolean close, OutputStream out) throws IOException {
        URI uri;
        try {
            uri = new URI(head.target());
        } catch (URISyntaxException e) {
            Http11Writer.refuse(out, 400);
            return false;
        }
        BufferedExchange ex = new BufferedExchange(head.method(), uri, head.protocol(), head.headers(), body,
                (InetSocketAddress) s.getRemoteSocketAddress(), out, close);
        try {
            handler.handle(ex);
        } catch (IOException | RuntimeException e) {
            e.printStackTrace();
        } finally {
            ex.close();
        }
        return true;
    }

    @Override
    public void close() {
        server.close();
    }
}
