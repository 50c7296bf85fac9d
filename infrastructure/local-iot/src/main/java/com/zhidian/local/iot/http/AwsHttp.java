package com.zhidian.local.iot.http;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.zhidian.local.iot.shadow.ShadowJson;

import java.io.IOException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * The server-neutral shape of the two HTTP APIs: a request (method, decoded path, query, headers, body) goes
 * to a {@link Handler} and comes back as a response, or as an {@link AwsError} that the server writes the AWS
 * REST-JSON way ({@code x-amzn-ErrorType} header, {@code {"message"}} body). Any HTTP server can carry
 * {@link DataPlaneHttp#handler()} and {@link ControlPlaneHttp#handler()}: {@link #request} builds the request
 * from the raw request target, {@link #serve} gives the {@link Answer} to write.
 */
public final class AwsHttp {
    /** Thing names: "[a-zA-Z0-9:_-]+", at most 128 characters. */
    static final Pattern THING_NAME = Pattern.compile("[a-zA-Z0-9:_-]{1,128}");
    /**
     * Shadow names: "[$a-zA-Z0-9:_-]+", 1 to 64 characters (the data-plane API reference's shadowName; the
     * {@code $} is for reserved names such as {@code $package}).
     */
    static final Pattern SHADOW_NAME = Pattern.compile("[$a-zA-Z0-9:_-]{1,64}");

    private AwsHttp() {
    }

    /** An AWS error: the HTTP status, the error type the SDK maps to an exception, the message. */
    public static final class AwsError extends RuntimeException {
        private final int status;
        private final String type;

        public AwsError(int status, String type, String message) {
            super(message, null, false, false);
            this.status = status;
            this.type = type;
        }

        public int status() {
            return status;
        }

        /** The value of the {@code x-amzn-ErrorType} header. */
        public String type() {
            return type;
        }
    }

    /** A request; {@code headers} must look names up case-insensitively. */
    public record Request(String method, String path, Map<String, String> query,
                          Map<String, List<String>> headers, byte[] body) {
        String header(String name) {
            List<String> values = headers.get(name);
            return values == null || values.isEmpty() ? null : values.get(0);
        }

        JsonNode json() {
            if (body.length == 0) {
                return ShadowJson.object();
            }
            try {
                return ShadowJson.MAPPER.readTree(body);
            } catch (IOException e) {
                throw new AwsError(400, "InvalidRequestException", "Invalid JSON");
            }
        }
    }

    /** The answer: status, body, content type. */
    public record Response(int status, byte[] body, String contentType) {
        static Response json(JsonNode node) {
            return new Response(200, ShadowJson.bytes(node), "application/json");
        }

        /** "HTTP 200 response with an empty HTTP body" (UpdateCertificate, DeleteCertificate). */
        static Response empty() {
            return new Response(200, new byte[0], "application/json");
        }
    }

    @FunctionalInterface
    public interface Handler {
        Response handle(Request request);
    }

    /** What to write back: status, headers (Content-Type, and x-amzn-ErrorType for an error), body. */
    public record Answer(int status, Map<String, String> headers, byte[] body) {
    }

    /**
     * A request from what any HTTP server reads: the method, the raw request target ({@code /path?query},
     * percent-encoded), the headers (looked up case-insensitively) and the body.
     */
    public static Request request(String method, String rawTarget, Map<String, List<String>> headers, byte[] body) {
        int q = rawTarget.indexOf('?');
        String rawPath = q < 0 ? rawTarget : rawTarget.substring(0, q);
        // '+' is a literal plus in a path, not a space; %2F inside a topic stays one level of the path
        String path = URLDecoder.decode(rawPath.replace("+", "%2B"), StandardCharsets.UTF_8);
        return new Request(method, path, query(q < 0 ? null : rawTarget.substring(q + 1)), headers, body);
    }

    /** Runs the handler and turns its answer, or its AWS error, or a failure (500), into what to write. */
    public static Answer serve(Handler handler, Request request) {
        try {
            Response response = handler.handle(request);
            return new Answer(response.status(), Map.of("Content-Type", response.contentType()), response.body());
        } catch (AwsError e) {
            return new Answer(e.status(), Map.of("Content-Type", "application/json", "x-amzn-ErrorType", e.type()),
                    errorBody(e.getMessage()));
        } catch (RuntimeException e) {
            return new Answer(500, Map.of("Content-Type", "application/json",
                    "x-amzn-ErrorType", "InternalFailureException"), errorBody("Internal service failure"));
        }
    }

    static Map<String, String> query(String raw) {
        Map<String, String> query = new LinkedHashMap<>();
        if (raw == null || raw.isEmpty()) {
            return query;
        }
        for (String pair : raw.split("&")) {
            int eq = pair.indexOf('=');
            String key = URLDecoder.decode(eq < 0 ? pair : pair.substring(0, eq), StandardCharsets.UTF_8);
            String value = eq < 0 ? "" : URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8);
            query.put(key, value);
        }
        return query;
    }

    /** The body of an error answer: {@code {"message": "..."}}. */
    public static byte[] errorBody(String message) {
        ObjectNode body = ShadowJson.object();
        body.put("message", message);
        return ShadowJson.bytes(body);
    }

    static String require(Pattern pattern, String value, String what) {
        if (value == null || !pattern.matcher(value).matches()) {
            throw new AwsError(400, "InvalidRequestException", "Invalid " + what + ": " + value);
        }
        return value;
    }
}
