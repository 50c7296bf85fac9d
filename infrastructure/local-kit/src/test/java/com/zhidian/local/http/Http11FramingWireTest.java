package com.zhidian.local.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * RFC 9112's framing rules as a client sends bytes over a socket: an ambiguous request is refused with its status
 * and the connection closed, and nothing after it is served as a request of its own (request smuggling).
 */
class Http11FramingWireTest {
    static Http11Server server;
    /** The target and body of every request the handler was given. */
    static final List<String> served = new CopyOnWriteArrayList<>();

    @BeforeAll
    static void start() throws IOException {
        server = new Http11Server("127.0.0.1", 0, 16, "framing-test", 1024, (s, head, body, close, out) -> {
            served.add(head.target() + " " + new String(body, StandardCharsets.UTF_8));
            Http11Writer.write(out, Http11Writer.statusLine(200) + "Content-Length: " + body.length + "\r\n"
                    + (close ? "Connection: close\r\n" : "") + "\r\n", body, body.length);
            return true;
        });
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    @BeforeEach
    void clear() {
        served.clear();
    }

    @Test
    void contentLengthWithTransferEncodingIs400AndTheSmuggledRequestNeverRuns() throws IOException {
        String smuggled = "GET /smuggled HTTP/1.1\r\nHost: x\r\n\r\n";
        for (String framing : new String[]{"Content-Length: 5\r\nTransfer-Encoding: chunked\r\n",
                "Transfer-Encoding: chunked\r\nContent-Length: 5\r\n"}) {
            assertRefused(400, "POST / HTTP/1.1\r\nHost: x\r\n" + framing + "\r\n0\r\n\r\n" + smuggled);
        }
        assertEquals(List.of(), served);
    }

    @Test
    void differingContentLengthsAre400ButARepeatedSameValueIsOne() throws IOException {
        assertRefused(400, "POST / HTTP/1.1\r\nHost: x\r\nContent-Length: 3\r\nContent-Length: 4\r\n\r\nabcd");
        assertRefused(400, "POST / HTTP/1.1\r\nHost: x\r\nContent-Length: 3, 4\r\n\r\nabcd");
        for (String bad : new String[]{"+4", "-4", "4x", "0x4", "", "4 4", "4,,4", ",4", "99999999999999999999"}) {
            assertRefused(400, "POST / HTTP/1.1\r\nHost: x\r\nContent-Length: " + bad + "\r\n\r\nabcd");
        }
        assertEquals(List.of(), served);
        assertEquals("200 abcd", exchange("POST / HTTP/1.1\r\nHost: x\r\nContent-Length: 4, 4\r\nContent-Length: 4\r\n\r\nabcd"));
    }

    @Test
    void aHeadOverTheLimitIs431() throws IOException {
        String big = "x".repeat(80 * 1024);
        assertRefused(431, "GET / HTTP/1.1\r\nHost: x\r\nX-Big: " + big + "\r\n\r\n");
        StringBuilder many = new StringBuilder("GET / HTTP/1.1\r\nHost: x\r\n");
        for (int i = 0; i < 20; i++) many.append("X-Part-").append(i).append(": ").append("y".repeat(4096)).append("\r\n");
        assertRefused(431, many + "\r\n");
        StringBuilder count = new StringBuilder("GET / HTTP/1.1\r\nHost: x\r\n");
        for (int i = 0; i < 250; i++) count.append("X-").append(i).append(": 1\r\n");
        assertRefused(431, count + "\r\n");
        assertEquals(List.of(), served);
    }

    @Test
    void aRequestLineOverTheLimitIs414() throws IOException {
        assertRefused(414, "GET /" + "a".repeat(70 * 1024) + " HTTP/1.1\r\nHost: x\r\n\r\n");
        assertEquals(List.of(), served);
    }

    @Test
    void aTransferCodingOtherThanChunkedIs501AndChunkedMustBeTheOnlyOne() throws IOException {
        for (String coding : new String[]{"xchunked", "gzip, chunked", "identity", "chunked, gzip"}) {
            assertRefused(501, "POST / HTTP/1.1\r\nHost: x\r\nTransfer-Encoding: " + coding + "\r\n\r\n4\r\nabcd\r\n0\r\n\r\n");
        }
        assertRefused(400, "POST / HTTP/1.1\r\nHost: x\r\nTransfer-Encoding: chunked, chunked\r\n\r\n0\r\n\r\n");
        assertRefused(400, "POST / HTTP/1.1\r\nHost: x\r\nTransfer-Encoding: chunked\r\nTransfer-Encoding: chunked\r\n\r\n0\r\n\r\n");
        assertRefused(400, "POST / HTTP/1.0\r\nTransfer-Encoding: chunked\r\n\r\n0\r\n\r\n");
        assertEquals(List.of(), served);
        assertEquals("200 abcd", exchange("POST / HTTP/1.1\r\nHost: x\r\nTransfer-Encoding: Chunked\r\n\r\n4\r\nabcd\r\n0\r\n\r\n"));
    }

    @Test
    void aChunkLongerThanItsSizeOrABadSizeIs400() throws IOException {
        assertRefused(400, "POST / HTTP/1.1\r\nHost: x\r\nTransfer-Encoding: chunked\r\n\r\n3\r\nabcd\r\n0\r\n\r\n");
        assertRefused(400, "POST / HTTP/1.1\r\nHost: x\r\nTransfer-Encoding: chunked\r\n\r\n+3\r\nabc\r\n0\r\n\r\n");
        assertRefused(400, "POST / HTTP/1.1\r\nHost: x\r\nTransfer-Encoding: chunked\r\n\r\nzz\r\nabc\r\n0\r\n\r\n");
        assertEquals(List.of(), served);
    }

    @Test
    void headerFieldsThatParsersReadDifferentlyAre400() throws IOException {
        assertRefused(400, "POST / HTTP/1.1\r\nHost: x\r\nContent-Length : 4\r\n\r\nabcd");
        assertRefused(400, "POST / HTTP/1.1\r\nHost: x\r\nX-A: 1\r\n Content-Length: 4\r\n\r\nabcd");
        assertRefused(400, "GET / HTTP/1.1\r\nHost: x\r\nX-A: 1\0\r\n\r\n");
        assertRefused(400, "GET / HTTP/1.1\r\n\r\n");
        assertRefused(400, "GET / HTTP/1.1\r\nHost: x\r\nHost: y\r\n\r\n");
        assertRefused(400, "GET / HTTP/2.0\r\nHost: x\r\n\r\n");
        assertRefused(400, "G(T / HTTP/1.1\r\nHost: x\r\n\r\n");
        assertEquals(List.of(), served);
    }

    @Test
    void wellFramedRequestsShareTheConnection() throws IOException {
        try (Socket s = new Socket("127.0.0.1", server.port())) {
            s.getOutputStream().write(("POST /a HTTP/1.1\r\nHost: x\r\nContent-Length: 2\r\n\r\nhi"
                    + "POST /b HTTP/1.1\r\nHost: x\r\nTransfer-Encoding: chunked\r\n\r\n2;e=1\r\nyo\r\n0\r\nT: 1\r\n\r\n"
                    + "GET /c HTTP/1.0\r\n\r\n").getBytes(StandardCharsets.ISO_8859_1));
            InputStream in = s.getInputStream();
            assertEquals("200 hi", answer(in));
            assertEquals("200 yo", answer(in));
            assertEquals("200 ", answer(in));
            assertEquals(-1, in.read());
        }
        assertEquals(List.of("/a hi", "/b yo", "/c "), served);
    }

    /** The request is answered with {@code status} and the server closes the connection. */
    private static void assertRefused(int status, String request) throws IOException {
        try (Socket s = new Socket("127.0.0.1", server.port())) {
            s.setSoTimeout(5000);
            s.getOutputStream().write(request.getBytes(StandardCharsets.ISO_8859_1));
            InputStream in = s.getInputStream();
            String status1 = line(in);
            assertTrue(status1.startsWith("HTTP/1.1 " + status + " "), status1 + " for " + request.substring(0, Math.min(80, request.length())));
            boolean close = false;
            String h;
            while (!(h = line(in)).isEmpty()) close |= h.equalsIgnoreCase("Connection: close");
            assertTrue(close, "Connection: close");
            assertEquals(-1, in.read(), "the connection is closed after the refusal");
        }
    }

    private static String exchange(String request) throws IOException {
        try (Socket s = new Socket("127.0.0.1", server.port())) {
            s.setSoTimeout(5000);
            s.getOutputStream().write(request.getBytes(StandardCharsets.ISO_8859_1));
            return answer(s.getInputStream());
        }
    }

    /** "status body" of one answer with a Content-Length. */
    private static String answer(InputStream in) throws IOException {
        String status = line(in).split(" ")[1];
        int n = 0;
        String h;
        while (!(h = line(in)).isEmpty()) {
            if (h.toLowerCase().startsWith("content-length:")) n = Integer.parseInt(h.substring(15).trim());
        }
        return status + " " + new String(in.readNBytes(n), StandardCharsets.UTF_8);
    }

    private static String line(InputStream in) throws IOException {
        ByteArrayOutputStream b = new ByteArrayOutputStream();
        int c;
        while ((c = in.read()) != '\n') {
            if (c < 0) throw new IOException("the connection ended mid-answer after " + b);
            if (c != '\r') b.write(c);
        }
        return b.toString(StandardCharsets.UTF_8);
    }
}
