package com.zhidian.local.iot.http;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;
import com.sun.net.httpserver.HttpServer;
import com.zhidian.local.iot.shadow.ShadowJson;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.regex.Pattern;

/**
 * The one place that knows the JDK's com.sun.net.httpserver: starting a server, reading a request,
 * writing a JSON answer or an AWS REST-JSON error ({@code x-amzn-ErrorType} header, {@code {"message"}}
 * body). Moving the two APIs onto Zhidian Local's own HTTP/1.1 server means replacing this class.
 */
final class HttpExchanges {
    /** Thing names: "[a-zA-Z0-9:_-]+", at most 128 characters. */
    static final Pattern THING_NAME = Pattern.compile("[a-zA-Z0-9:_-]{1,128}");
    /** Shadow names: "[a-zA-Z0-9:_-]+", at most 64 characters. */
    static final Pattern SHADOW_NAME = Pattern.compile("[a-zA-Z0-9:_-]{1,64}");

    private HttpExchanges() {
    }

    /** An AWS error: the HTTP status, the error type the SDK maps to an exception, the message. */
    static final class AwsError extends RuntimeException {
        final int status;
        final String type;

        AwsError(int status, String type, String message) {
            super(message, null, false, false);
            this.status = status;
            this.type = type;
        }
    }

    /** A parsed request: method, decoded path, query parameters, headers, body. */
    record Request(String method, String path, Map<String, String> query, HttpExchange exchange, byte[] body) {
        String header(String name) {
            return exchange.getRequestHeaders().getFirst(name);
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
    record Response(int status, byte[] body, String contentType) {
        static Response json(JsonNode node) {
            return new Response(200, ShadowJson.bytes(node), "application/json");
        }
    }

    @FunctionalInterface
    interface Handler {
        Response handle(Request request);
    }

    static HttpServer start(String host, int port, String name, Handler handler) {
        try {
            HttpServer server = HttpServer.create(new InetSocketAddress(host, port), 64);
            ExecutorService threads = Executors.newFixedThreadPool(4, r -> {
                Thread t = new Thread(r, name);
                t.setDaemon(true);
                return t;
            });
            server.setExecutor(threads);
            server.createContext("/", exchange(handler));
            server.start();
            return server;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static URI endpoint(HttpServer server, String host) {
        return URI.create("http://" + host + ":" + server.getAddress().getPort());
    }

    static void stop(HttpServer server) {
        server.stop(0);
        if (server.getExecutor() instanceof ExecutorService threads) {
            threads.shutdownNow();
        }
    }

    static ObjectNode error(String message) {
        ObjectNode body = ShadowJson.object();
        body.put("message", message);
        return body;
    }

    private static HttpHandler exchange(Handler handler) {
        return exchange -> {
            try (exchange) {
                Response response;
                try (InputStream in = exchange.getRequestBody()) {
                    byte[] body = in.readAllBytes();
                    URI uri = exchange.getRequestURI();
                    String path = URLDecoder.decode(uri.getRawPath().replace("+", "%2B"), StandardCharsets.UTF_8);
                    response = handler.handle(new Request(exchange.getRequestMethod(), path,
                            query(uri.getRawQuery()), exchange, body));
                } catch (AwsError e) {
                    exchange.getResponseHeaders().set("x-amzn-ErrorType", e.type);
                    response = new Response(e.status, ShadowJson.bytes(error(e.getMessage())), "application/json");
                } catch (RuntimeException e) {
                    exchange.getResponseHeaders().set("x-amzn-ErrorType", "InternalFailureException");
                    response = new Response(500, ShadowJson.bytes(error("Internal service failure")),
                            "application/json");
                }
                exchange.getResponseHeaders().set("Content-Type", response.contentType());
                exchange.sendResponseHeaders(response.status(), response.body().length == 0 ? -1 : response.body().length);
                if (response.body().length > 0) {
                    try (OutputStream out = exchange.getResponseBody()) {
                        out.write(response.body());
                    }
                }
            }
        };
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

    static String require(Pattern pattern, String value, String what) {
        if (value == null || !pattern.matcher(value).matches()) {
            throw new AwsError(400, "InvalidRequestException", "Invalid " + what + ": " + value);
        }
        return value;
    }
}
