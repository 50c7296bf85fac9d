package com.zhidian.local.gateway;

import com.sun.net.httpserver.Headers;
import com.sun.net.httpserver.HttpHandler;
import com.zhidian.local.http.ConnectionServer;
import com.zhidian.local.http.Http11Reader;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.util.Locale;

/**
 * The gateway's HTTP/1.1 server: a thread per keep-alive connection reads a request, calls the handler with a
 * {@link BufferedExchange} and writes the whole answer at once (Content-Length or chunked request bodies,
 * Expect: 100-continue, HTTP/1.0, Connection: close). Hand-written over {@link ConnectionServer} because the
 * JDK's {@code HttpServer} spent 140 of the gateway's 176 µs per request writing the answer (bench/README.md),
 * and a servlet container would be a second, larger stand-in for the same few lines.
 */
final class ExchangeServer implements AutoCloseable {
    /** As the JDK's server (sun.net.httpserver.maxReqHeaders): more headers than this is a bad request. */
    private static final int MAX_HEADERS = 200;
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

    InetSocketAddress address() { return server.address(); }

    private void serve(Socket s, ConnectionServer srv) throws IOException {
        Http11Reader in = new Http11Reader(s.getInputStream());
        OutputStream out = s.getOutputStream();
        InetSocketAddress local = (InetSocketAddress) s.getLocalSocketAddress();
        InetSocketAddress remote = (InetSocketAddress) s.getRemoteSocketAddress();
        while (!srv.closed()) {
            String line = in.line();
            if (line == null) return;
            if (line.isEmpty()) continue;
            String[] parts = line.split(" ");
            if (parts.length != 3 || !parts[2].startsWith("HTTP/1.")) {
                badRequest(out);
                return;
            }
            String protocol = parts[2];
            boolean close = protocol.equals("HTTP/1.0");
            Headers headers = new Headers();
            long length = -1;
            boolean chunked = false, expect = false;
            String h;
            int count = 0;
            while ((h = in.line()) != null && !h.isEmpty()) {
                int colon = h.indexOf(':');
                if (colon <= 0 || ++count > MAX_HEADERS) {
                    badRequest(out);
                    return;
                }
                String name = h.substring(0, colon).trim();
                String value = h.substring(colon + 1).trim();
                headers.add(name, value);
                switch (name.toLowerCase(Locale.ROOT)) {
                    case "content-length":
                        try {
                            length = Long.parseLong(value);
                        } catch (NumberFormatException e) {
                            length = -2;
                        }
                        break;
                    case "transfer-encoding": chunked = value.toLowerCase(Locale.ROOT).contains("chunked"); break;
                    case "connection":
                        if (value.equalsIgnoreCase("close")) close = true;
                        else if (value.equalsIgnoreCase("keep-alive")) close = false;
                        break;
                    case "expect": expect = value.equalsIgnoreCase("100-continue"); break;
                    default:
                }
            }
            if (h == null) return;
            URI uri;
            try {
                uri = new URI(parts[1]);
            } catch (URISyntaxException e) {
                badRequest(out);
                return;
            }
            if (length < -1) {
                badRequest(out);
                return;
            }
            if (expect) {
                out.write("HTTP/1.1 100 Continue\r\n\r\n".getBytes(StandardCharsets.ISO_8859_1));
                out.flush();
            }
            byte[] body = chunked ? in.chunked(maxBody) : in.bytes((int) Math.min(Math.max(length, 0), maxBody + 1L));
            if (body == null) return;
            if (body.length > maxBody) close = true; // the rest of the body stays unread
            BufferedExchange ex = new BufferedExchange(parts[0], uri, protocol, headers, new ByteArrayInputStream(body),
                    local, remote, out, close);
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
