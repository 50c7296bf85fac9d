package com.zhidian.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.MissingNode;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.HttpURLConnection;
import java.net.URI;
import java.net.URL;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The client side of the set-up (the measured loads use {@link RawHttp}): plain {@link HttpURLConnection} with keep-alive (one pooled connection per client
 * thread; {@code http.maxConnections} is raised by {@link Bench} before first use), loopback only.
 * Request bodies are buffered, not streamed: see {@link #exchange}.
 * PATCH, which HttpURLConnection cannot send, goes through one shared {@link HttpClient}.
 */
public final class Http {
    public static final ObjectMapper JSON = new ObjectMapper();
    private static final HttpClient PATCH_CLIENT = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5)).build();

    private Http() {}

    public record Res(int status, String body) {
        public JsonNode json() {
            try {
                return body == null || body.isEmpty() ? MissingNode.getInstance() : JSON.readTree(body);
            } catch (IOException e) {
                throw new IllegalStateException("not JSON (" + status + "): " + body, e);
            }
        }

        @Override
        public String toString() { return status + " " + body; }
    }

    public static Res send(String method, String url, String token, Object body, Map<String, String> headers) {
        try {
            byte[] bytes = body == null ? null
                    : (body instanceof String s ? s : JSON.writeValueAsString(body)).getBytes(StandardCharsets.UTF_8);
            return exchange(method, url, token, bytes, headers);
        } catch (IOException e) {
            throw new UncheckedIOException(method + " " + url + ": " + e, e);
        }
    }

    public static Res get(String url, String token) { return send("GET", url, token, null, null); }

    public static Res post(String url, String token, Object body) { return send("POST", url, token, body, null); }

    /** One request; the answer is read to the end so that the connection goes back to the keep-alive pool. */
    public static Res exchange(String method, String url, String token, byte[] body, Map<String, String> headers)
            throws IOException {
        if ("PATCH".equals(method)) return patch(url, token, body, headers);
        HttpURLConnection c = (HttpURLConnection) new URL(url).openConnection();
        c.setConnectTimeout(5_000);
        c.setReadTimeout(30_000);
        c.setUseCaches(false);
        c.setRequestMethod(method);
        c.setRequestProperty("Accept", "application/json");
        if (token != null) c.setRequestProperty("Authorization", "Bearer " + token);
        if (headers != null) headers.forEach(c::setRequestProperty);
        if (body != null) {
            c.setDoOutput(true);
            c.setRequestProperty("Content-Type", "application/json");
            // no setFixedLengthStreamingMode: on a kept-alive connection the JDK then probes the socket with a
            // 1 ms timed read before every streaming POST (sun.net.www.http.HttpClient.available), adding
            // ~1.2 ms to each request; the buffered mode sends the same Content-Length without that wait
            try (OutputStream out = c.getOutputStream()) {
                out.write(body);
            }
        }
        int status = c.getResponseCode();
        InputStream in = status >= 400 ? c.getErrorStream() : c.getInputStream();
        String text = "";
        if (in != null) {
            try (in) {
                text = new String(in.readAllBytes(), StandardCharsets.UTF_8);
            }
        }
        return new Res(status, text);
    }

    private static Res patch(String url, String token, byte[] body, Map<String, String> headers) throws IOException {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(30))
                .method("PATCH", body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofByteArray(body));
        if (body != null) b.header("Content-Type", "application/json");
        if (token != null) b.header("Authorization", "Bearer " + token);
        if (headers != null) headers.forEach(b::header);
        try {
            HttpResponse<String> r = PATCH_CLIENT.send(b.build(), HttpResponse.BodyHandlers.ofString());
            return new Res(r.statusCode(), r.body());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted", e);
        }
    }

    public static Map<String, Object> map(Object... kv) {
        Map<String, Object> m = new LinkedHashMap<>();
        for (int i = 0; i < kv.length; i += 2) m.put((String) kv[i], kv[i + 1]);
        return m;
    }
}
