package com.zhidian.local.dynamodb;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.SocketException;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.zip.CRC32;

/**
 * A small HTTP/1.1 server for the JSON protocol: one thread per keep-alive connection, the whole answer in one write,
 * TCP_NODELAY. It understands what AWS SDK clients send (Content-Length or chunked bodies, Expect: 100-continue,
 * keep-alive, Connection: close).
 */
final class MiniHttpServer implements AutoCloseable {
    private final ServerSocket server;
    private final HttpFront front;
    private final Set<Socket> open = ConcurrentHashMap.newKeySet();
    private final Thread acceptor;
    private final AtomicLong requestIds = new AtomicLong(System.nanoTime());
    private volatile boolean closed;

    MiniHttpServer(String host, int port, HttpFront front) throws IOException {
        this.front = front;
        server = new ServerSocket();
        server.setReuseAddress(true);
        server.bind(new InetSocketAddress(InetAddress.getByName(host), port), 512);
        acceptor = new Thread(this::acceptLoop, "local-dynamodb-accept-" + server.getLocalPort());
        acceptor.setDaemon(true);
        acceptor.start();
    }

    int port() { return server.getLocalPort(); }

    private void acceptLoop() {
        while (!closed) {
            try {
                Socket s = server.accept();
                s.setTcpNoDelay(true);
                open.add(s);
                Thread t = new Thread(() -> serve(s), "local-dynamodb-conn");
                t.setDaemon(true);
                t.start();
            } catch (IOException e) {
                if (closed) return;
            }
        }
    }

    private void serve(Socket s) {
        try (s) {
            Reader in = new Reader(s.getInputStream());
            OutputStream out = s.getOutputStream();
            while (!closed) {
                String line = readLine(in);
                if (line == null) return;
                if (line.isEmpty()) continue;
                int sp1 = line.indexOf(' ');
                if (sp1 < 0) return;
                String method = line.substring(0, sp1);
                boolean http10 = line.endsWith("HTTP/1.0");
                long length = -1;
                boolean chunked = false, close = http10, expect = false;
                String target = null, authorization = null;
                String h;
                while ((h = readLine(in)) != null && !h.isEmpty()) {
                    int colon = h.indexOf(':');
                    if (colon <= 0) continue;
                    String name = h.substring(0, colon).trim().toLowerCase(Locale.ROOT);
                    String value = h.substring(colon + 1).trim();
                    switch (name) {
                        case "content-length": length = Long.parseLong(value); break;
                        case "transfer-encoding": chunked = value.toLowerCase(Locale.ROOT).contains("chunked"); break;
                        case "connection":
                            if (value.equalsIgnoreCase("close")) close = true;
                            else if (value.equalsIgnoreCase("keep-alive")) close = false;
                            break;
                        case "expect": expect = value.equalsIgnoreCase("100-continue"); break;
                        case "x-amz-target": target = value; break;
                        case "authorization": authorization = value; break;
                        default:
                    }
                }
                if (h == null) return;
                if (expect) {
                    out.write("HTTP/1.1 100 Continue\r\n\r\n".getBytes(StandardCharsets.ISO_8859_1));
                    out.flush();
                }
                byte[] body = chunked ? readChunked(in) : readN(in, length < 0 ? 0 : (int) length);
                if (body == null) return;
                HttpFront.Answer a = front.handle(method, target, authorization, body);
                if (a.drop()) return;
                write(out, a, close);
                if (close) return;
            }
        } catch (SocketException e) {
            // peer went away or server closing
        } catch (IOException | RuntimeException e) {
            if (!closed) e.printStackTrace();
        } finally {
            open.remove(s);
        }
    }

    private void write(OutputStream out, HttpFront.Answer a, boolean close) throws IOException {
        CRC32 crc = new CRC32();
        crc.update(a.body());
        String head = "HTTP/1.1 " + a.status() + " " + reason(a.status()) + "\r\n"
                + "Content-Type: " + a.contentType() + "\r\n"
                + "Content-Length: " + a.body().length + "\r\n"
                + "x-amzn-RequestId: " + Long.toHexString(requestIds.incrementAndGet()) + "\r\n"
                + "x-amz-crc32: " + crc.getValue() + "\r\n"
                + (close ? "Connection: close\r\n" : "")
                + "\r\n";
        byte[] hb = head.getBytes(StandardCharsets.ISO_8859_1);
        byte[] all = new byte[hb.length + a.body().length];
        System.arraycopy(hb, 0, all, 0, hb.length);
        System.arraycopy(a.body(), 0, all, hb.length, a.body().length);
        out.write(all);
        out.flush();
    }

    private static String reason(int status) {
        switch (status) {
            case 200: return "OK";
            case 400: return "Bad Request";
            case 500: return "Internal Server Error";
            case 503: return "Service Unavailable";
            default: return "Status";
        }
    }

    /** Unsynchronised buffered reader for request lines, headers and bodies. */
    static final class Reader {
        private final InputStream in;
        private final byte[] buf = new byte[16 * 1024];
        private int pos, lim;

        Reader(InputStream in) { this.in = in; }

        private boolean fill() throws IOException {
            pos = 0;
            lim = in.read(buf, 0, buf.length);
            if (lim < 0) { lim = 0; return false; }
            return true;
        }

        String line() throws IOException {
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
                if (sb.length() > 65536) throw new IOException("header line too long");
            }
        }

        byte[] bytes(int n) throws IOException {
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
    }

    private static String readLine(Reader in) throws IOException {
        return in.line();
    }

    private static byte[] readN(Reader in, int n) throws IOException {
        return in.bytes(n);
    }

    private static byte[] readChunked(Reader in) throws IOException {
        ByteArrayOutputStream bo = new ByteArrayOutputStream();
        while (true) {
            String size = readLine(in);
            if (size == null) return null;
            int semi = size.indexOf(';');
            int n = Integer.parseInt((semi >= 0 ? size.substring(0, semi) : size).trim(), 16);
            if (n == 0) {
                String l;
                while ((l = readLine(in)) != null && !l.isEmpty()) { /* trailers */ }
                return bo.toByteArray();
            }
            byte[] b = readN(in, n);
            if (b == null) return null;
            bo.write(b);
            readLine(in);
        }
    }

    @Override
    public void close() {
        closed = true;
        try {
            server.close();
        } catch (IOException ignored) {
            // closing anyway
        }
        for (Socket s : open) {
            try {
                s.close();
            } catch (IOException ignored) {
                // closing anyway
            }
        }
    }
}
