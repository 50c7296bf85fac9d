package com.zhidian.local;

import static com.zhidian.local.TestSupport.get;
import static com.zhidian.local.TestSupport.send;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.URISyntaxException;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * An HTTP API with a {@code $default} route, as API Gateway routes it: the route only when no other route takes the
 * method and path, without the authorizer when it is {@code Auth: NONE}; {@code /local/*}, the portal's files and
 * the API's CORS preflight keep their precedence.
 */
class GatewayDefaultRouteTest {
    static ZhidianLocal local;
    static String base;

    @BeforeAll
    static void start() throws URISyntaxException {
        Path template = Path.of(GatewayDefaultRouteTest.class.getResource("/default-route-template.yaml").toURI());
        local = ZhidianLocal.start(LocalConfig.ephemeral().withoutDynamoDb().template(template)
                .portalDirectory(TestSupport.portalDir()));
        base = local.gatewayUrl();
    }

    @AfterAll
    static void stop() {
        if (local != null) local.close();
    }

    private static JsonNode defaultRouteSaw(TestSupport.Answer a) {
        assertEquals(404, a.status(), a.body());
        assertEquals("application/problem+json", a.headers().firstValue("content-type").orElseThrow());
        JsonNode seen = a.json();
        assertEquals("$default", seen.path("routeKey").asText(), a.body());
        assertEquals("$default", seen.path("contextRouteKey").asText(), a.body());
        assertEquals("none", seen.path("pathParameters").asText(), a.body());
        return seen;
    }

    @Test
    void unknownPath_withoutAToken_goesToTheDefaultRoute() {
        JsonNode seen = defaultRouteSaw(get(base + "/no/such/path"));
        assertEquals("/no/such/path", seen.path("rawPath").asText());
        assertEquals("GET", seen.path("method").asText());
        assertFalse(seen.path("authorizer").asBoolean(), "Auth: NONE: no claims");
    }

    @Test
    void knownPath_withAMethodNoRouteTakes_goesToTheDefaultRoute() {
        JsonNode seen = defaultRouteSaw(send("DELETE", base + "/members/m-1", null));
        assertEquals("DELETE", seen.path("method").asText());
        assertEquals("/members/m-1", seen.path("rawPath").asText());
        defaultRouteSaw(send("POST", base + "/shapes/plain-object", "{}", "Content-Type", "application/json"));
    }

    @Test
    void aMatchingRoute_winsOverTheDefault() {
        TestSupport.Answer a = get(base + "/shapes/plain-object");
        assertEquals(200, a.status(), a.body());
        assertEquals("{\"hello\":\"world\"}", a.body());
    }

    @Test
    void anAuthorizedRoute_withoutAToken_isStillTheAuthorizers401() {
        TestSupport.Answer a = get(base + "/members/m-1");
        assertEquals(401, a.status(), a.body());
        assertEquals("{\"message\":\"Unauthorized\"}", a.body());
        assertEquals(401, get(base + "/members/m-1", "Authorization", "Bearer not-a-jwt").status());
    }

    @Test
    void localEndpointsAndThePortalKeepTheirPrecedence() {
        assertEquals(200, get(base + "/local/health").status());
        TestSupport.Answer index = get(base + "/");
        assertEquals(200, index.status());
        assertTrue(index.headers().firstValue("content-type").orElseThrow().startsWith("text/html"));
        assertEquals(200, send("HEAD", base + "/index.html", null).status());
        // a file the portal does not have is the API's
        defaultRouteSaw(get(base + "/missing.js"));
        // the portal serves GET and HEAD only
        defaultRouteSaw(send("POST", base + "/index.html", "{}", "Content-Type", "application/json"));
    }

    @Test
    void corsPreflight_isTheApis_andTheDefaultAnswerCarriesCorsHeaders() {
        TestSupport.Answer pre = send("OPTIONS", base + "/members/m-1", null,
                "Origin", "https://shop.example", "Access-Control-Request-Method", "GET");
        assertEquals(204, pre.status());
        assertTrue(pre.headers().firstValue("access-control-allow-methods").orElseThrow().contains("GET"));
        TestSupport.Answer a = get(base + "/nope", "Origin", "https://shop.example");
        defaultRouteSaw(a);
        assertEquals("*", a.headers().firstValue("access-control-allow-origin").orElseThrow());
    }
}
