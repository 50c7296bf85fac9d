package com.zhidian.core.http;

import com.zhidian.core.idempotency.Idempotency;
import java.util.LinkedHashMap;
import java.util.Map;

/** What a route answers: a status, a JSON-able body (or raw text) and headers; an Idempotency-Key stores it. */
public final class Response implements Idempotency.Answer {
    private final int status;
    private final Object body;
    private final Map<String, String> headers = new LinkedHashMap<>();

    private Response(int status, Object body) {
        this.status = status;
        this.body = body;
    }

    public static Response of(int status, Object body) { return new Response(status, body); }
    public static Response ok(Object body) { return new Response(200, body); }
    public static Response created(Object body) { return new Response(201, body); }
    public static Response noContent() { return new Response(204, null); }

    /** A non-JSON body (CSV, a file); the caller sets Content-Type. */
    public static Response raw(int status, String text, String contentType) {
        return new Response(status, new Raw(text)).header("Content-Type", contentType);
    }

    /** The answer as a route's: itself, or a stored answer replayed. */
    public static Response of(Idempotency.Answer answer) {
        if (answer instanceof Response r) return r;
        Response r = new Response(answer.status(), answer.body());
        r.headers.putAll(answer.headers());
        return r;
    }

    public Response header(String name, String value) {
        headers.put(name, value);
        return this;
    }

    @Override public int status() { return status; }
    @Override public Object body() { return body; }
    @Override public Map<String, String> headers() { return headers; }

    public record Raw(String text) {}

    /** A binary body (an XLSX file): sent base64-encoded to API Gateway, which decodes it for the client. */
    public static Response binary(int status, byte[] bytes, String contentType) {
        return new Response(status, new Binary(bytes)).header("Content-Type", contentType);
    }

    public record Binary(byte[] bytes) {}
}
