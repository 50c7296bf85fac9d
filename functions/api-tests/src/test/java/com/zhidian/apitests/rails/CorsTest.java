package com.zhidian.apitests.rails;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.zhidian.apitests.support.Fixtures;
import com.zhidian.apitests.support.Local;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The HTTP API's CORS configuration (template.yaml) serves a browser client of another origin: every request header
 * the API reads may be sent, and the answer headers it acts on may be read.
 */
class CorsTest {
    private static final HttpClient HTTP = HttpClient.newHttpClient();

    @Test
    void aPreflight_allowsEveryHeaderTheApiReads() throws Exception {
        String asked = "authorization,content-type,idempotency-key,approval-id,accept-language";
        HttpResponse<String> pre = HTTP.send(HttpRequest.newBuilder(URI.create(Local.gatewayUrl() + "/orders"))
                .method("OPTIONS", HttpRequest.BodyPublishers.noBody()).header("Origin", "https://shop.example")
                .header("Access-Control-Request-Method", "POST").header("Access-Control-Request-Headers", asked).build(),
                HttpResponse.BodyHandlers.ofString());
        assertEquals(204, pre.statusCode(), pre::body);
        List<String> allowed = List.of(pre.headers().firstValue("access-control-allow-headers").orElse("").toLowerCase().split(","));
        for (String h : asked.split(",")) assertTrue(allowed.contains(h), h + " not in " + allowed);
    }

    @Test
    void anAnswer_letsTheClientReadReplayRetryAndRequestId() throws Exception {
        String token = Fixtures.newTenant("basic", 1).owner().token();
        HttpResponse<String> r = HTTP.send(HttpRequest.newBuilder(URI.create(Local.gatewayUrl() + "/stores"))
                .header("Origin", "https://shop.example").header("Authorization", "Bearer " + token).build(),
                HttpResponse.BodyHandlers.ofString());
        assertEquals(200, r.statusCode(), r::body);
        assertEquals("*", r.headers().firstValue("access-control-allow-origin").orElse(""));
        List<String> exposed = List.of(r.headers().firstValue("access-control-expose-headers").orElse("").toLowerCase().split(","));
        for (String h : List.of("idempotent-replayed", "retry-after", "x-request-id", "location")) assertTrue(exposed.contains(h), h + " not in " + exposed);
    }
}
