package com.zhidian.local;

import com.zhidian.local.aws.Json;
import static com.zhidian.local.TestSupport.get;
import static com.zhidian.local.TestSupport.post;
import static com.zhidian.local.TestSupport.send;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.MACSigner;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.PlainJWT;
import com.nimbusds.jwt.SignedJWT;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.cognitoidentityprovider.CognitoIdentityProviderClient;
import software.amazon.awssdk.services.cognitoidentityprovider.model.AttributeType;
import software.amazon.awssdk.services.cognitoidentityprovider.model.MessageActionType;

class GatewayTest {
    static ZhidianLocal local;
    static String base;
    static String idToken;
    static final String OWNER = "owner@gw.test";
    /** Echo handlers made before this class's Zhidian Local started (other test classes of this JVM make theirs). */
    static int echoHandlersBefore;

    @BeforeAll
    static void start() {
        echoHandlersBefore = com.zhidian.local.testfns.EchoHandler.instances;
        local = ZhidianLocal.start(LocalConfig.ephemeral().withoutDynamoDb()
                .template(TestSupport.template()).portalDirectory(TestSupport.portalDir()));
        base = local.gatewayUrl();
        CognitoIdentityProviderClient idp = CognitoTest.client(local);
        idp.adminCreateUser(b -> b.userPoolId(local.userPoolId()).username(OWNER).temporaryPassword("Temp-Pass-1")
                .messageAction(MessageActionType.SUPPRESS).userAttributes(
                        AttributeType.builder().name("email").value(OWNER).build(),
                        AttributeType.builder().name("custom:tenant_id").value("t-1").build(),
                        AttributeType.builder().name("custom:role").value("owner").build(),
                        AttributeType.builder().name("custom:store_ids").value("s-1,s-2").build()));
        idp.adminSetUserPassword(b -> b.userPoolId(local.userPoolId()).username(OWNER).password("Zhidian-Local-1").permanent(true));
        JsonNode login = post(base + "/local/auth/login", "{\"username\":\"" + OWNER + "\",\"password\":\"Zhidian-Local-1\"}").json();
        idToken = login.path("idToken").asText();
        assertFalse(idToken.isEmpty(), login.toString());
    }

    @AfterAll
    static void stop() {
        local.close();
    }

    private static String bearer() { return "Bearer " + idToken; }

