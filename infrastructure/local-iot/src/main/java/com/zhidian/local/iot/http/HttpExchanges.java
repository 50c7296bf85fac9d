package com.zhidian.local.iot.http;

import com.sun.net.httpserver.HttpHandler;
import com.sun.net.httpserver.HttpServer;
import com.zhidian.local.iot.http.AwsHttp.Handler;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * The one place that knows the JDK's com.sun.net.httpserver: it starts a server and hands each exchange to
 * {@link AwsHttp#serve}. Moving the two APIs onto Zhidian Local's own HTTP/1.1 server means the same few
 * lines in a handler of that server, and removing this class.
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
                byte[] body;
                try (InputStream in = exchange.getRequestBody()) {
                    body = in.readAllBytes();
                }
                AwsHttp.Answer answer = AwsHttp.serve(handler, AwsHttp.request(exchange.getRequestMethod(),
                        exchange.getRequestURI().getRawPath() + (exchange.getRequestURI().getRawQuery() == null
                                ? "" : "?" + exchange.getRequestURI().getRawQuery()),
                        exchange.getRequestHeaders(), body));
                answer.headers().forEach(exchange.getResponseHeaders()::set);
                int length = answer.body().length;
                exchange.sendResponseHeaders(answer.status(), length == 0 ? -1 : length);
                if (length > 0) {
                    try (OutputStream out = exchange.getResponseBody()) {
                        out.write(answer.body());
                    }
                }
            }
        };
    }
}
