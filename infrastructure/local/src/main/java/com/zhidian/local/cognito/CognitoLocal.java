package com.zhidian.local.cognito;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.nimbusds.jwt.JWTClaimsSet;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import com.zhidian.local.Json;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A Cognito user pool stand-in: the Cognito Identity Provider API (JSON 1.1, {@code X-Amz-Target:
 * AWSCognitoIdentityProviderService.<Operation>}) for the calls Zhidian makes, RS256 tokens with the
 * claims Cognito puts in them, and the JWKS at {@code /<poolId>/.well-known/jwks.json}.
 * Request signatures are not checked (any credentials are accepted).
 */
public final class CognitoLocal implements AutoCloseable {
    private static final String TARGET_PREFIX = "AWSCognitoIdentityProviderService.";
    private static final Duration SESSION_VALIDITY = Duration.ofMinutes(3);
    private static final Duration REFRESH_VALIDITY = Duration.ofDays(30);
    private static final int MAX_REFRESH_TOKENS_PER_USER = 20;
    private static final SecureRandom RANDOM = new SecureRandom();

    private final PoolSettings pool;
    private final UserStore users;
    private final Tokens tokens;
    private final HttpServer server;
    private final ExecutorService executor;
    private final Map<String, AuthSession> sessions = new ConcurrentHashMap<>();
    private volatile boolean unavailable;
    private volatile Duration latency = Duration.ZERO;
    private volatile CustomAuthTriggers customAuth;

    /** A challenge in progress (NEW_PASSWORD_REQUIRED or CUSTOM_CHALLENGE). */
    private record AuthSession(String username, String challengeName, long expiresAtMillis,
                               List<CustomAuthTriggers.ChallengeResult> rounds, Map<String, String> privateParameters,
                               String challengeMetadata, Map<String, String> clientMetadata) {}

    private CognitoLocal(PoolSettings pool, Path dataDir, String host, int port) throws IOException {
        this.pool = pool;
        this.users = new UserStore(dataDir == null ? null : dataDir.resolve("cognito-users.json"), pool.caseSensitive());
        this.tokens = new Tokens(dataDir == null ? null : dataDir.resolve("cognito-signing-key.json"));
        this.server = HttpServer.create(new InetSocketAddress(host, port), 128);
        AtomicInteger n = new AtomicInteger();
        this.executor = Executors.newCachedThreadPool(r -> {
            Thread t = new Thread(r, "cognito-local-" + n.incrementAndGet());
            t.setDaemon(true);
            return t;
        });
        server.setExecutor(executor);
        server.createContext("/", this::handle);
        server.start();
    }

    /**
     * Starts the stand-in. {@code dataDir} null keeps users in memory; otherwise users live in
     * {@code cognito-users.json} and the signing key in {@code cognito-signing-key.json} there.
     */
    public static CognitoLocal start(PoolSettings pool, Path dataDir, String host, int port) {
        try {
            return new CognitoLocal(pool, dataDir, host, port);
        } catch (IOException e) {
            throw new IllegalStateException("cannot start the Cognito stand-in on port " + port + ": " + e.getMessage(), e);
        }
    }

    public int port() { return server.getAddress().getPort(); }

    public URI endpoint() { return URI.create("http://localhost:" + port()); }

    /** {@code http://localhost:<port>/<poolId>}, the {@code iss} of every token. */
    public String issuer() { return "http://localhost:" + port() + "/" + pool.poolId(); }

    public URI jwksUri() { return URI.create(issuer() + "/.well-known/jwks.json"); }

    public String poolId() { return pool.poolId(); }

    public String clientId() { return pool.clientId(); }

    public PoolSettings settings() { return pool; }

    /** The JWKS document, as served. */
    public String jwks() { return tokens.jwks(); }

    /** Fault injection: every API call answers 503 while unavailable (the JWKS keeps answering, as API Gateway caches it). */
    public void setUnavailable(boolean unavailable) { this.unavailable = unavailable; }

    /** Fault injection: every API call waits this long first. */
    public void setLatency(Duration latency) { this.latency = latency == null ? Duration.ZERO : latency; }

