package com.zhidian.bench;

import java.io.BufferedInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.Map;

/**
 * The load generator's HTTP/1.1 client: one kept-alive socket per client thread, the request written in one
 * go, the answer read by Content-Length (or chunks). The harness shares the 2 cores with Zhidian Local, so every
 * microsecond it spends is taken from what it measures: HttpURLConnection cost ≈0.6–0.9 ms of CPU per request
 * here, this ≈0.1 ms. Loopback only; used for the measured loads, not for the set-up (see {@link Http}).
 */
final class RawHttp {
    private static final ThreadLocal<Conn> CONN = new ThreadLocal<>();

    private RawHttp() {}

    private record Conn(String hostPort, Socket socket, InputStream in, OutputStream out) {}

    static Http.Res exchange(String method, String url, String token, byte[] body, Map<String, String> headers) throws IOException {
        URI u = URI.create(url);
        String hostPort = u.getHost() + ":" + u.getPort();
        StringBuilder h = new StringBuilder(256).append(method).append(' ').append(u.getRawPath());
        if (u.getRawQuery() != null) h.append('?').append(u.getRawQuery());
        h.append(" HTTP/1.1\r\nHost: ").append(hostPort).append("\r\nAccept: application/json\r\n");
        if (token != null) h.append("Authorization: Bearer ").append(token).append("\r\n");
        if (headers != null) headers.forEach((k, v) -> h.append(k).append(": ").append(v).append("\r\n"));
        if (body != null) h.append("Content-Type: application/json\r\nContent-Length: ").append(body.length).append("\r\n");
        h.append("\r\n");
        byte[] head = h.toString().getBytes(StandardCharsets.UTF_8);
        for (int attempt = 1; ; attempt++) {
            Conn c = connection(u, hostPort);
            try {
                byte[] all = head;
                if (body != null) {
                    all = new byte[head.length + body.length];
                    System.arraycopy(head, 0, all, 0, head.length);
                    System.arraycopy(body, 0, all, head.length, body.length);
                }
                c.out().write(all);
                c.out().flush();
                return read(c);
            } catch (IOException e) {
                close(c);
                if (attempt >= 2) throw e;   // a kept-alive socket the server closed: once more on a new one
            }
        }
    }

    private static Conn connection(URI u, String hostPort) throws IOException {
        Conn c = CONN.get();
        if (c != null && c.hostPort().equals(hostPort) && !c.socket().isClosed()) return c;
        if (c != null) close(c);
        Socket s = new Socket();
        s.setTcpNoDelay(true);
        s.setSoTimeout(30_000);
        s.connect(new InetSocketAddress(u.getHost(), u.getPort()), 5_000);
        c = new Conn(hostPort, s, new BufferedInputStream(s.getInputStream(), 16 * 1024), s.getOutputStream());
        CONN.set(c);
        return c;
    }

    private static Http.Res read(Conn c) throws IOException {
        String status = line(c.in());
        if (status == null) throw new IOException("connection closed");
        int code = Integer.parseInt(status.substring(9, 12));
        long length = -1;
        boolean chunked = false, close = false;
        for (String l = line(c.in()); l != null && !l.isEmpty(); l = line(c.in())) {
            int colon = l.indexOf(':');
            if (colon < 0) continue;
            String name = l.substring(0, colon).trim(), value = l.substring(colon + 1).trim();
            if (name.equalsIgnoreCase("content-length")) length = Long.parseLong(value);
            else if (name.equalsIgnoreCase("transfer-encoding")) chunked = value.equalsIgnoreCase("chunked");
            else if (name.equalsIgnoreCase("connection")) close = value.equalsIgnoreCase("close");
        }
        byte[] bytes;
        if (chunked) {
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            for (int n = Integer.parseInt(line(c.in()).split(";")[0].trim(), 16); n > 0; n = Integer.parseInt(line(c.in()).split(";")[0].trim(), 16)) {
                out.write(c.in().readNBytes(n));
                line(c.in());
            }
            line(c.in());
            bytes = out.toByteArray();
        } else {
            bytes = length > 0 ? c.in().readNBytes((int) length) : new byte[0];
        }
        if (close) close(c);
        return new Http.Res(code, new String(bytes, StandardCharsets.UTF_8));
    }

    private static String line(InputStream in) throws IOException {
        StringBuilder sb = new StringBuilder(64);
        for (int b = in.read(); b != -1; b = in.read()) {
            if (b == '\n') return sb.length() > 0 && sb.charAt(sb.length() - 1) == '\r' ? sb.substring(0, sb.length() - 1) : sb.toString();
            sb.append((char) b);
        }
        return sb.length() == 0 ? null : sb.toString();
    }

    private static void close(Conn c) {
        try {
            c.socket().close();
        } catch (IOException ignored) {
            // already gone
        }
        CONN.remove();
    }
}
