package com.zhidian.apitests.security;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.MACSigner;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import com.nimbusds.jose.util.Base64URL;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.PlainJWT;
import com.nimbusds.jwt.SignedJWT;
import com.zhidian.apitests.support.Api;
import com.zhidian.apitests.support.Fixtures;
import com.zhidian.apitests.support.Local;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.cognitoidentityprovider.CognitoIdentityProviderClient;
import software.amazon.awssdk.services.cognitoidentityprovider.model.AuthFlowType;

/**
 * Forged, stale and misdirected tokens through HTTP: every one is 401 on a read and on a write, and the write
 * changes nothing. Correctly signed odd tokens come from the Cognito stand-in's public {@code sign} (Zhidian
 * Local's test hook); foreign signatures from nimbus-jose-jwt.
 */
class TokenTest {
    private static final HttpClient HTTP = HttpClient.newHttpClient();
    private static Fixtures.TenantFixture t;
    private static Map<String, Object> claims;
    private static RSAKey poolPublic;

    @BeforeAll
    static void setUp() throws Exception {
        t = Fixtures.newTenant("premium", 1);
        claims = Local.instance().cognito().idTokenClaims(t.ownerEmail());
        poolPublic = RSAKey.parse(JWKSet.parse(Local.instance().cognito().jwks()).getKeys().get(0).toJSONObject());
    }

    private static Map<String, Object> with(Object... kv) {
        Map<String, Object> c = new LinkedHashMap<>(claims);
        long now = System.currentTimeMillis() / 1000;
        c.put("iat", now);
        c.put("exp", now + 3600);
        for (int i = 0; i < kv.length; i += 2) {
            if (kv[i + 1] == null) c.remove((String) kv[i]);
            else c.put((String) kv[i], kv[i + 1]);
        }
        return c;
    }

    private static String signedByPool(Map<String, Object> c) {
        return Local.instance().cognito().sign(c);
    }

    @Test
    void aWellFormedToken_isServed_soTheRefusalsBelowAreAboutTheToken() throws Exception {
        assertEquals(200, call("Bearer " + signedByPool(with()), "GET", "/stores", null).statusCode());
    }

    @Test
    void forgedStaleAndMisdirectedTokens_are401_andChangeNothing() throws Exception {
        long now = System.currentTimeMillis() / 1000;
        String good = signedByPool(with());
        RSAKey other = new RSAKeyGenerator(2048).keyID(poolPublic.getKeyID()).generate();
        RSAKey otherKid = new RSAKeyGenerator(2048).keyID("attacker-key").generate();

        Map<String, String> tokens = new LinkedHashMap<>();
        tokens.put("expired a minute ago", signedByPool(with("exp", now - 60, "iat", now - 3660)));
        tokens.put("expiring this second", signedByPool(with("exp", now)));
        tokens.put("without exp", signedByPool(with("exp", null)));
        tokens.put("not valid before next hour", signedByPool(with("nbf", now + 3600)));
        tokens.put("issued next week", signedByPool(with("iat", now + 7 * 86400, "exp", now + 7 * 86400 + 3600)));
        tokens.put("wrong issuer", signedByPool(with("iss", "https://cognito-idp.cn-north-1.amazonaws.com/cn-north-1_other")));
        tokens.put("issuer with a trailing slash", signedByPool(with("iss", claims.get("iss") + "/")));
        tokens.put("wrong audience", signedByPool(with("aud", "another-app-client")));
        tokens.put("no audience", signedByPool(with("aud", null)));
        tokens.put("token_use access where an ID token is expected", signedByPool(with("token_use", "access")));
        tokens.put("a real access token of the pool", accessToken());
        tokens.put("tampered payload (tenant of another)", tamper(good, "custom:tenant_id", "tn_someone_else"));
        tokens.put("tampered payload (role provider_admin)", tamper(good, "custom:role", "provider_admin"));
        tokens.put("tampered signature", good.substring(0, good.length() - 4) + (good.endsWith("AAAA") ? "BBBB" : "AAAA"));
        tokens.put("signature stripped", good.substring(0, good.lastIndexOf('.') + 1));
        tokens.put("alg none", new PlainJWT(JWTClaimsSet.parse(with())).serialize());
        tokens.put("alg none with the pool's kid", unsigned("{\"alg\":\"none\",\"kid\":\"" + poolPublic.getKeyID() + "\"}", with()));
        tokens.put("alg None (case)", unsigned("{\"alg\":\"None\",\"kid\":\"" + poolPublic.getKeyID() + "\"}", with()));
        tokens.put("HS256 keyed with the public key (DER)", hs256(poolPublic.toRSAPublicKey().getEncoded()));
        tokens.put("HS256 keyed with the public JWK text", hs256(poolPublic.toJSONString().getBytes(StandardCharsets.UTF_8)));
        tokens.put("HS256 keyed with the modulus", hs256(poolPublic.getModulus().decode()));
        tokens.put("RS256 by another key with the pool's kid", rs256(other, with(), null));
        tokens.put("RS256 by another key with its own kid", rs256(otherKid, with(), null));
        tokens.put("RS256 by another key that brings its own jwk header", rs256(other, with(), other.toPublicJWK()));
        tokens.put("no kid", rs256(new RSAKeyGenerator(2048).generate(), with(), null));
        tokens.put("garbage", "not.a.jwt");
        tokens.put("empty segments", "..");

        Map<String, String> headers = new LinkedHashMap<>();
        tokens.forEach((why, tok) -> headers.put(why, "Bearer " + tok));
        headers.put("Bearer and nothing", "Bearer ");
        headers.put("Bearer with blanks", "Bearer    ");
        headers.put("Basic scheme around a good token", "Basic " + good);
        headers.put("Token scheme around a good token", "Token " + good);
        headers.put("two bearer tokens", "Bearer " + good + ", Bearer " + good);
        headers.put("no Authorization header", null);

        int storesBefore = t.owner().get("/stores").json().get("items").size();
        List<String> failures = new ArrayList<>();
        for (Map.Entry<String, String> h : headers.entrySet()) {
            HttpResponse<String> read = call(h.getValue(), "GET", "/stores", null);
            HttpResponse<String> write = call(h.getValue(), "POST", "/stores",
                    "{\"name\":\"伪造店\",\"format\":\"convenience\",\"address\":\"x\"}");
            if (read.statusCode() != 401) failures.add(h.getKey() + ": GET " + read.statusCode() + " " + read.body());
            if (write.statusCode() != 401) failures.add(h.getKey() + ": POST " + write.statusCode() + " " + write.body());
        }
        assertEquals(storesBefore, t.owner().get("/stores").json().get("items").size(), "a refused token wrote nothing");
        System.out.printf("[security] tokens: %d forged, stale or misdirected Authorization headers x 2 calls, %d not 401%n",
                headers.size(), failures.size());
        assertEquals(List.of(), failures);
    }