    public boolean isUnavailable() { return unavailable; }

    public Duration latency() { return latency; }

    /** Plugs in the CUSTOM_AUTH triggers (DefineAuthChallenge, CreateAuthChallenge, VerifyAuthChallengeResponse). */
    public void setCustomAuthTriggers(CustomAuthTriggers triggers) { this.customAuth = triggers; }

    /** The CUSTOM_AUTH triggers in use, or null. */
    public CustomAuthTriggers customAuthTriggers() { return customAuth; }

    /**
     * Signs arbitrary claims with the pool's key (RS256, the JWKS {@code kid}). For tests that need
     * expired, foreign-audience or otherwise odd tokens that still carry a valid signature.
     */
    public String sign(Map<String, Object> claims) { return tokens.sign(claims); }

    /** ID token claims for a user as Cognito would issue them now; for tests that adjust one claim. */
    public Map<String, Object> idTokenClaims(String username) {
        User u = users.find(username, pool.signInAttributes()).orElseThrow(CognitoException::userNotFound);
        return idClaims(u, System.currentTimeMillis() / 1000, UUID.randomUUID().toString());
    }

    @Override
    public void close() {
        server.stop(0);
        executor.shutdownNow();
    }

    // ---------------------------------------------------------------------------------------------- HTTP

    private void handle(HttpExchange ex) throws IOException {
        try (ex) {
            String path = ex.getRequestURI().getPath();
            String method = ex.getRequestMethod();
            if (method.equals("GET")) {
                if (path.equals("/" + pool.poolId() + "/.well-known/jwks.json")) {
                    send(ex, 200, "application/json", tokens.jwks());
                } else if (path.equals("/" + pool.poolId() + "/.well-known/openid-configuration")) {
                    ObjectNode o = Json.object();
                    o.put("issuer", issuer());
                    o.put("jwks_uri", jwksUri().toString());
                    o.putArray("id_token_signing_alg_values_supported").add("RS256");
                    o.putArray("response_types_supported").add("code").add("token");
                    o.putArray("subject_types_supported").add("public");
                    send(ex, 200, "application/json", o.toString());
                } else if (path.equals("/health")) {
                    send(ex, 200, "application/json", "{\"status\":\"ok\"}");
                } else {
                    send(ex, 404, "application/json", "{\"message\":\"Not Found\"}");
                }
                return;
            }
            String target = ex.getRequestHeaders().getFirst("X-Amz-Target");
            if (!method.equals("POST") || target == null || !target.startsWith(TARGET_PREFIX)) {
                error(ex, new CognitoException("UnknownOperationException", "Missing or unknown X-Amz-Target", 400));
                return;
            }
            byte[] body;
            try (InputStream in = ex.getRequestBody()) {
                body = in.readAllBytes();
            }
            Duration delay = latency;
            if (!delay.isZero()) {
                try {
                    Thread.sleep(delay.toMillis());
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }
            if (unavailable) {
                error(ex, new CognitoException("ServiceUnavailableException",
                        "Service unavailable (fault injected by Zhidian Local)", 503));
                return;
            }
            JsonNode req;
            try {
                req = Json.parse(body);
            } catch (IOException e) {
                error(ex, new CognitoException("SerializationException", "Invalid JSON body", 400));
                return;
            }
            try {
                JsonNode out = dispatch(target.substring(TARGET_PREFIX.length()), req);
                send(ex, 200, "application/x-amz-json-1.1", out.toString());
            } catch (CognitoException e) {
                error(ex, e);
            } catch (RuntimeException e) {
                e.printStackTrace();
                error(ex, new CognitoException("InternalErrorException", String.valueOf(e.getMessage()), 500));
            }
        }
    }

    private static void error(HttpExchange ex, CognitoException e) throws IOException {
        ObjectNode o = Json.object();
        o.put("__type", e.type());
        o.put("message", e.getMessage());
        ex.getResponseHeaders().set("x-amzn-ErrorType", e.type());
        send(ex, e.status(), "application/x-amz-json-1.1", o.toString());
    }

    private static void send(HttpExchange ex, int status, String contentType, String body) throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        ex.getResponseHeaders().set("Content-Type", contentType);
        ex.getResponseHeaders().set("x-amzn-RequestId", UUID.randomUUID().toString());
        ex.sendResponseHeaders(status, bytes.length == 0 ? -1 : bytes.length);
        if (bytes.length > 0) {
            try (OutputStream out = ex.getResponseBody()) {
                out.write(bytes);
            }
        }
    }