    @Test
    void eventShapeAndClaims() {
        TestSupport.Answer a = send("GET", base + "/members/m-42?b=2&a=1&a=3&e=%E6%99%BA", null,
                "Authorization", bearer(), "Cookie", "c1=v1; c2=v2", "X-Custom", "Yes", "User-Agent", "junit");
        assertEquals(200, a.status(), a.body());
        assertEquals("yes", a.headers().firstValue("x-echo").orElseThrow());
        assertEquals(List.of("a", "b"), a.headers().allValues("x-multi"));
        assertEquals(List.of("seen=1; Path=/"), a.headers().allValues("set-cookie"));
        assertTrue(a.headers().firstValue("apigw-requestid").isPresent());
        JsonNode body = a.json();
        JsonNode e = body.path("event");
        assertEquals("2.0", e.path("version").asText());
        assertEquals("GET /members/{memberId}", e.path("routeKey").asText());
        assertEquals("/members/m-42", e.path("rawPath").asText());
        assertEquals("b=2&a=1&a=3&e=%E6%99%BA", e.path("rawQueryString").asText());
        assertEquals("1,3", e.path("queryStringParameters").path("a").asText());
        assertEquals("智", e.path("queryStringParameters").path("e").asText());
        assertEquals("m-42", e.path("pathParameters").path("memberId").asText());
        assertEquals("Yes", e.path("headers").path("x-custom").asText(), "header names lower-cased");
        assertTrue(e.path("headers").path("cookie").isMissingNode(), "cookies are not a header in 2.0");
        assertEquals("[\"c1=v1\",\"c2=v2\"]", e.path("cookies").toString());
        JsonNode rc = e.path("requestContext");
        assertEquals("$default", rc.path("stage").asText());
        assertEquals("HttpApi", rc.path("apiId").asText());
        assertEquals("GET /members/{memberId}", rc.path("routeKey").asText());
        assertEquals("GET", rc.path("http").path("method").asText());
        assertEquals("/members/m-42", rc.path("http").path("path").asText());
        assertEquals("HTTP/1.1", rc.path("http").path("protocol").asText());
        assertEquals("junit", rc.path("http").path("userAgent").asText());
        assertEquals("127.0.0.1", rc.path("http").path("sourceIp").asText());
        assertTrue(rc.path("timeEpoch").asLong() > 0);
        assertFalse(rc.path("requestId").asText().isEmpty());
        JsonNode claims = rc.path("authorizer").path("jwt").path("claims");
        assertEquals("t-1", claims.path("custom:tenant_id").asText());
        assertEquals("owner", claims.path("custom:role").asText());
        assertEquals("s-1,s-2", claims.path("custom:store_ids").asText());
        assertEquals(local.clientId(), claims.path("aud").asText());
        assertEquals("id", claims.path("token_use").asText());
        assertEquals(local.issuer(), claims.path("iss").asText());
        assertTrue(claims.path("exp").asText().matches("\\d+"), "numbers as strings: " + claims.path("exp"));
        assertFalse(claims.path("sub").asText().isEmpty());
        assertEquals(OWNER, claims.path("cognito:username").asText());
        assertEquals("EchoFunction", body.path("functionName").asText());
        assertEquals("zhidian", body.path("tableName").asText(), "TABLE_NAME from !Ref Table");
        assertEquals("hello", body.path("greeting").asText());
        assertTrue(body.path("remainingMillis").asInt() > 9000, "Timeout 10 s from Globals");
    }

    @Test
    void handlerIsInitialisedOnce() {
        for (int i = 0; i < 3; i++) {
            assertEquals(200, get(base + "/members/me", "Authorization", bearer()).status());
        }
        JsonNode fn = get(base + "/local/metrics").json().path("functions").path("EchoFunction");
        assertTrue(fn.path("initialized").asBoolean());
        assertTrue(fn.has("initMillis"));
        assertEquals(1, com.zhidian.local.testfns.EchoHandler.instances - echoHandlersBefore);
    }

    @Test
    void mostSpecificRouteAndBodies() {
        JsonNode e = get(base + "/members/me", "Authorization", bearer()).json().path("event");
        assertEquals("GET /members/me", e.path("routeKey").asText());
        assertTrue(e.path("pathParameters").isNull() || e.path("pathParameters").isMissingNode());

        TestSupport.Answer created = post(base + "/members/m%201/points/redeem", "{\"points\":5}",
                "Authorization", bearer(), "Content-Type", "application/json");
        assertEquals(201, created.status());
        JsonNode ce = created.json().path("event");
        assertEquals("m 1", ce.path("pathParameters").path("memberId").asText());
        assertEquals("{\"points\":5}", ce.path("body").asText());
        assertFalse(ce.path("isBase64Encoded").asBoolean());

        TestSupport.Answer bin = send("PUT", base + "/files/a/b.bin", "\u0000\u0001", "Authorization", bearer(),
                "Content-Type", "application/octet-stream");
        JsonNode be = bin.json().path("event");
        assertEquals("ANY /files/{proxy+}", be.path("routeKey").asText());
        assertEquals("a/b.bin", be.path("pathParameters").path("proxy").asText());
        assertTrue(be.path("isBase64Encoded").asBoolean());
        assertEquals("AAE=", be.path("body").asText());
    }

