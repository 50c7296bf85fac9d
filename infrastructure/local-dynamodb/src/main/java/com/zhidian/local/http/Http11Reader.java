package com.zhidian.local.http;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;

/** Unsynchronised buffered reader of HTTP/1.1 request lines, headers and bodies (Content-Length or chunked). */
public final class Http11Reader {
    /** The longest request line or header line accepted. */
    public static final int MAX_LINE = 65536;
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

    /** Exactly n bytes; null when the stream ends first. */
    public byte[] bytes(int n) throws IOException {
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
    public byte[] chunked(int max) throws IOException {
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

    /** The reason phrase of a status code. */
    public static String reason(int status) {
        switch (status) {
            case 100: return "Continue";
            case 200: return "OK";
            case 201: return "Created";
            case 202: return "Accepted";
            case 204: return "No Content";
            case 301: return "Moved Permanently";
            case 302: return "Found";
            case 304: return "Not Modified";
            case 400: return "Bad Request";
            case 401: return "Unauthorized";
            case 403: return "Forbidden";
            case 404: return "Not Found";
            case 405: return "Method Not Allowed";
            case 409: return "Conflict";
            case 412: return "Precondition Failed";
            case 413: return "Payload Too Large";
            case 415: return "Unsupported Media Type";
            case 422: return "Unprocessable Content";
            case 429: return "Too Many Requests";
            case 500: return "Internal Server Error";
            case 502: return "Bad Gateway";
            case 503: return "Service Unavailable";
            case 504: return "Gateway Timeout";
            default: return status < 300 ? "OK" : status < 400 ? "Redirect" : status < 500 ? "Client Error" : "Server Error";
        }
    }
}