    // ---------------------------------------------------------------------------------------------- API

    private JsonNode dispatch(String op, JsonNode req) {
        return switch (op) {
            case "AdminCreateUser" -> adminCreateUser(req);
            case "AdminGetUser" -> adminGetUser(req);
            case "AdminSetUserPassword" -> adminSetUserPassword(req);
            case "AdminUpdateUserAttributes" -> adminUpdateUserAttributes(req);
            case "AdminDeleteUserAttributes" -> adminDeleteUserAttributes(req);
            case "AdminDisableUser" -> adminSetEnabled(req, false);
            case "AdminEnableUser" -> adminSetEnabled(req, true);
            case "AdminDeleteUser" -> adminDeleteUser(req);
            case "AdminUserGlobalSignOut" -> adminGlobalSignOut(req);
            case "ListUsers" -> listUsers(req);
            case "InitiateAuth" -> initiateAuth(req, false);
            case "AdminInitiateAuth" -> initiateAuth(req, true);
            case "RespondToAuthChallenge", "AdminRespondToAuthChallenge" -> respondToAuthChallenge(req);
            case "GetUser" -> getUser(req);
            case "DescribeUserPool" -> describeUserPool(req);
            default -> throw new CognitoException("UnknownOperationException",
                    "Operation " + op + " is not supported by the local Cognito stand-in");
        };
    }

    private void checkPool(JsonNode req) {
        String id = text(req, "UserPoolId");
        if (id == null) throw CognitoException.invalidParameter("1 validation error detected: Value null at 'userPoolId' failed to satisfy constraint: Member must not be null");
        if (!id.equals(pool.poolId())) {
            throw new CognitoException("ResourceNotFoundException", "User pool " + id + " does not exist.");
        }
    }

    private void checkClient(JsonNode req) {
        String id = text(req, "ClientId");
        if (id == null || !id.equals(pool.clientId())) {
            throw new CognitoException("ResourceNotFoundException", "User pool client " + id + " does not exist.");
        }
    }

    private User requireUser(JsonNode req) {
        String username = text(req, "Username");
        if (username == null) throw CognitoException.invalidParameter("1 validation error detected: Value null at 'username' failed to satisfy constraint: Member must not be null");
        return users.find(username, pool.signInAttributes()).orElseThrow(CognitoException::userNotFound);
    }

    private JsonNode adminCreateUser(JsonNode req) {
        checkPool(req);
        String username = text(req, "Username");
        if (username == null || username.isBlank()) throw CognitoException.invalidParameter("1 validation error detected: Value at 'username' failed to satisfy constraint: Member must satisfy regular expression pattern: [\\p{L}\\p{M}\\p{S}\\p{N}\\p{P}]+");
        String messageAction = text(req, "MessageAction");
        Map<String, String> attrs = attributes(req.get("UserAttributes"));
        checkAttributes(attrs);
        synchronized (users) {
            if ("RESEND".equals(messageAction)) {
                User u = requireUser(req);
                return Json.object().set("User", userJson(u, "Attributes"));
            }
            String storedName = username;
            if (pool.usernameAttributes().contains("email")) {
                if (!username.contains("@") && !pool.usernameAttributes().contains("phone_number")) {
                    throw CognitoException.invalidParameter("Username should be an email.");
                }
                if (username.contains("@")) attrs.putIfAbsent("email", username);
                else attrs.putIfAbsent("phone_number", username);
            }
            for (String alias : pool.signInAttributes()) {
                String v = alias.equals("email") && username.contains("@") ? username : attrs.get(alias);
                if (v != null && users.find(v, List.of(alias)).isPresent()) {
                    throw new CognitoException("UsernameExistsException",
                            alias.equals("email") ? "An account with the given email already exists." : "An account with the given phone_number already exists.");
                }
            }
            if (users.find(username, List.of()).isPresent()) {
                throw new CognitoException("UsernameExistsException", "User account already exists");
            }
            String temp = text(req, "TemporaryPassword");
            if (temp != null) pool.passwordPolicy().check(temp);
            else temp = Passwords.temporary();
            String sub = UUID.randomUUID().toString();
            if (pool.usernameAttributes().contains("email") || pool.usernameAttributes().contains("phone_number")) storedName = sub;
            long now = System.currentTimeMillis();
            User u = new User();
            u.username = storedName;
            u.attributes.put("sub", sub);
            u.attributes.putAll(attrs);
            u.passwordHash = Passwords.hash(temp);
            u.status = "FORCE_CHANGE_PASSWORD";
            u.createdMillis = now;
            u.modifiedMillis = now;
            users.put(u);
            return Json.object().set("User", userJson(u, "Attributes"));
        }
    }

