package com.zhidian.local.gateway;

import com.sun.net.httpserver.Headers;
import com.sun.net.httpserver.HttpContext;
import com.sun.net.httpserver.HttpExchange;
import com.zhidian.local.http.Http11Writer;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.URI;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * An {@link HttpExchange} whose answer is buffered and written in one write when it is closed, on the thread
 * that read the request ({@link ExchangeServer}). The JDK's own server writes the headers and the body apart and
 * hands the connection back to its selector thread; on a loopback hop that was most of the gateway's overhead.
 */
final class BufferedExchange extends HttpExchange {
    private static final DateTimeFormatter HTTP_DATE = DateTimeFormatter.RFC_1123_DATE_TIME.withZone(ZoneOffset.UTC);
    private static volatile String date = "";
    private static volatile long dateSecond;

    private final String method;
    private final URI uri;
    private final String protocol;
    private final Headers requestHeaders;
    private final Headers responseHeaders = new Headers();
    private final InetSocketAddress local, remote;
    private final OutputStream socket;
    private final boolean closeAfter;
    private final Map<String, Object> attributes = new HashMap<>();
    private InputStream body;
    private final Body buffer = new Body();
    private OutputStream responseBody = buffer;
    private int code = -1;
    private boolean written;

    BufferedExchange(String method, URI uri, String protocol, Headers requestHeaders, InputStream body,
                     InetSocketAddress local, InetSocketAddress remote, OutputStream socket, boolean closeAfter) {
        this.method = method;
        this.uri = uri;
        this.protocol = protocol;
        this.requestHeaders = requestHeaders;
        this.body = body;
        this.local = local;
        this.remote = remote;
        this.socket = socket;
        this.closeAfter = closeAfter;
    }

    @Override public Headers getRequestHeaders() { return requestHeaders; }
    @Override public Headers getResponseHeaders() { return responseHeaders; }
    @Override public URI getRequestURI() { return uri; }
    @Override public String getRequestMethod() { return method; }
    /** No contexts: the gateway has one handler for every path. */
    @Override public HttpContext getHttpContext() { return null; }
    @Override public InputStream getRequestBody() { return body; }
    @Override public OutputStream getResponseBody() { return responseBody; }
    @Override public int getResponseCode() { return code; }
    @Override public InetSocketAddress getRemoteAddress() { return remote; }
    @Override public InetSocketAddress getLocalAddress() { return local; }
    @Override public String getProtocol() { return protocol; }
    @Override public Object getAttribute(String name) { return attributes.get(name); }
    @Override public void setAttribute(String name, Object value) { attributes.put(name, value); }
    @Override public com.sun.net.httpserver.HttpPrincipal getPrincipal() { return null; }

    @Override
    public void setStreams(InputStream i, OutputStream o) {
        if (i != null) body = i;
        if (o != null) responseBody = o;
    }

    /** Records the status; the length is not needed, the body is buffered ({@code -1}: no body, as the JDK's). */
    @Override
    public void sendResponseHeaders(int rCode, long responseLength) throws IOException {
        if (code >= 0) throw new IOException("headers already sent");
        if (rCode < 100 || rCode > 999) throw new IllegalArgumentException("bad status " + rCode);
        code = rCode;
    }

    /** Writes the answer (a 500 when the handler sent none), once. */
    @Override
    public void close() {
        if (written) return;
        written = true;
        try {
            responseBody.flush();
            if (code < 0) {
                code = 500;
                buffer.reset();
            }
            boolean noBody = code < 200 || code == 204 || code == 304;
            Http11Writer.write(socket, head(noBody), buffer.bytes(), noBody ? 0 : buffer.size());
        } catch (IOException e) {
            // the client went away; the server sees the closed socket on its next read
        }
    }

    private String head(boolean noBody) {
        StringBuilder head = new StringBuilder(256);
        head.append(Http11Writer.statusLine(code));
        head.append("Date: ").append(now()).append("\r\n");
        for (Map.Entry<String, List<String>> h : responseHeaders.entrySet()) {
            String name = h.getKey();
            if (name.equalsIgnoreCase("Content-Length") || name.equalsIgnoreCase("Transfer-Encoding")) continue;
            for (String v : h.getValue()) head.append(name).append(": ").append(v).append("\r\n");
        }
        if (!noBody) head.append("Content-Length: ").append(buffer.size()).append("\r\n");
        if (closeAfter) head.append("Connection: close\r\n");
        return head.append("\r\n").toString();
    }

    /** The body as written so far, joined to the head without a copy of its own. */
    private static final class Body extends ByteArrayOutputStream {
        byte[] bytes() { return buf; }
    }

    /** The Date header, formatted once a second. */
    private static String now() {
        long s = System.currentTimeMillis() / 1000;
        if (s != dateSecond) {
            date = HTTP_DATE.format(ZonedDateTime.now(ZoneOffset.UTC));
            dateSecond = s;
        }
        return date;
    }
}
