package com.zhidian.local.iot.http;

import com.sun.net.httpserver.HttpHandler;
import com.sun.net.httpserver.HttpServer;
import com.zhidian.local.iot.http.AwsHttp.AwsError;
import com.zhidian.local.iot.http.AwsHttp.Handler;
import com.zhidian.local.iot.http.AwsHttp.Request;
import com.zhidian.local.iot.http.AwsHttp.Response;

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

/**
 * The one place that knows the JDK's com.sun.net.httpserver: it starts a server and turns each exchange
 * into an {@link AwsHttp.Request} for a handler and its answer or {@link AwsError} back into HTTP. Moving the
 * two APIs onto Zhidian Local's own HTTP/1.1 server means replacing this class with an adapter there.
 */
final class HttpExchanges {
    private HttpExchanges() {
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

    private static HttpHandler exchange(Handler handler) {
        return exchange -> {
            try (exchange) {
                Response response;
                try (InputStream in = exchange.getRequestBody()) {
                    byte[] body = in.readAllBytes();
                    URI uri = exchange.getRequestURI();
                    // the raw path keeps %2F inside a topic; '+' is a literal plus in a path, not a space
                    String path = URLDecoder.decode(uri.getRawPath().replace("+", "%2B"), StandardCharsets.UTF_8);
                    response = handler.handle(new Request(exchange.getRequestMethod(), path,
                            query(uri.getRawQuery()), exchange.getRequestHeaders(), body));
                } catch (AwsError e) {
                    exchange.getResponseHeaders().set("x-amzn-ErrorType", e.type());
                    response = new Response(e.status(), AwsHttp.errorBody(e.getMessage()), "application/json");
                } catch (RuntimeException e) {
                    exchange.getResponseHeaders().set("x-amzn-ErrorType", "InternalFailureException");
                    response = new Response(500, AwsHttp.errorBody("Internal service failure"), "application/json");
                }
                exchange.getResponseHeaders().set("Content-Type", response.contentType());
                int length = response.body().length;
                exchange.sendResponseHeaders(response.status(), length == 0 ? -1 : length);
                if (length > 0) {
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
}