    @Test
    void publicRouteNeedsNoTokenAndHasNoAuthorizer() {
        TestSupport.Answer a = post(base + "/public/echo", "hi", "Content-Type", "text/plain");
        assertEquals(200, a.status(), a.body());
        JsonNode e = a.json().path("event");
        assertEquals("POST /public/echo", e.path("routeKey").asText());
        assertTrue(e.path("requestContext").path("authorizer").isNull() || e.path("requestContext").path("authorizer").isMissingNode());
    }

    @Test
    void payloadOverTenMegabytesIs413() {
        TestSupport.Answer a = post(base + "/public/echo", "x".repeat(10 * 1024 * 1024 + 1), "Content-Type", "text/plain");
        assertEquals(413, a.status());
        assertEquals("{\"message\":\"Request Entity Too Large\"}", a.body());
    }

    @Test
    void unknownRouteIs404AsApiGatewayAnswers() {
        TestSupport.Answer a = get(base + "/nope", "Authorization", bearer());
        assertEquals(404, a.status());
        assertEquals("{\"message\":\"Not Found\"}", a.body());
        assertEquals(404, send("DELETE", base + "/members/m-1", null, "Authorization", bearer()).status());
    }

    @Test
    void responseShapes() {
        TestSupport.Answer plain = get(base + "/shapes/plain-object");
        assertEquals(200, plain.status());
        assertEquals("{\"hello\":\"world\"}", plain.body());
        assertEquals("application/json", plain.headers().firstValue("content-type").orElseThrow());
        TestSupport.Answer teapot = get(base + "/shapes/map-response");
        assertEquals(418, teapot.status());
        assertEquals("teapot", teapot.body());
        assertEquals("text/plain", teapot.headers().firstValue("content-type").orElseThrow());
        TestSupport.Answer late = get(base + "/shapes/sleep");
        assertEquals(500, late.status(), "over the function's Timeout (1 s): Lambda fails the invocation");
        TestSupport.Answer thrown = get(base + "/shapes/throw");
        assertEquals(500, thrown.status());
        assertEquals("{\"message\":\"Internal Server Error\"}", thrown.body());
        byte[] bin = TestSupport.HTTP.sendAsync(java.net.http.HttpRequest.newBuilder(java.net.URI.create(base + "/shapes/binary")).build(),
                java.net.http.HttpResponse.BodyHandlers.ofByteArray()).join().body();
        assertEquals(4, bin.length);
        assertEquals((byte) 255, bin[3]);
    }

    // ------------------------------------------------------------------------------------------------ tokens

    private static int statusWith(String token) {
        return get(base + "/members/me", "Authorization", "Bearer " + token).status();
    }

    private static Map<String, Object> claims() {
        return new LinkedHashMap<>(local.cognito().idTokenClaims(OWNER));
    }

    @Test
    void validSignedTokenPasses() {
        assertEquals(200, statusWith(local.cognito().sign(claims())));
    }

    @Test
    void missingOrMalformedTokenIs401() {
        TestSupport.Answer a = get(base + "/members/me");
        assertEquals(401, a.status());
        assertEquals("{\"message\":\"Unauthorized\"}", a.body());
        assertEquals(401, statusWith("not-a-jwt"));
        assertEquals(401, get(base + "/members/me", "Authorization", "Basic abc").status());
    }

    @Test
    void expiredTokenIs401() {
        Map<String, Object> c = claims();
        long now = System.currentTimeMillis() / 1000;
        c.put("iat", now - 7200);
        c.put("exp", now - 3600);
        assertEquals(401, statusWith(local.cognito().sign(c)));
    }

    @Test
    void notYetValidTokenIs401() {
        Map<String, Object> c = claims();
        c.put("nbf", System.currentTimeMillis() / 1000 + 3600);
        assertEquals(401, statusWith(local.cognito().sign(c)));
    }

    @Test
    void wrongIssuerIs401() {
        Map<String, Object> c = claims();
        c.put("iss", "http://localhost:1/other_pool");
        assertEquals(401, statusWith(local.cognito().sign(c)));
    }