    private void checkAttributes(Map<String, String> attrs) {
        if (attrs.containsKey("sub")) throw CognitoException.invalidParameter("Cannot modify an already provided sub attribute");
        if (pool.customAttributes().isEmpty()) return;
        for (String name : attrs.keySet()) {
            if (name.startsWith("custom:") && !pool.customAttributes().contains(name)) {
                throw CognitoException.invalidParameter("Attributes did not conform to the schema: Type for attribute {" + name + "} could not be determined");
            }
        }
    }

    private JsonNode adminGetUser(JsonNode req) {
        checkPool(req);
        User u = requireUser(req);
        synchronized (users) {
            return userJson(u, "UserAttributes");
        }
    }

    private JsonNode adminSetUserPassword(JsonNode req) {
        checkPool(req);
        User u = requireUser(req);
        String password = text(req, "Password");
        pool.passwordPolicy().check(password);
        boolean permanent = req.path("Permanent").asBoolean(false);
        synchronized (users) {
            u.passwordHash = Passwords.hash(password);
            u.status = permanent ? "CONFIRMED" : "FORCE_CHANGE_PASSWORD";
            u.modifiedMillis = System.currentTimeMillis();
            users.save();
        }
        return Json.object();
    }

    private JsonNode adminUpdateUserAttributes(JsonNode req) {
        checkPool(req);
        User u = requireUser(req);
        Map<String, String> attrs = attributes(req.get("UserAttributes"));
        checkAttributes(attrs);
        synchronized (users) {
            u.attributes.putAll(attrs);
            u.modifiedMillis = System.currentTimeMillis();
            users.save();
        }
        return Json.object();
    }

    private JsonNode adminDeleteUserAttributes(JsonNode req) {
        checkPool(req);
        User u = requireUser(req);
        synchronized (users) {
            req.path("UserAttributeNames").forEach(n -> { if (!n.asText().equals("sub")) u.attributes.remove(n.asText()); });
            u.modifiedMillis = System.currentTimeMillis();
            users.save();
        }
        return Json.object();
    }

    private JsonNode adminSetEnabled(JsonNode req, boolean enabled) {
        checkPool(req);
        User u = requireUser(req);
        synchronized (users) {
            u.enabled = enabled;
            u.modifiedMillis = System.currentTimeMillis();
            users.save();
        }
        return Json.object();
    }

    private JsonNode adminDeleteUser(JsonNode req) {
        checkPool(req);
        User u = requireUser(req);
        users.remove(u);
        return Json.object();
    }

    private JsonNode adminGlobalSignOut(JsonNode req) {
        checkPool(req);
        User u = requireUser(req);
        synchronized (users) {
            u.refreshTokens.clear();
            users.save();
        }
        return Json.object();
    }

    private static final Pattern FILTER = Pattern.compile("^\\s*\"?([\\w:]+)\"?\\s*(=|\\^=)\\s*\"((?:[^\"\\\\]|\\\\.)*)\"\\s*$");

