package com.zhidian.samplestore;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.MissingNode;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

/** The loader's view of the public API: JSON in, status and JSON out. */
final class Http {
    static final ObjectMapper JSON = new ObjectMapper();
    private final HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private final String base;

    Http(String base) {
        this.base = base;
    }

    record Res(int status, JsonNode body) {
        Res expect(int... ok) {
            for (int s : ok) if (s == status) return this;
            throw new IllegalStateException("unexpected answer " + status + ": " + body);
        }

        /** No route took the request (its context is not deployed): the $default route's problem, or API Gateway's own 404. */
        boolean noRoute() {
            return status == 404 && (body.path("code").asText().equals("route.not_found")
                    || body.path("message").asText().equals("Not Found"));
        }
    }

    Res call(String method, String path, String token, Object body, String idempotencyKey) {
        try {
            HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(base + path)).timeout(Duration.ofSeconds(30));
            if (body != null) {
                b.header("Content-Type", "application/json");
                b.method(method, HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(body)));
            } else {
                b.method(method, HttpRequest.BodyPublishers.noBody());
            }
            if (token != null) b.header("Authorization", "Bearer " + token);
            if (idempotencyKey != null) b.header("Idempotency-Key", idempotencyKey);
            HttpResponse<String> r = client.send(b.build(), HttpResponse.BodyHandlers.ofString());
            JsonNode json = r.body() == null || r.body().isEmpty() ? MissingNode.getInstance() : JSON.readTree(r.body());
            return new Res(r.statusCode(), json);
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