    @Test
    void wrongAudienceIs401() {
        Map<String, Object> c = claims();
        c.put("aud", "another-client");
        assertEquals(401, statusWith(local.cognito().sign(c)));
    }

    @Test
    void tamperedTokenIs401() {
        String[] parts = local.cognito().sign(claims()).split("\\.");
        Map<String, Object> c = claims();
        c.put("custom:tenant_id", "t-2");
        String payload = Base64.getUrlEncoder().withoutPadding()
                .encodeToString(Json.write(c).getBytes(StandardCharsets.UTF_8));
        assertEquals(401, statusWith(parts[0] + "." + payload + "." + parts[2]));
    }

    @Test
    void algNoneIs401() throws Exception {
        String unsigned = new PlainJWT(JWTClaimsSet.parse(claims())).serialize();
        assertEquals(401, statusWith(unsigned));
        // the same, with a made-up signature part
        assertEquals(401, statusWith(unsigned + "c2ln"));
    }

    @Test
    void hs256IsRefused() throws Exception {
        SignedJWT jwt = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.HS256).keyID(kid()).type(JOSEObjectType.JWT).build(),
                JWTClaimsSet.parse(claims()));
        jwt.sign(new MACSigner("0123456789abcdef0123456789abcdef".getBytes(StandardCharsets.UTF_8)));
        assertEquals(401, statusWith(jwt.serialize()));
    }

    @Test
    void otherKeyIs401() throws Exception {
        RSAKey other = new RSAKeyGenerator(2048).keyID(kid()).generate();   // same kid, different key
        SignedJWT jwt = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.RS256).keyID(other.getKeyID()).build(),
                JWTClaimsSet.parse(claims()));
        jwt.sign(new RSASSASigner(other));
        assertEquals(401, statusWith(jwt.serialize()));
        RSAKey unknownKid = new RSAKeyGenerator(2048).keyID("unknown").generate();
        SignedJWT jwt2 = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.RS256).keyID("unknown").build(), JWTClaimsSet.parse(claims()));
        jwt2.sign(new RSASSASigner(unknownKid));
        assertEquals(401, statusWith(jwt2.serialize()));
    }

    private static String kid() throws Exception {
        return com.nimbusds.jose.jwk.JWKSet.parse(local.cognito().jwks()).getKeys().get(0).getKeyID();
    }

    // ------------------------------------------------------------------------------------------------ /local

    @Test
    void loginFailuresAreProblems() {
        TestSupport.Answer wrong = post(base + "/local/auth/login", "{\"username\":\"" + OWNER + "\",\"password\":\"Wrong-Pass-1\"}");
        assertEquals(401, wrong.status());
        assertEquals("application/problem+json", wrong.headers().firstValue("content-type").orElseThrow());
        assertEquals(401, wrong.json().path("status").asInt());
        assertEquals(401, post(base + "/local/auth/login", "{\"username\":\"nobody@x\",\"password\":\"Wrong-Pass-1\"}").status());
        TestSupport.Answer missing = post(base + "/local/auth/login", "{\"username\":\"" + OWNER + "\"}");
        assertEquals(400, missing.status());
        assertEquals("password", missing.json().path("errors").path(0).path("field").asText());
        assertEquals(400, post(base + "/local/auth/login", "[1,2]").status());
        assertEquals(400, post(base + "/local/auth/login", "{nope").status());
    }

    @Test
    void temporaryPasswordThenNewPassword() {
        CognitoIdentityProviderClient idp = CognitoTest.client(local);
        idp.adminCreateUser(b -> b.userPoolId(local.userPoolId()).username("staff@gw.test").temporaryPassword("Temp-Pass-1")
                .messageAction(MessageActionType.SUPPRESS)
                .userAttributes(AttributeType.builder().name("custom:role").value("staff").build()));
        JsonNode challenge = post(base + "/local/auth/login", "{\"username\":\"staff@gw.test\",\"password\":\"Temp-Pass-1\"}").json();
        assertEquals("NEW_PASSWORD_REQUIRED", challenge.path("challenge").asText());
        String session = challenge.path("session").asText();
        TestSupport.Answer weak = post(base + "/local/auth/new-password",
                "{\"username\":\"staff@gw.test\",\"session\":\"" + session + "\",\"newPassword\":\"short\"}");
        assertEquals(400, weak.status());
        assertEquals("newPassword", weak.json().path("errors").path(0).path("field").asText());
        TestSupport.Answer ok = post(base + "/local/auth/new-password",
                "{\"username\":\"staff@gw.test\",\"session\":\"" + session + "\",\"newPassword\":\"New-Pass-2\"}");
        assertEquals(200, ok.status(), ok.body());
        assertTrue(ok.json().path("idToken").asText().length() > 100);
        assertEquals(3600, ok.json().path("expiresIn").asInt());
        assertEquals(200, statusWith(ok.json().path("idToken").asText()));
        JsonNode again = post(base + "/local/auth/login", "{\"username\":\"STAFF@gw.test\",\"password\":\"New-Pass-2\"}").json();
        assertNotNull(again.get("idToken"), again.toString());
        JsonNode refreshed = post(base + "/local/auth/refresh", "{\"refreshToken\":\"" + again.path("refreshToken").asText() + "\"}").json();
        assertEquals(200, statusWith(refreshed.path("idToken").asText()));
    }

    @Test
    void requestsBeyondTheConcurrencyLimitWaitTheirTurn_noneIsRefused() throws Exception {
        try (ZhidianLocal two = ZhidianLocal.start(LocalConfig.ephemeral().withoutDynamoDb().maxConcurrent(2)
                .template(TestSupport.template()).portalDirectory(TestSupport.portalDir()))) {
            String url = two.gatewayUrl() + "/shapes/nap";
            var pool = java.util.concurrent.Executors.newFixedThreadPool(6);
            try {
                List<java.util.concurrent.Future<TestSupport.Answer>> answers = new java.util.ArrayList<>();
                for (int i = 0; i < 6; i++) answers.add(pool.submit(() -> get(url)));
                int most = 0;
                for (var f : answers) {
                    TestSupport.Answer a = f.get();
                    assertEquals(200, a.status(), a.body());
                    most = Math.max(most, a.json().path("mostAtOnce").asInt());
                }
                assertEquals(2, most, "six at once, two at a time");
            } finally {
                pool.shutdownNow();
            }
            JsonNode queued = get(two.gatewayUrl() + "/local/metrics").json().path("queuedMicros");
            assertTrue(queued.path("max").asDouble() >= 90_000, "the last ones waited about two naps: " + queued);
        }
    }

    @Test
    void healthMetricsAndPortal() {
        JsonNode h = get(base + "/local/health").json();
        assertEquals("ok", h.path("status").asText());
        assertEquals(local.userPoolId(), h.path("userPoolId").asText());
        assertEquals(7, h.path("routes").asInt());
        get(base + "/shapes/plain-object");
        JsonNode m = get(base + "/local/metrics").json();
        assertTrue(m.path("requests").asLong() >= 1);
        assertTrue(m.path("gatewayOverheadMicros").has("p99"));
        TestSupport.Answer index = get(base + "/");
        assertEquals(200, index.status());
        assertTrue(index.headers().firstValue("content-type").orElseThrow().startsWith("text/html"));
        assertTrue(index.body().contains("Zhidian test portal"));
        TestSupport.Answer js = get(base + "/assets/app.js");
        assertTrue(js.headers().firstValue("content-type").orElseThrow().startsWith("text/javascript"));
        assertEquals(404, get(base + "/assets/../../test-template.yaml").status());
        assertEquals(404, get(base + "/local/unknown").status());
    }
}