    private JsonNode listUsers(JsonNode req) {
        checkPool(req);
        String filter = text(req, "Filter");
        int limit = req.has("Limit") ? req.get("Limit").asInt() : 60;
        if (limit < 0 || limit > 60) throw CognitoException.invalidParameter("1 validation error detected: Value '" + limit + "' at 'limit' failed to satisfy constraint: Member must have value less than or equal to 60");
        if (limit == 0) limit = 60;
        String attrName = null, op = null, value = null;
        if (filter != null && !filter.isBlank()) {
            Matcher m = FILTER.matcher(filter);
            if (!m.matches()) throw CognitoException.invalidParameter("Error while parsing filter.");
            attrName = m.group(1);
            op = m.group(2);
            value = m.group(3).replace("\\\"", "\"");
            if (!List.of("username", "email", "phone_number", "name", "given_name", "family_name", "preferred_username",
                    "cognito:user_status", "status", "sub").contains(attrName)) {
                throw CognitoException.invalidParameter("Invalid search attribute: " + attrName);
            }
        }
        List<User> all;
        synchronized (users) {
            all = users.all();
        }
        all.sort(Comparator.comparingLong((User u) -> u.createdMillis).thenComparing(u -> u.username));
        List<User> matching = new ArrayList<>();
        for (User u : all) {
            if (attrName == null) {
                matching.add(u);
                continue;
            }
            String actual = switch (attrName) {
                case "username" -> u.username;
                case "cognito:user_status" -> u.status;
                case "status" -> u.enabled ? "Enabled" : "Disabled";
                default -> u.attributes.get(attrName);
            };
            if (actual == null) continue;
            boolean ok = op.equals("=") ? actual.equals(value) : actual.startsWith(value);
            if (ok) matching.add(u);
        }
        int start = 0;
        String token = text(req, "PaginationToken");
        if (token != null) {
            try {
                start = Integer.parseInt(new String(Base64.getUrlDecoder().decode(token), StandardCharsets.UTF_8));
            } catch (RuntimeException e) {
                throw CognitoException.invalidParameter("Invalid pagination token");
            }
        }
        List<String> only = new ArrayList<>();
        req.path("AttributesToGet").forEach(n -> only.add(n.asText()));
        ObjectNode out = Json.object();
        ArrayNode arr = out.putArray("Users");
        int end = Math.min(matching.size(), start + limit);
        synchronized (users) {
            for (int i = start; i < end; i++) {
                ObjectNode uj = userJson(matching.get(i), "Attributes");
                if (!only.isEmpty()) {
                    ArrayNode filtered = Json.MAPPER.createArrayNode();
                    uj.path("Attributes").forEach(a -> { if (only.contains(a.path("Name").asText())) filtered.add(a); });
                    uj.set("Attributes", filtered);
                }
                arr.add(uj);
            }
        }
        if (end < matching.size()) {
            out.put("PaginationToken", Base64.getUrlEncoder().withoutPadding().encodeToString(String.valueOf(end).getBytes(StandardCharsets.UTF_8)));
        }
        return out;
    }

    private JsonNode describeUserPool(JsonNode req) {
        checkPool(req);
        ObjectNode p = Json.object();
        p.put("Id", pool.poolId());
        p.put("Name", pool.poolId());
        p.put("Arn", "arn:aws:cognito-idp:cn-north-1:000000000000:userpool/" + pool.poolId());
        ArrayNode ua = p.putArray("UsernameAttributes");
        pool.usernameAttributes().forEach(ua::add);
        return Json.object().set("UserPool", p);
    }

    private JsonNode getUser(JsonNode req) {
        String access = text(req, "AccessToken");
        JWTClaimsSet claims = access == null ? null : tokens.verify(access);
        try {
            if (claims == null || !"access".equals(claims.getStringClaim("token_use"))
                    || claims.getExpirationTime().getTime() < System.currentTimeMillis()) {
                throw CognitoException.notAuthorized("Invalid Access Token");
            }
            User u = users.byUsername(claims.getStringClaim("username")).orElseThrow(() -> CognitoException.notAuthorized("Access Token has been revoked"));
            synchronized (users) {
                return userJson(u, "UserAttributes");
            }
        } catch (java.text.ParseException e) {
            throw CognitoException.notAuthorized("Invalid Access Token");
        }
    }

