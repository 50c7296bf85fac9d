package com.zhidian.local.cognito;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.zhidian.local.aws.Json;
import com.nimbusds.jwt.JWTClaimsSet;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import java.util.function.Supplier;

/**
 * The tokens a successful sign-in gets: ID and access tokens with the claims Cognito puts in them, signed by the
 * pool's key ({@link Tokens}), and opaque refresh tokens kept on the user; and GetUser, which reads them back.
 */
final class TokenIssuer {
    private static final Duration REFRESH_VALIDITY = Duration.ofDays(30);
    private static final int MAX_REFRESH_TOKENS_PER_USER = 20;
    private static final SecureRandom RANDOM = new SecureRandom();

    private final PoolSettings pool;
    private final UserStore users;
    private final Tokens tokens;
    private final Supplier<String> issuer;

    /** {@code issuer}: the {@code iss} claim, known once the server has its port. */
    TokenIssuer(PoolSettings pool, UserStore users, Tokens tokens, Supplier<String> issuer) {
        this.pool = pool;
        this.users = users;
        this.tokens = tokens;
        this.issuer = issuer;
    }

    /** GetUser: the user of a valid access token, in GetUser's shape (Username and UserAttributes, no status or dates). */
    JsonNode getUser(JsonNode req) {
        String access = Requests.text(req, "AccessToken");
        if (access == null) throw CognitoException.invalidParameter("1 validation error detected: Value null at 'accessToken' failed to satisfy constraint: Member must not be null");
        JWTClaimsSet claims = tokens.verify(access);
        try {
            if (claims == null || !"access".equals(claims.getStringClaim("token_use"))) {
                throw CognitoException.notAuthorized("Invalid Access Token");
            }
            if (claims.getExpirationTime().getTime() < System.currentTimeMillis()) throw CognitoException.notAuthorized("Access Token has expired");
            User u = users.byUsername(claims.getStringClaim("username")).orElseThrow(() -> CognitoException.notAuthorized("Access Token has been revoked"));
            synchronized (users) {
                if (u.revokedOrigins.contains(claims.getStringClaim("origin_jti"))) throw CognitoException.notAuthorized("Access Token has been revoked");
                ObjectNode out = Json.object();
                out.put("Username", u.username);
                out.set("UserAttributes", Requests.userJson(u, "UserAttributes").get("UserAttributes"));
                return out;
            }
        } catch (java.text.ParseException e) {
            throw CognitoException.notAuthorized("Invalid Access Token");
        }
    }

    static String randomToken(int bytes) {
        byte[] b = new byte[bytes];
        RANDOM.nextBytes(b);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(b);
    }

    /**
     * Refresh tokens are opaque: {@code <random>.<origin_jti>.<auth_time>.<expiry epoch seconds>} (older ones
     * {@code <random>.<expiry>}), so that tokens refreshed from them keep the sign-in's origin_jti and auth_time, as
     * Cognito's do.
     */
    record Origin(String originJti, long authTime) {}

    static Origin originOf(String refreshToken) {
        String[] parts = refreshToken.split("\\.");
        if (parts.length != 4) return null;
        try {
            return new Origin(parts[1], Long.parseLong(parts[2]));
        } catch (NumberFormatException e) {
            return null;
        }
    }

    static boolean refreshExpired(String token) {
        int dot = token.lastIndexOf('.');
        try {
            return dot > 0 && Long.parseLong(token.substring(dot + 1)) < System.currentTimeMillis() / 1000;
        } catch (NumberFormatException e) {
            return false;
        }
    }

    /** Tokens for a new sign-in, with a refresh token. */
    JsonNode authenticated(User u, boolean withRefreshToken) {
        return authenticated(u, withRefreshToken, null);
    }

    /** Tokens; {@code origin} non-null (REFRESH_TOKEN_AUTH) keeps the sign-in's origin_jti and auth_time. */
    JsonNode authenticated(User u, boolean withRefreshToken, Origin origin) {
        long now = System.currentTimeMillis() / 1000;
        String originJti = origin == null ? UUID.randomUUID().toString() : origin.originJti();
        long authTime = origin == null ? now : origin.authTime();
        ObjectNode result = Json.object();
        Map<String, Object> id;
        synchronized (users) {
            id = idClaims(u, now, originJti);
        }
        id.put("auth_time", authTime);
        Map<String, Object> access = accessClaims(u, now, originJti);
        access.put("auth_time", authTime);
        result.put("AccessToken", tokens.sign(access));
        result.put("ExpiresIn", pool.tokenValidity().toSeconds());
        result.put("TokenType", "Bearer");
        if (withRefreshToken) {
            String refresh = randomToken(64) + "." + originJti + "." + authTime + "." + (now + REFRESH_VALIDITY.toSeconds());
            synchronized (users) {
                u.refreshTokens.add(refresh);
                while (u.refreshTokens.size() > MAX_REFRESH_TOKENS_PER_USER) u.refreshTokens.remove(0);
                users.save();
            }
            result.put("RefreshToken", refresh);
        }
        result.put("IdToken", tokens.sign(id));
        ObjectNode out = Json.object();
        out.putObject("ChallengeParameters");
        out.set("AuthenticationResult", result);
        return out;
    }

    Map<String, Object> idClaims(User u, long now, String originJti) {
        Map<String, Object> c = new LinkedHashMap<>();
        c.put("sub", u.sub());
        u.attributes.forEach((k, v) -> {
            if (k.equals("sub")) return;
            if (k.endsWith("_verified")) c.put(k, Boolean.parseBoolean(v));
            else c.put(k, v);
        });
        c.put("iss", issuer.get());
        c.put("cognito:username", u.username);
        c.put("origin_jti", originJti);
        c.put("aud", pool.clientId());
        c.put("event_id", UUID.randomUUID().toString());
        c.put("token_use", "id");
        c.put("auth_time", now);
        c.put("exp", now + pool.tokenValidity().toSeconds());
        c.put("iat", now);
        c.put("jti", UUID.randomUUID().toString());
        return c;
    }

    private Map<String, Object> accessClaims(User u, long now, String originJti) {
        Map<String, Object> c = new LinkedHashMap<>();
        c.put("sub", u.sub());
        c.put("iss", issuer.get());
        c.put("client_id", pool.clientId());
        c.put("origin_jti", originJti);
        c.put("event_id", UUID.randomUUID().toString());
        c.put("token_use", "access");
        c.put("scope", "aws.cognito.signin.user.admin");
        c.put("auth_time", now);
        c.put("exp", now + pool.tokenValidity().toSeconds());
        c.put("iat", now);
        c.put("jti", UUID.randomUUID().toString());
        c.put("username", u.username);
        c.put("version", 2);
        return c;
    }

}
