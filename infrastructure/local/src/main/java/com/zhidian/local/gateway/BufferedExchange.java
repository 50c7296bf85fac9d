package com.zhidian.local.gateway;

import com.sun.net.httpserver.Headers;
import com.zhidian.local.http.Http11Writer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.URI;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Map;

/**
 * One request to the gateway and its answer, which is held until {@link #close()} writes it in one write on the
 * thread that read the request ({@link ExchangeServer}): on a loopback hop a second write is a second wake-up of
 * the reader.
 */
final class BufferedExchange implements AutoCloseable {
    private static final DateTimeFormatter HTTP_DATE = DateTimeFormatter.RFC_1123_DATE_TIME.withZone(ZoneOffset.UTC);
    private static final byte[] NONE = new byte[0];
    private static volatile String date = "";
    private static volatile long dateSecond;

    private final String method;
    private final URI uri;
    private final String protocol;
    private final Headers requestHeaders;
    private final Headers responseHeaders = new Headers();
    private final byte[] body;
    private final InetSocketAddress remote;
    private final OutputStream socket;
    private final boolean closeAfter;
    private int status = -1;
    private byte[] answer = NONE;
    private boolean written;

    /** {@code body}: the request's, whole (or cut one byte past the gateway's limit). */
    BufferedExchange(String method, URI uri, String protocol, Headers requestHeaders, byte[] body, InetSocketAddress remote,
                     OutputStream socket, boolean closeAfter) {
        this.method = method;
        this.uri = uri;
        this.protocol = protocol;
        this.requestHeaders = requestHeaders;
        this.body = body;
        this.remote = remote;
        this.socket = socket;
        this.closeAfter = closeAfter;
    }

    String method() { return method; }

    URI uri() { return uri; }

    /** {@code HTTP/1.1} or {@code HTTP/1.0}. */
    String protocol() { return protocol; }

    Headers requestHeaders() { return requestHeaders; }

    Headers responseHeaders() { return responseHeaders; }

    byte[] body() { return body; }

    InetSocketAddress remoteAddress() { return remote; }

    /** Sets the answer; a 1xx, 204 or 304 has no body whatever is given. */
    void answer(int status, byte[] body) throws IOException {
        if (this.status >= 0) throw new IOException("the answer is already set");
        if (status < 100 || status > 999) throw new IllegalArgumentException("bad status " + status);
        this.status = status;
        this.answer = body;
    }

    /** Writes the answer (a 500 when none was set), once. */
    @Override
    public void close() {
        if (written) return;
        written = true;
        if (status < 0) {
            status = 500;
            answer = NONE;
        }
        boolean noBody = status < 200 || status == 204 || status == 304;
        try {
            Http11Writer.write(socket, head(noBody), answer, noBody ? 0 : answer.length);
        } catch (IOException e) {
            // the client went away; the server sees the closed socket on its next read
        }
    }

    private String head(boolean noBody) {
        StringBuilder head = new StringBuilder(256);
        head.append(Http11Writer.statusLine(status));
        head.append("Date: ").append(now()).append("\r\n");
        for (Map.Entry<String, List<String>> h : responseHeaders.entrySet()) {
            String name = h.getKey();
            if (name.equalsIgnoreCase("Content-Length") || name.equalsIgnoreCase("Transfer-Encoding")) continue;
            for (String v : h.getValue()) head.append(name).append(": ").append(v).append("\r\n");
        }
        if (!noBody) head.append("Content-Length: ").append(answer.length).append("\r\n");
        if (closeAfter) head.append("Connection: close\r\n");
        return head.append("\r\n").toString();
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