    // ---------------------------------------------------------------------------------------------- auth

    private JsonNode initiateAuth(JsonNode req, boolean admin) {
        if (admin) checkPool(req);
        checkClient(req);
        String flow = text(req, "AuthFlow");
        JsonNode params = req.path("AuthParameters");
        Map<String, String> clientMetadata = stringMap(req.get("ClientMetadata"));
        if (flow == null) throw CognitoException.invalidParameter("Missing required parameter AuthFlow");
        switch (flow) {
            case "USER_PASSWORD_AUTH", "ADMIN_USER_PASSWORD_AUTH", "ADMIN_NO_SRP_AUTH" -> {
                if (!admin && !flow.equals("USER_PASSWORD_AUTH")) throw CognitoException.invalidParameter("Initiate Auth method not supported.");
                String username = text(params, "USERNAME");
                String password = text(params, "PASSWORD");
                if (username == null) throw CognitoException.invalidParameter("Missing required parameter USERNAME");
                if (password == null) throw CognitoException.invalidParameter("Missing required parameter PASSWORD");
                User u = users.find(username, pool.signInAttributes())
                        .orElseThrow(() -> CognitoException.notAuthorized("Incorrect username or password."));
                String status;
                synchronized (users) {
                    if (!Passwords.matches(password, u.passwordHash)) throw CognitoException.notAuthorized("Incorrect username or password.");
                    if (!u.enabled) throw CognitoException.notAuthorized("User is disabled.");
                    status = u.status;
                }
                if ("FORCE_CHANGE_PASSWORD".equals(status)) {
                    String session = newSession(new AuthSession(u.username, "NEW_PASSWORD_REQUIRED",
                            System.currentTimeMillis() + SESSION_VALIDITY.toMillis(), List.of(), Map.of(), null, clientMetadata));
                    ObjectNode out = Json.object();
                    out.put("ChallengeName", "NEW_PASSWORD_REQUIRED");
                    out.put("Session", session);
                    ObjectNode cp = out.putObject("ChallengeParameters");
                    cp.put("USER_ID_FOR_SRP", u.username);
                    cp.put("requiredAttributes", "[]");
                    ObjectNode ua = Json.object();
                    synchronized (users) {
                        u.attributes.forEach((k, v) -> { if (!k.equals("sub")) ua.put(k, v); });
                    }
                    cp.put("userAttributes", ua.toString());
                    return out;
                }
                return authenticated(u, true);
            }
            case "REFRESH_TOKEN_AUTH", "REFRESH_TOKEN" -> {
                String token = text(params, "REFRESH_TOKEN");
                if (token == null) throw CognitoException.invalidParameter("Missing required parameter REFRESH_TOKEN");
                User u = users.byRefreshToken(token).orElseThrow(() -> CognitoException.notAuthorized("Invalid Refresh Token"));
                if (refreshExpired(token)) throw CognitoException.notAuthorized("Refresh Token has expired");
                if (!u.enabled) throw CognitoException.notAuthorized("User is disabled.");
                return authenticated(u, false);
            }
            case "CUSTOM_AUTH" -> {
                CustomAuthTriggers triggers = customAuth;
                if (triggers == null) throw CognitoException.invalidParameter("Custom auth lambda trigger is not configured for the user pool.");
                String username = text(params, "USERNAME");
                if (username == null) throw CognitoException.invalidParameter("Missing required parameter USERNAME");
                User u = users.find(username, pool.signInAttributes())
                        .orElseThrow(() -> CognitoException.notAuthorized("Incorrect username or password."));
                if (!u.enabled) throw CognitoException.notAuthorized("User is disabled.");
                return nextCustomRound(triggers, u, List.of(), clientMetadata);
            }
            default -> throw CognitoException.invalidParameter("Initiate Auth method not supported.");
        }
    }

