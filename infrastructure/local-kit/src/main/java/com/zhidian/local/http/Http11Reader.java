package com.zhidian.local.http;

import com.sun.net.httpserver.Headers;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Locale;

/**
 * Unsynchronised buffered reader of HTTP/1.1 requests: the request line, the header fields and the body
 * (Content-Length or chunked), framed by RFC 9112's rules. A request whose framing is ambiguous is refused with
 * a {@link BadRequest} carrying the status to answer before the connection is closed, because a server that
 * guessed would read the rest of the bytes as a second, smuggled request (RFC 9112 §11.2).
 */
public final class Http11Reader {
    /** The longest request line: longer is 414 URI Too Long (RFC 9112 §3). */
    static final int MAX_REQUEST_LINE = 64 * 1024;
    /** The most bytes of header fields (and of chunked trailers): more is 431 (RFC 6585 §5). */
    static final int MAX_HEADER_BYTES = 64 * 1024;
    /** As the JDK's server (sun.net.httpserver.maxReqHeaders): more header fields than this is 431 too. */
    private static final int MAX_HEADERS = 200;
    /** The longest chunk-size line, extensions included. */
    private static final int MAX_CHUNK_LINE = 4096;
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

    /**
     * The next line without its CRLF (or bare LF, RFC 9112 §2.2); null when the stream ends first. Longer than
     * {@code max}: a {@link BadRequest} with {@code status}, the rest of the line unread.
     */
    private String line(int max, int status) throws IOException {
        StringBuilder sb = null;
        while (true) {
            if (pos >= lim && !fill()) return null;
            int start = pos;
            while (pos < lim && buf[pos] != '\n') pos++;
            int had = sb == null ? 0 : sb.length();
            if (pos < lim) {
                int end = pos++;
                if (sb == null) {
                    if (end > start && buf[end - 1] == '\r') end--;
                    if (end - start > max) throw new BadRequest(status, "line too long");
                    return new String(buf, start, end - start, StandardCharsets.ISO_8859_1);
                }
                sb.append(new String(buf, start, end - start, StandardCharsets.ISO_8859_1));
                int n = sb.length();
                if (n > 0 && sb.charAt(n - 1) == '\r') sb.setLength(n - 1);
                if (sb.length() > max) throw new BadRequest(status, "line too long");
                return sb.toString();
            }
            // +1: the CR of a CRLF split across two reads
            if (had + (lim - start) > max + 1) throw new BadRequest(status, "line too long");
            if (sb == null) sb = new StringBuilder();
            sb.append(new String(buf, start, lim - start, StandardCharsets.ISO_8859_1));
        }
    }

    /** A request line and its headers, with what framing and keep-alive need already read from them. */
    public record Head(String method, String target, String protocol, Headers headers, long contentLength,
                       boolean chunked, boolean close, boolean expectContinue) {}

    /**
     * A request that cannot be read safely: {@link #status} is the answer (400, 414, 431 or 501), after which the
     * connection is closed (RFC 9112 §6.3: the framing is unknown, so nothing after it can be trusted).
     */
    public static final class BadRequest extends IOException {
        public final int status;

        BadRequest(int status, String message) {
            super(message);
            this.status = status;
        }
    }

    /** The next request's line and headers (blank lines before it skipped); null when the stream ends first. */
    public Head head() throws IOException {
        String line;
        do {
            line = line(MAX_REQUEST_LINE, 414);
            if (line == null) return null;
        } while (line.isEmpty());
        String[] parts = line.split(" ");
        if (parts.length != 3 || !token(parts[0]) || parts[1].isEmpty() || !version(parts[2])) {
            throw new BadRequest(400, "bad request line");
        }
        boolean http10 = parts[2].equals("HTTP/1.0");
        Headers headers = new Headers();
        long length = -1;
        int hosts = 0, chunkedCodings = 0;
        boolean transferEncoding = false, unknownCoding = false;
        boolean close = http10, expect = false;
        int count = 0, budget = MAX_HEADER_BYTES;
        String h;
        while ((h = line(Math.max(budget, 0), 431)) != null && !h.isEmpty()) {
            budget -= h.length() + 2;
            if (++count > MAX_HEADERS) throw new BadRequest(431, "too many header fields");
            int colon = h.indexOf(':');
            // RFC 9112 §5.1: no whitespace before the colon; §5.2: obsolete line folding refused
            if (colon <= 0 || !token(h, colon)) throw new BadRequest(400, "bad header field");
            String name = h.substring(0, colon);
            String value = ows(h, colon + 1);
            if (!fieldValue(value)) throw new BadRequest(400, "bad header field value");
            headers.add(name, value);
            switch (name.toLowerCase(Locale.ROOT)) {
                case "content-length" -> {
                    long n = contentLength(value);
                    if (length >= 0 && n != length) throw new BadRequest(400, "differing Content-Length values");
                    length = n;
                }
                case "transfer-encoding" -> {
                    transferEncoding = true;
                    for (String coding : value.split(",")) {
                        String c = coding.trim();
                        if (c.isEmpty()) continue;
                        if (c.equalsIgnoreCase("chunked")) chunkedCodings++;
                        else unknownCoding = true;
                    }
                }
                case "host" -> hosts++;
                case "connection" -> {
                    if (hasToken(value, "close")) close = true;
                    else if (hasToken(value, "keep-alive")) close = false;
                }
                case "expect" -> expect = value.equalsIgnoreCase("100-continue");
                default -> { }
            }
        }
        if (h == null) return null; // the stream ended mid-head
        // RFC 9112 §3.2: an HTTP/1.1 request has exactly one Host
        if (!http10 && hosts != 1 || hosts > 1) throw new BadRequest(400, "missing or repeated Host");
        if (transferEncoding) {
            // §6.1: a coding the server does not implement is 501; chunked is applied once, and last
            if (unknownCoding) throw new BadRequest(501, "unsupported transfer coding");
            if (chunkedCodings != 1) throw new BadRequest(400, "bad Transfer-Encoding");
            // §6.1: Transfer-Encoding with Content-Length, or in HTTP/1.0, is a smuggling attempt or faulty framing
            if (length >= 0) throw new BadRequest(400, "both Transfer-Encoding and Content-Length");
            if (http10) throw new BadRequest(400, "Transfer-Encoding in HTTP/1.0");
        }
        return new Head(parts[0], parts[1], parts[2], headers, length, transferEncoding, close, expect);
    }