    /**
     * API Gateway's JWT authorizer takes the identity source "only the token, or the token prefixed with Bearer"
     * (HTTP API developer guide, "Authorizing API requests with a JWT authorizer"); Zhidian Local does the same, so a
     * good token without the scheme is served. What matters is that the scheme never changes who the caller is.
     */
    @Test
    void aGoodTokenWithoutTheBearerScheme_isTreatedAsApiGatewayDoes() throws Exception {
        String good = signedByPool(with());
        assertEquals(200, call(good, "GET", "/stores", null).statusCode());
        assertEquals(200, call("bearer " + good, "GET", "/stores", null).statusCode());
    }

    @Test
    void wellSignedTokensWithoutAKnownRoleOrTenant_are403() throws Exception {
        assertEquals(403, call("Bearer " + signedByPool(with("custom:role", "superuser")), "GET", "/stores", null).statusCode());
        assertEquals(403, call("Bearer " + signedByPool(with("custom:role", null)), "GET", "/stores", null).statusCode());
        assertEquals(403, call("Bearer " + signedByPool(with("custom:tenant_id", null)), "GET", "/stores", null).statusCode());
        assertEquals(403, call("Bearer " + signedByPool(with("custom:tenant_id", "tn_neverexisted")), "GET", "/stores", null).statusCode());
    }

    // ------------------------------------------------------------------------------------------------ forging

    private static String tamper(String token, String claim, String value) throws Exception {
        String[] parts = token.split("\\.");
        Map<String, Object> payload = JWTClaimsSet.parse(new String(Base64URL.from(parts[1]).decode(), StandardCharsets.UTF_8)).toJSONObject();
        payload.put(claim, value);
        String json = Api.JSON.writeValueAsString(payload);
        return parts[0] + "." + Base64URL.encode(json.getBytes(StandardCharsets.UTF_8)) + "." + parts[2];
    }

    private static String unsigned(String header, Map<String, Object> c) throws Exception {
        return Base64URL.encode(header.getBytes(StandardCharsets.UTF_8)) + "."
                + Base64URL.encode(Api.JSON.writeValueAsBytes(c)) + ".";
    }

    private static String hs256(byte[] secret) throws Exception {
        SignedJWT jwt = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.HS256).keyID(poolPublic.getKeyID())
                .type(JOSEObjectType.JWT).build(), JWTClaimsSet.parse(with()));
        jwt.sign(new MACSigner(secret));
        return jwt.serialize();
    }

    private static String rs256(RSAKey key, Map<String, Object> c, RSAKey embedded) throws Exception {
        JWSHeader.Builder h = new JWSHeader.Builder(JWSAlgorithm.RS256);
        if (key.getKeyID() != null) h.keyID(key.getKeyID());
        if (embedded != null) h.jwk(embedded);
        SignedJWT jwt = new SignedJWT(h.build(), JWTClaimsSet.parse(c));
        jwt.sign(new RSASSASigner(key));
        return jwt.serialize();
    }

    /** A genuine access token of the pool for the owner (what a client might send by mistake). */
    private static String accessToken() {
        var local = Local.instance();
        try (CognitoIdentityProviderClient cognito = CognitoIdentityProviderClient.builder()
                .endpointOverride(URI.create(String.valueOf(local.cognitoEndpoint())))
                .region(Region.of("cn-north-1"))
                .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create("local", "local")))
                .build()) {
            return cognito.initiateAuth(b -> b.clientId(local.clientId()).authFlow(AuthFlowType.USER_PASSWORD_AUTH)
                    .authParameters(Map.of("USERNAME", t.ownerEmail(), "PASSWORD", Fixtures.NEW_PASSWORD)))
                    .authenticationResult().accessToken();
        }
    }

    private static HttpResponse<String> call(String authorization, String method, String path, String body) throws Exception {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(Local.gatewayUrl() + path))
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body));
        if (body != null) b.header("Content-Type", "application/json");
        if (authorization != null) b.header("Authorization", authorization);
        return HTTP.send(b.build(), HttpResponse.BodyHandlers.ofString());
    }
}