    private JsonNode nextCustomRound(CustomAuthTriggers triggers, User u, List<CustomAuthTriggers.ChallengeResult> rounds,
                                     Map<String, String> clientMetadata) {
        Map<String, String> attrs;
        synchronized (users) {
            attrs = new LinkedHashMap<>(u.attributes);
        }
        CustomAuthTriggers.Decision d = triggers.defineAuthChallenge(u.username, attrs, rounds, clientMetadata);
        if (d.failAuthentication()) throw CognitoException.notAuthorized("Incorrect username or password.");
        if (d.issueTokens()) return authenticated(u, true);
        String name = d.challengeName() == null ? "CUSTOM_CHALLENGE" : d.challengeName();
        CustomAuthTriggers.Challenge c = triggers.createAuthChallenge(u.username, attrs, name, rounds, clientMetadata);
        String session = newSession(new AuthSession(u.username, name, System.currentTimeMillis() + SESSION_VALIDITY.toMillis(),
                List.copyOf(rounds), c.privateChallengeParameters() == null ? Map.of() : c.privateChallengeParameters(),
                c.challengeMetadata(), clientMetadata));
        ObjectNode out = Json.object();
        out.put("ChallengeName", name);
        out.put("Session", session);
        ObjectNode cp = out.putObject("ChallengeParameters");
        if (c.publicChallengeParameters() != null) c.publicChallengeParameters().forEach(cp::put);
        cp.put("USERNAME", u.username);
        return out;
    }

    private JsonNode respondToAuthChallenge(JsonNode req) {
        checkClient(req);
        String name = text(req, "ChallengeName");
        String sessionId = text(req, "Session");
        JsonNode responses = req.path("ChallengeResponses");
        AuthSession s = sessionId == null ? null : sessions.remove(sessionId);
        if (s == null || s.expiresAtMillis() < System.currentTimeMillis()) {
            throw CognitoException.notAuthorized("Invalid session for the user, session is expired.");
        }
        if (name == null || !name.equals(s.challengeName())) {
            throw CognitoException.invalidParameter("Invalid challenge name for the session.");
        }
        String username = text(responses, "USERNAME");
        User u = users.byUsername(s.username()).orElseThrow(CognitoException::userNotFound);
        if (username != null && users.find(username, pool.signInAttributes()).map(x -> x != u).orElse(true)) {
            throw CognitoException.notAuthorized("Invalid session for the user.");
        }
        switch (name) {
            case "NEW_PASSWORD_REQUIRED" -> {
                String newPassword = text(responses, "NEW_PASSWORD");
                if (newPassword == null) throw CognitoException.invalidParameter("Missing required parameter NEW_PASSWORD");
                try {
                    pool.passwordPolicy().check(newPassword);
                } catch (CognitoException e) {
                    // a failed attempt keeps the session usable, as Cognito does
                    sessions.put(sessionId, s);
                    throw e;
                }
                synchronized (users) {
                    u.passwordHash = Passwords.hash(newPassword);
                    u.status = "CONFIRMED";
                    responses.fields().forEachRemaining(e -> {
                        if (e.getKey().startsWith("userAttributes.")) u.attributes.put(e.getKey().substring(15), e.getValue().asText());
                    });
                    u.modifiedMillis = System.currentTimeMillis();
                    users.save();
                }
                return authenticated(u, true);
            }
            case "CUSTOM_CHALLENGE" -> {
                CustomAuthTriggers triggers = customAuth;
                if (triggers == null) throw CognitoException.invalidParameter("Custom auth lambda trigger is not configured for the user pool.");
                String answer = text(responses, "ANSWER");
                if (answer == null) throw CognitoException.invalidParameter("Missing required parameter ANSWER");
                Map<String, String> attrs;
                synchronized (users) {
                    attrs = new LinkedHashMap<>(u.attributes);
                }
                Map<String, String> clientMetadata = new LinkedHashMap<>(s.clientMetadata());
                clientMetadata.putAll(stringMap(req.get("ClientMetadata")));
                boolean ok = triggers.verifyAuthChallengeResponse(u.username, attrs, s.privateParameters(), answer, clientMetadata);
                List<CustomAuthTriggers.ChallengeResult> rounds = new ArrayList<>(s.rounds());
                rounds.add(new CustomAuthTriggers.ChallengeResult(name, ok, s.challengeMetadata()));
                return nextCustomRound(triggers, u, rounds, clientMetadata);
            }
            default -> throw CognitoException.invalidParameter("Challenge " + name + " is not supported.");
        }
    }

