package com.zhidian.local;

import com.zhidian.local.aws.Json;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The gateway's HTTP/1.1 as a client sends it over a socket: keep-alive, pipelining, chunked bodies, 100-continue. */
class GatewayWireTest {
    static ZhidianLocal local;
    static int port;

    @BeforeAll
    static void start() {
        local = ZhidianLocal.start(LocalConfig.ephemeral().withoutDynamoDb()
                .template(TestSupport.template()).portalDirectory(TestSupport.portalDir()));
        port = URI.create(local.gatewayUrl()).getPort();
    }

    @AfterAll
    static void stop() {
        local.close();
    }

    record Answer(int status, Map<String, String> headers, String body) {
        JsonNode event() throws IOException { return Json.MAPPER.readTree(body).path("event"); }
    }

    private static String echo(String body) {
        return "POST /public/echo HTTP/1.1\r\nHost: localhost\r\nContent-Type: text/plain\r\nContent-Length: "
                + body.getBytes(StandardCharsets.UTF_8).length + "\r\n\r\n" + body;
    }

    @Test
    void oneConnectionServesRequestsInTurnAndPipelined() throws IOException {
        try (Socket s = new Socket("localhost", port)) {
            OutputStream out = s.getOutputStream();
            InputStream in = s.getInputStream();
            out.write(echo("first").getBytes(StandardCharsets.UTF_8));
            assertEquals("first", read(in).event().path("body").asText());
            out.write((echo("second") + echo("third")).getBytes(StandardCharsets.UTF_8));
            Answer second = read(in), third = read(in);
            assertEquals("second", second.event().path("body").asText());
            assertEquals("third", third.event().path("body").asText());
            assertTrue(second.headers().containsKey("date"), second.headers().toString());
        }
    }

    @Test
    void chunkedBodyReachesTheFunctionWhole() throws IOException {
        try (Socket s = new Socket("localhost", port)) {
            s.getOutputStream().write(("POST /public/echo HTTP/1.1\r\nHost: localhost\r\nContent-Type: text/plain\r\n"
                    + "Transfer-Encoding: chunked\r\n\r\n5\r\nhello\r\n8;ext=1\r\n, 智店\r\n0\r\n\r\n").getBytes(StandardCharsets.UTF_8));
            Answer a = read(s.getInputStream());
            assertEquals(200, a.status());
            assertEquals("hello, 智店", a.event().path("body").asText());
        }
    }

    @Test
    void expectContinueIsAnsweredBeforeTheBodyIsSent() throws IOException {
        try (Socket s = new Socket("localhost", port)) {
            OutputStream out = s.getOutputStream();
            InputStream in = s.getInputStream();
            out.write("POST /public/echo HTTP/1.1\r\nHost: localhost\r\nContent-Type: text/plain\r\nContent-Length: 4\r\nExpect: 100-continue\r\n\r\n"
                    .getBytes(StandardCharsets.UTF_8));
            assertEquals(100, read(in).status());
            out.write("body".getBytes(StandardCharsets.UTF_8));
            assertEquals("body", read(in).event().path("body").asText());
        }
    }

    @Test
    void http10AndConnectionCloseEndTheConnectionAfterTheAnswer() throws IOException {
        for (String request : new String[]{"GET /nope HTTP/1.0\r\n\r\n", "GET /nope HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n"}) {
            try (Socket s = new Socket("localhost", port)) {
                s.getOutputStream().write(request.getBytes(StandardCharsets.UTF_8));
                Answer a = read(s.getInputStream());
                assertEquals(404, a.status());
                assertEquals("close", a.headers().get("connection"));
                assertEquals(-1, s.getInputStream().read());
            }
        }
    }

    @Test
    void malformedRequestIs400AndTheConnectionEnds() throws IOException {
        for (String request : new String[]{"NONSENSE\r\n\r\n", "GET /a b HTTP/1.1\r\n\r\n", "GET /{x} HTTP/1.1\r\nHost: x\r\n\r\n",
                "POST /public/echo HTTP/1.1\r\nContent-Length: ten\r\n\r\n", "GET / HTTP/1.1\r\nno colon\r\n\r\n"}) {
            try (Socket s = new Socket("localhost", port)) {
                s.getOutputStream().write(request.getBytes(StandardCharsets.UTF_8));
                assertEquals(400, read(s.getInputStream()).status(), request);
                assertEquals(-1, s.getInputStream().read(), request);
            }
        }
    }

    @Test
    void ambiguousFramingIsRefusedAndNothingAfterItReachesAFunction() throws IOException {
        String smuggled = "POST /public/echo HTTP/1.1\r\nHost: x\r\nContent-Length: 8\r\n\r\nsmuggled";
        String[][] cases = {
                {"400", "POST /public/echo HTTP/1.1\r\nHost: x\r\nContent-Length: 5\r\nTransfer-Encoding: chunked\r\n\r\n0\r\n\r\n" + smuggled},
                {"400", "POST /public/echo HTTP/1.1\r\nHost: x\r\nContent-Length: 3\r\nContent-Length: 4\r\n\r\nabcd" + smuggled},
                {"501", "POST /public/echo HTTP/1.1\r\nHost: x\r\nTransfer-Encoding: xchunked\r\n\r\n0\r\n\r\n" + smuggled},
                {"431", "GET /public/echo HTTP/1.1\r\nHost: x\r\nX-Big: " + "x".repeat(80 * 1024) + "\r\n\r\n" + smuggled}};
        for (String[] c : cases) {
            try (Socket s = new Socket("localhost", port)) {
                s.setSoTimeout(5000);
                s.getOutputStream().write(c[1].getBytes(StandardCharsets.UTF_8));
                Answer a = read(s.getInputStream());
                assertEquals(Integer.parseInt(c[0]), a.status(), c[1].substring(0, 60));
                assertEquals("close", a.headers().get("connection"));
                assertEquals(-1, s.getInputStream().read(), "no second answer: the smuggled request never ran");
            }
        }
    }

    @Test
    void headAnswerHasNoBodySoTheNextAnswerFollowsAtOnce() throws IOException {
        try (Socket s = new Socket("localhost", port)) {
            s.getOutputStream().write(("HEAD / HTTP/1.1\r\nHost: x\r\n\r\n" + echo("after")).getBytes(StandardCharsets.UTF_8));
            InputStream in = s.getInputStream();
            Answer head = read(in);
            assertEquals(200, head.status());
            assertEquals("", head.body());
            assertEquals("after", read(in).event().path("body").asText());
        }
    }

    /** Reads one answer: status line, headers (lower-cased names), and a Content-Length body. */
    private static Answer read(InputStream in) throws IOException {
        String status = line(in);
        Map<String, String> headers = new LinkedHashMap<>();
        String h;
        while (!(h = line(in)).isEmpty()) {
            int colon = h.indexOf(':');
            headers.put(h.substring(0, colon).trim().toLowerCase(Locale.ROOT), h.substring(colon + 1).trim());
        }
        int code = Integer.parseInt(status.split(" ")[1]);
        int n = code == 100 || code == 204 ? 0 : Integer.parseInt(headers.getOrDefault("content-length", "0"));
        byte[] body = in.readNBytes(n);
        assertEquals(n, body.length, "the answer ended early");
        return new Answer(code, headers, new String(body, StandardCharsets.UTF_8));
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
