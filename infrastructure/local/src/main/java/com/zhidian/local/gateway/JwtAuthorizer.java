package com.zhidian.local.gateway;

import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSObject;
import com.nimbusds.jose.crypto.RSASSAVerifier;
import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import java.net.URI;
import java.io.InputStream;
import java.net.HttpURLConnection;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Verifies a bearer JWT as the HTTP API JWT authorizer does: the token is a JWS signed with RS256 by a
 * key of the issuer's JWKS ({@code kid}); {@code iss} equals the configured issuer; {@code aud} (or, for
 * access tokens, {@code client_id}) is one of the configured audiences; {@code exp} is in the future;
 * {@code nbf} and {@code iat}, when present, are not in the future. Anything else is 401.
 * The JWKS is fetched over HTTP from the issuer and cached (re-fetched, at most every 10 s, for an
 * unknown {@code kid}).
 */
public final class JwtAuthorizer {

    /** Why a token was refused (logged; the client only ever sees 401 {"message":"Unauthorized"}). */
    public static final class Rejected extends Exception {
        public Rejected(String why) { super(why, null, false, false); }
    }

    private final String issuer;
    private final Set<String> audiences;
    private final URI jwksUri;
    private final Clock clock;
    private volatile JWKSet keys;
    /** Tokens whose signature, issuer and audience were checked: only the times are checked again. */
    private final java.util.concurrent.ConcurrentHashMap<String, Verified> verified = new java.util.concurrent.ConcurrentHashMap<>();
    private static final int MAX_CACHED = 10_000;

    private record Verified(Map<String, Object> claims, long expMillis, long nbfMillis) {}
    private volatile long lastFetchMillis;

    public JwtAuthorizer(String issuer, Set<String> audiences, URI jwksUri, Clock clock) {
        this.issuer = issuer;
        this.audiences = Set.copyOf(audiences);
        this.jwksUri = jwksUri;
        this.clock = clock;
    }

    public String issuer() { return issuer; }

    public Set<String> audiences() { return audiences; }

    /** Verifies the value of the Authorization header and returns the token's claims, as the payload has them. */
    public Map<String, Object> verify(String authorization) throws Rejected {
        if (authorization == null || authorization.isBlank()) throw new Rejected("no Authorization header");
        String token = authorization.strip();
        if (token.regionMatches(true, 0, "Bearer ", 0, 7)) token = token.substring(7).strip();
        Verified known = verified.get(token);
        if (known != null) {
            long now = clock.millis();
            if (known.expMillis() <= now) throw new Rejected("expired");
            if (known.nbfMillis() > now) throw new Rejected("not yet valid");
            return known.claims();
        }
        SignedJWT jwt;
        try {
            jwt = SignedJWT.parse(token);   // an unsigned (alg none) token is not a SignedJWT: refused here
        } catch (Exception e) {
            throw new Rejected("not a signed JWT: " + e.getMessage());
        }
        if (!JWSAlgorithm.RS256.equals(jwt.getHeader().getAlgorithm())) {
            throw new Rejected("alg " + jwt.getHeader().getAlgorithm() + " is not RS256");
        }
        String kid = jwt.getHeader().getKeyID();
        if (kid == null) throw new Rejected("no kid");
        RSAKey key = key(kid);
        if (key == null) throw new Rejected("kid " + kid + " is not in the issuer's JWKS");
        try {
            if (jwt.getState() != JWSObject.State.SIGNED || !jwt.verify(new RSASSAVerifier(key.toRSAPublicKey()))) {
                throw new Rejected("bad signature");
            }
        } catch (Rejected r) {
            throw r;
        } catch (Exception e) {
            throw new Rejected("signature check failed: " + e.getMessage());
        }
        JWTClaimsSet claims;
        try {
            claims = jwt.getJWTClaimsSet();
        } catch (Exception e) {
            throw new Rejected("unreadable claims");
        }
        if (!issuer.equals(claims.getIssuer())) throw new Rejected("iss " + claims.getIssuer() + " is not " + issuer);
        List<String> aud = claims.getAudience();
        Object clientId = claims.getClaim("client_id");
        boolean audOk = aud != null && aud.stream().anyMatch(audiences::contains);
        if (!audOk && (aud == null || aud.isEmpty()) && clientId != null) audOk = audiences.contains(clientId.toString());
        if (!audOk) throw new Rejected("aud " + aud + " / client_id " + clientId + " not in " + audiences);
        Date now = Date.from(clock.instant());
        Date exp = claims.getExpirationTime();
        if (exp == null) throw new Rejected("no exp");
        if (!exp.after(now)) throw new Rejected("expired at " + exp.toInstant());
        Date nbf = claims.getNotBeforeTime();
        if (nbf != null && nbf.after(now)) throw new Rejected("not before " + nbf.toInstant());
        Date iat = claims.getIssueTime();
        if (iat != null && iat.getTime() > now.getTime() + 5 * 60_000) throw new Rejected("issued in the future");
        Map<String, Object> raw = java.util.Collections.unmodifiableMap(jwt.getPayload().toJSONObject());
        if (verified.size() >= MAX_CACHED) verified.clear();
        verified.put(token, new Verified(raw, exp.getTime(), nbf == null ? Long.MIN_VALUE : nbf.getTime()));
        return raw;
    }

    private RSAKey key(String kid) throws Rejected {
        JWKSet set = keys;
        JWK k = set == null ? null : set.getKeyByKeyId(kid);
        if (k == null) {
            synchronized (this) {
                set = keys;
                k = set == null ? null : set.getKeyByKeyId(kid);
                long now = System.currentTimeMillis();
                if (k == null && (set == null || now - lastFetchMillis > 10_000)) {
                    lastFetchMillis = now;
                    set = fetch();
                    keys = set;
                    k = set.getKeyByKeyId(kid);
                }
            }
        }
        return k instanceof RSAKey r ? r : null;
    }

    private JWKSet fetch() throws Rejected {
        try {
            HttpURLConnection c = (HttpURLConnection) jwksUri.toURL().openConnection();
            c.setConnectTimeout(2000);
            c.setReadTimeout(3000);
            int status = c.getResponseCode();
            if (status != 200) throw new Rejected("JWKS answered " + status);
            try (InputStream in = c.getInputStream()) {
                return JWKSet.parse(new String(in.readAllBytes(), StandardCharsets.UTF_8));
            }
        } catch (Rejected e) {
            throw e;
        } catch (Exception e) {
            throw new Rejected("cannot fetch JWKS from " + jwksUri + ": " + e);
        }
    }
}