    private String newSession(AuthSession s) {
        long now = System.currentTimeMillis();
        sessions.values().removeIf(x -> x.expiresAtMillis() < now);
        String id = randomToken(48);
        sessions.put(id, s);
        return id;
    }

    private static String randomToken(int bytes) {
        byte[] b = new byte[bytes];
        RANDOM.nextBytes(b);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(b);
    }

    /** Refresh tokens are opaque: {@code <random>.<expiry epoch seconds>}. */
    private static boolean refreshExpired(String token) {
        int dot = token.lastIndexOf('.');
        try {
            return dot > 0 && Long.parseLong(token.substring(dot + 1)) < System.currentTimeMillis() / 1000;
        } catch (NumberFormatException e) {
            return false;
        }
    }

    private JsonNode authenticated(User u, boolean withRefreshToken) {
        long now = System.currentTimeMillis() / 1000;
        String originJti = UUID.randomUUID().toString();
        ObjectNode result = Json.object();
        Map<String, Object> id;
        synchronized (users) {
            id = idClaims(u, now, originJti);
        }
        result.put("AccessToken", tokens.sign(accessClaims(u, now, originJti)));
        result.put("ExpiresIn", pool.tokenValidity().toSeconds());
        result.put("TokenType", "Bearer");
        if (withRefreshToken) {
            String refresh = randomToken(64) + "." + (now + REFRESH_VALIDITY.toSeconds());
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

    private Map<String, Object> idClaims(User u, long now, String originJti) {
        Map<String, Object> c = new LinkedHashMap<>();
        c.put("sub", u.sub());
        u.attributes.forEach((k, v) -> {
            if (k.equals("sub")) return;
            if (k.endsWith("_verified")) c.put(k, Boolean.parseBoolean(v));
            else c.put(k, v);
        });
        c.put("iss", issuer());
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
        c.put("iss", issuer());
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
        return c;
    }

    // ---------------------------------------------------------------------------------------------- JSON

    private static ObjectNode userJson(User u, String attributesField) {
        ObjectNode o = Json.object();
        o.put("Username", u.username);
        ArrayNode attrs = o.putArray(attributesField);
        u.attributes.forEach((k, v) -> attrs.addObject().put("Name", k).put("Value", v));
        o.put("UserCreateDate", u.createdMillis / 1000.0);
        o.put("UserLastModifiedDate", u.modifiedMillis / 1000.0);
        o.put("Enabled", u.enabled);
        o.put("UserStatus", u.status);
        return o;
    }

    private static Map<String, String> attributes(JsonNode list) {
        Map<String, String> m = new LinkedHashMap<>();
        if (list != null) {
            list.forEach(a -> {
                String name = a.path("Name").asText(null);
                if (name == null) throw CognitoException.invalidParameter("Attribute name is required");
                m.put(name, a.path("Value").asText(""));
            });
        }
        return m;
    }

    private static Map<String, String> stringMap(JsonNode o) {
        Map<String, String> m = new LinkedHashMap<>();
        if (o != null && o.isObject()) o.fields().forEachRemaining(e -> m.put(e.getKey(), e.getValue().asText()));
        return m;
    }

    private static String text(JsonNode o, String field) {
        JsonNode n = o == null ? null : o.get(field);
        return n == null || n.isNull() ? null : n.asText();
    }

    /** Users, for diagnostics ({@code GET /local/health}). */
    public int userCount() { return users.all().size(); }

    Optional<User> user(String username) { return users.find(username, pool.signInAttributes()); }
}
