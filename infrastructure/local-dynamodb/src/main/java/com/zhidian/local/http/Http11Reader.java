package com.zhidian.local.http;

import com.sun.net.httpserver.Headers;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Locale;

/** Unsynchronised buffered reader of HTTP/1.1 request lines, headers and bodies (Content-Length or chunked). */
public final class Http11Reader {
    /** The longest request line or header line accepted. */
    private static final int MAX_LINE = 65536;
    /** As the JDK's server (sun.net.httpserver.maxReqHeaders): more headers than this is a bad request. */
    private static final int MAX_HEADERS = 200;
    private final InputStream in;
    private final byte[] buf = new byte[16 * 1024];
    private int pos, lim;

    public Http11Reader(InputStream in) { this.in = in; }

    private boolean fill() throws IOException {
        pos = 0;
        lim = in.read(buf, 0, buf.length);
        if (lim < 0) { lim = 0; return false; }
        return true;
    }

    /** The next line without its CRLF (or LF); null at the end of the stream. */
    public String line() throws IOException {
        StringBuilder sb = null;
        while (true) {
            if (pos >= lim && !fill()) return sb == null || sb.length() == 0 ? null : sb.toString();
            int start = pos;
            while (pos < lim && buf[pos] != '\n') pos++;
            if (pos < lim) {
                int end = pos++;
                if (sb == null) {
                    if (end > start && buf[end - 1] == '\r') end--;
                    return new String(buf, start, end - start, StandardCharsets.ISO_8859_1);
                }
                sb.append(new String(buf, start, end - start, StandardCharsets.ISO_8859_1));
                int n = sb.length();
                if (n > 0 && sb.charAt(n - 1) == '\r') sb.setLength(n - 1);
                return sb.toString();
            }
            if (sb == null) sb = new StringBuilder();
            sb.append(new String(buf, start, lim - start, StandardCharsets.ISO_8859_1));
            if (sb.length() > MAX_LINE) throw new IOException("header line too long");
        }
    }

    /** A request line and its headers, with what framing and keep-alive need already read from them. */
    public record Head(String method, String target, String protocol, Headers headers, long contentLength,
                       boolean chunked, boolean close, boolean expectContinue) {}

    /** A request that is not HTTP/1.x: a bad request line or header, too many headers, a bad Content-Length. */
    public static final class BadRequest extends IOException {
        BadRequest(String message) { super(message); }
    }

    /** The next request's line and headers (blank lines before it skipped); null when the stream ends first. */
    public Head head() throws IOException {
        String line;
        do {
            line = line();
            if (line == null) return null;
        } while (line.isEmpty());
        String[] parts = line.split(" ");
        if (parts.length != 3 || !parts[2].startsWith("HTTP/1.")) throw new BadRequest("bad request line");
        Headers headers = new Headers();
        long length = -1;
        boolean chunked = false, close = parts[2].equals("HTTP/1.0"), expect = false;
        int count = 0;
        String h;
        while ((h = line()) != null && !h.isEmpty()) {
            int colon = h.indexOf(':');
            if (colon <= 0 || ++count > MAX_HEADERS) throw new BadRequest("bad header");
            String name = h.substring(0, colon).trim();
            String value = h.substring(colon + 1).trim();
            headers.add(name, value);
            switch (name.toLowerCase(Locale.ROOT)) {
                case "content-length": length = contentLength(value); break;
                case "transfer-encoding": chunked = value.toLowerCase(Locale.ROOT).contains("chunked"); break;
                case "connection":
                    if (value.equalsIgnoreCase("close")) close = true;
                    else if (value.equalsIgnoreCase("keep-alive")) close = false;
                    break;
                case "expect": expect = value.equalsIgnoreCase("100-continue"); break;
                default:
            }
        }
        if (h == null) return null; // the stream ended mid-head
        return new Head(parts[0], parts[1], parts[2], headers, length, chunked, close, expect);
    }

    private static long contentLength(String value) throws BadRequest {
        try {
            long n = Long.parseLong(value);
            if (n >= 0) return n;
        } catch (NumberFormatException e) {
            // below
        }
        throw new BadRequest("bad Content-Length");
    }

    /**
     * The body the head announces; null when the stream ends first. More than {@code max} bytes: the first
     * {@code max + 1}, the rest unread (the caller answers and closes the connection).
     */
    public byte[] body(Head head, int max) throws IOException {
        return head.chunked() ? chunked(max) : bytes((int) Math.min(Math.max(head.contentLength(), 0), max + 1L));
    }

    /** Exactly n bytes; null when the stream ends first. */
    private byte[] bytes(int n) throws IOException {
        byte[] b = new byte[n];
        int off = 0;
        while (off < n) {
            if (pos >= lim && !fill()) return null;
            int k = Math.min(n - off, lim - pos);
            System.arraycopy(buf, pos, b, off, k);
            pos += k;
            off += k;
        }
        return b;
    }

    /**
     * A chunked body, trailers skipped; null when the stream ends first. More than {@code max} bytes: the first
     * {@code max + 1} bytes, the rest unread (the caller answers and closes the connection).
     */
    private byte[] chunked(int max) throws IOException {
        ByteArrayOutputStream bo = new ByteArrayOutputStream();
        while (true) {
            String size = line();
            if (size == null) return null;
            int semi = size.indexOf(';');
            int n;
            try {
                n = Integer.parseInt((semi >= 0 ? size.substring(0, semi) : size).trim(), 16);
            } catch (NumberFormatException e) {
                throw new IOException("bad chunk size: " + size);
            }
            if (n < 0) throw new IOException("bad chunk size: " + size);
            if (n == 0) {
                String l;
                while ((l = line()) != null && !l.isEmpty()) { /* trailers */ }
                return bo.toByteArray();
            }
            if (bo.size() + (long) n > max) {
                byte[] part = bytes(max + 1 - bo.size());
                if (part == null) return null;
                bo.write(part);
                return bo.toByteArray();
            }
            byte[] b = bytes(n);
            if (b == null) return null;
            bo.write(b);
            line();
        }
    }
}