    /**
     * RFC 9112 §6.3: 1*DIGIT, or a list of the same value ("42, 42"); anything else is 400. Read in place, as every
     * request carries one.
     */
    private static long contentLength(String value) throws BadRequest {
        long n = -1, k = 0;
        int digits = 0;
        for (int i = 0; i <= value.length(); i++) {
            char c = i == value.length() ? ',' : value.charAt(i);
            if (c >= '0' && c <= '9') {
                if (++digits > 18) throw new BadRequest(400, "bad Content-Length");
                k = k * 10 + (c - '0');
            } else if (c == ',') {
                if (digits == 0) throw new BadRequest(400, "bad Content-Length");
                if (n >= 0 && k != n) throw new BadRequest(400, "differing Content-Length values");
                n = k;
                k = 0;
                digits = 0;
            } else if (c != ' ' && c != '\t' || digits > 0 && i + 1 < value.length() && isDigit(value.charAt(i + 1))) {
                throw new BadRequest(400, "bad Content-Length"); // a sign, a letter, or a space inside a number
            }
        }
        return n;
    }

    private static boolean isDigit(char c) { return c >= '0' && c <= '9'; }

    /** RFC 9110 §5.6.2's token: what a method and a field name are made of. */
    private static boolean token(String s) { return !s.isEmpty() && token(s, s.length()); }

    private static boolean token(String s, int end) {
        for (int i = 0; i < end; i++) {
            char c = s.charAt(i);
            boolean ok = c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9'
                    || c < 127 && c > 32 && "!#$%&'*+-.^_`|~".indexOf(c) >= 0;
            if (!ok) return false;
        }
        return true;
    }

    /** HTTP/1.x with a digit for x (RFC 9112 §2.3). */
    private static boolean version(String v) {
        return v.length() == 8 && v.startsWith("HTTP/1.") && isDigit(v.charAt(7));
    }

    /** The field value after {@code from} without the optional whitespace (SP, HTAB) around it. */
    private static String ows(String h, int from) {
        int b = from, e = h.length();
        while (b < e && (h.charAt(b) == ' ' || h.charAt(b) == '\t')) b++;
        while (e > b && (h.charAt(e - 1) == ' ' || h.charAt(e - 1) == '\t')) e--;
        return h.substring(b, e);
    }

    /** RFC 9110 §5.5: a field value holds no CR, LF or NUL (nor other controls than HTAB). */
    private static boolean fieldValue(String v) {
        for (int i = 0; i < v.length(); i++) {
            char c = v.charAt(i);
            if (c < 32 && c != '\t' || c == 127) return false;
        }
        return true;
    }

    /** Whether a comma-separated list holds {@code token}, in any case. */
    private static boolean hasToken(String list, String token) {
        if (list.equalsIgnoreCase(token)) return true;
        if (list.indexOf(',') < 0) return false;
        for (String t : list.split(",")) if (t.trim().equalsIgnoreCase(token)) return true;
        return false;
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
     * A chunked body (RFC 9112 §7.1), trailers skipped; null when the stream ends first. More than {@code max}
     * bytes: the first {@code max + 1} bytes, the rest unread (the caller answers and closes the connection).
     */
    private byte[] chunked(int max) throws IOException {
        ByteArrayOutputStream bo = new ByteArrayOutputStream();
        while (true) {
            String size = line(MAX_CHUNK_LINE, 400);
            if (size == null) return null;
            int n = chunkSize(size);
            if (n == 0) {
                int budget = MAX_HEADER_BYTES;
                String l;
                while ((l = line(Math.max(budget, 0), 431)) != null && !l.isEmpty()) budget -= l.length() + 2; // trailers
                return l == null ? null : bo.toByteArray();
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
            String end = line(0, 400); // the chunk's data ends with CRLF and nothing else
            if (end == null) return null;
        }
    }

    /** chunk-size = 1*HEXDIG, optionally followed by ;extensions. */
    private static int chunkSize(String line) throws BadRequest {
        int semi = line.indexOf(';');
        String hex = (semi >= 0 ? line.substring(0, semi) : line).trim();
        int first = 0;
        while (first < hex.length() - 1 && hex.charAt(first) == '0') first++;
        if (hex.isEmpty() || hex.length() - first > 7) throw new BadRequest(400, "bad chunk size");
        int n = 0;
        for (int i = first; i < hex.length(); i++) {
            int d = Character.digit(hex.charAt(i), 16);
            if (d < 0) throw new BadRequest(400, "bad chunk size");
            n = n * 16 + d;
        }
        return n;
    }
}
