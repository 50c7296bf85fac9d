package com.zhidian.local.iot.http;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.zhidian.local.iot.shadow.ShadowJson;

import java.io.IOException;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * The server-neutral shape of the two HTTP APIs: a request (method, decoded path, query, headers, body) goes
 * to a {@link Handler} and comes back as a response, or as an {@link AwsError} that the server writes the AWS
 * REST-JSON way ({@code x-amzn-ErrorType} header, {@code {"message"}} body, see {@link #errorBody}). Any HTTP
 * server can carry {@link DataPlaneHttp#handler()} and {@link ControlPlaneHttp#handler()}.
 */
public final class AwsHttp {
    /** Thing names: "[a-zA-Z0-9:_-]+", at most 128 characters. */
    static final Pattern THING_NAME = Pattern.compile("[a-zA-Z0-9:_-]{1,128}");
    /** Shadow names: "[a-zA-Z0-9:_-]+", at most 64 characters. */
    static final Pattern SHADOW_NAME = Pattern.compile("[a-zA-Z0-9:_-]{1,64}");

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
    }

    @FunctionalInterface
    public interface Handler {
        Response handle(Request request);
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
