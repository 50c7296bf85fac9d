package com.zhidian.apitests.support;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.MissingNode;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;

/** A small HTTP client for the public API, as a portal or POS would call it. */
public final class Api {
    public static final ObjectMapper JSON = new ObjectMapper();
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    private final String base;
    private final String token;
    private final Map<String, String> headers = new LinkedHashMap<>();

    public Api(String base, String token) {
        this.base = base;
        this.token = token;
    }

    public Api as(String otherToken) { return new Api(base, otherToken); }

    public Api anonymous() { return new Api(base, null); }

    /** The same client sending one more header on every request ({@code Accept-Language: zh-CN}). */
    public Api with(String name, String value) {
        Api a = new Api(base, token);
        a.headers.putAll(headers);
        a.headers.put(name, value);
        return a;
    }

    public String base() { return base; }

    public String token() { return token; }

    public record Res(int status, Map<String, java.util.List<String>> headers, String text) {
        public JsonNode json() {
            try {
                return text == null || text.isEmpty() ? MissingNode.getInstance() : JSON.readTree(text);
            } catch (Exception e) {
                throw new AssertionError("not JSON (" + status + "): " + text, e);
            }
        }

        public String header(String name) {
            return headers.entrySet().stream().filter(e -> e.getKey().equalsIgnoreCase(name))
                    .map(e -> e.getValue().get(0)).findFirst().orElse(null);
        }

        public String contentType() { return header("content-type"); }

        @Override
        public String toString() { return status + " " + text; }
    }

    public Res get(String path) { return send("GET", path, null, null, "application/json"); }

    public Res delete(String path) { return send("DELETE", path, null, null, "application/json"); }

    public Res post(String path, Object body) { return send("POST", path, body, null, "application/json"); }

    public Res post(String path, Object body, String idempotencyKey) { return send("POST", path, body, idempotencyKey, "application/json"); }

    public Res put(String path, Object body) { return send("PUT", path, body, null, "application/json"); }

    public Res patch(String path, Object body) { return send("PATCH", path, body, null, "application/json"); }

    /** Any method, any raw body and content type: for malformed-input tests. */
    public Res send(String method, String path, Object body, String idempotencyKey, String contentType) {
        try {
            String text = body == null ? null : body instanceof String s ? s : JSON.writeValueAsString(body);
            HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(base + path)).timeout(Duration.ofSeconds(30))
                    .method(method, text == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(text));
            if (text != null && contentType != null) b.header("Content-Type", contentType);
            if (token != null) b.header("Authorization", "Bearer " + token);
            if (idempotencyKey != null) b.header("Idempotency-Key", idempotencyKey);
            headers.forEach(b::header);
            HttpResponse<String> r = HTTP.send(b.build(), HttpResponse.BodyHandlers.ofString());
            return new Res(r.statusCode(), r.headers().map(), r.body());
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    public static Map<String, Object> map(Object... kv) {
        Map<String, Object> m = new LinkedHashMap<>();
        for (int i = 0; i < kv.length; i += 2) m.put((String) kv[i], kv[i + 1]);
        return m;
    }
}
