package com.zhidian.local.cognito;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.zhidian.local.aws.Json;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Sign-in: InitiateAuth and RespondToAuthChallenge (and their Admin forms) for the flows Zhidian uses: a user name
 * and password (with NEW_PASSWORD_REQUIRED for a temporary password), a refresh token, and CUSTOM_AUTH through
 * the pool's trigger functions.
 */
final class AuthFlows {
    private static final Duration SESSION_VALIDITY = Duration.ofMinutes(3);

    private final PoolSettings pool;
    private final UserStore users;
    private final TokenIssuer tokens;
    private final Map<String, AuthSession> sessions = new ConcurrentHashMap<>();
    private volatile CustomAuthTriggers customAuth;
    private volatile AppClient appClient = AppClient.ANY;
    private SignUps signUps;

    /** A challenge in progress (NEW_PASSWORD_REQUIRED or CUSTOM_CHALLENGE). */
    private record AuthSession(String username, String challengeName, long expiresAtMillis,
                               List<CustomAuthTriggers.ChallengeResult> rounds, Map<String, String> privateParameters,
                               String challengeMetadata, Map<String, String> clientMetadata) {}

    AuthFlows(PoolSettings pool, UserStore users, TokenIssuer tokens) {
        this.pool = pool;
        this.users = users;
        this.tokens = tokens;
    }

    void setSignUps(SignUps signUps) { this.signUps = signUps; }

    void setAppClient(AppClient appClient) { this.appClient = appClient; }

    void setCustomAuthTriggers(CustomAuthTriggers triggers) { this.customAuth = triggers; }

    CustomAuthTriggers customAuthTriggers() { return customAuth; }

    JsonNode initiateAuth(JsonNode req, boolean admin) {
        if (admin) Requests.checkPool(pool, req);
        Requests.checkClient(pool, req);
        String flow = Requests.text(req, "AuthFlow");
        JsonNode params = req.path("AuthParameters");
        Map<String, String> clientMetadata = Requests.stringMap(req.get("ClientMetadata"));
        if (flow == null) throw CognitoException.invalidParameter("Missing required parameter AuthFlow");
        AppClient app = appClient;
        app.checkFlow(flow);
        switch (flow) {
            case "USER_PASSWORD_AUTH", "ADMIN_USER_PASSWORD_AUTH", "ADMIN_NO_SRP_AUTH" -> {
                if (!admin && !flow.equals("USER_PASSWORD_AUTH")) throw CognitoException.invalidParameter("Initiate Auth method not supported.");
                String username = Requests.text(params, "USERNAME");
                String password = Requests.text(params, "PASSWORD");
                if (username == null) throw CognitoException.invalidParameter("Missing required parameter USERNAME");
                if (password == null) throw CognitoException.invalidParameter("Missing required parameter PASSWORD");
                User u = users.find(username, pool.signInAttributes()).orElseThrow(app::unknownUser);
                String status;
                synchronized (users) {
                    if (!Passwords.matches(password, u.passwordHash)) throw CognitoException.notAuthorized("Incorrect username or password.");
                    if (!u.enabled) throw CognitoException.notAuthorized("User is disabled.");
                    status = u.status;
                }
                if ("UNCONFIRMED".equals(status)) throw notConfirmed();
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
                return tokens.authenticated(u, true);
            }
            case "REFRESH_TOKEN_AUTH", "REFRESH_TOKEN" -> {
                String token = Requests.text(params, "REFRESH_TOKEN");
                if (token == null) throw CognitoException.invalidParameter("Missing required parameter REFRESH_TOKEN");
                User u = users.byRefreshToken(token).orElseThrow(() -> CognitoException.notAuthorized("Invalid Refresh Token"));
                if (TokenIssuer.refreshExpired(token)) throw CognitoException.notAuthorized("Refresh Token has expired");
                if (!u.enabled) throw CognitoException.notAuthorized("User is disabled.");
                return tokens.authenticated(u, false, TokenIssuer.originOf(token));
            }
            case "CUSTOM_AUTH" -> {
                CustomAuthTriggers triggers = customAuth;
                if (triggers == null) throw CognitoException.invalidParameter("Custom auth lambda trigger is not configured for the user pool.");
                String username = Requests.text(params, "USERNAME");
                if (username == null) throw CognitoException.invalidParameter("Missing required parameter USERNAME");
                User u = users.find(username, pool.signInAttributes()).orElseThrow(app::unknownUser);
                if (!u.enabled) throw CognitoException.notAuthorized("User is disabled.");
                if ("UNCONFIRMED".equals(u.status)) throw notConfirmed();
                return nextCustomRound(triggers, u, List.of(), clientMetadata);
            }
            case "USER_AUTH" -> {
                // only the sign-in straight after ConfirmSignUp (its Session): the code proved there is the factor
                String username = Requests.text(params, "USERNAME");
                if (username == null) throw CognitoException.invalidParameter("Missing required parameter USERNAME");
                String session = Requests.text(req, "Session");
                if (session == null) throw CognitoException.invalidParameter("USER_AUTH is supported here only with the Session of a ConfirmSignUp.");
                if (signUps == null || !signUps.consumeSignInSession(session, username)) {
                    throw CognitoException.notAuthorized("Invalid session for the user, session is expired.");
                }
                User u = users.find(username, pool.signInAttributes()).orElseThrow(CognitoException::userNotFound);
                if (!u.enabled) throw CognitoException.notAuthorized("User is disabled.");
                return tokens.authenticated(u, true);
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
        if (d.issueTokens()) return tokens.authenticated(u, true);
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

    JsonNode respondToAuthChallenge(JsonNode req) {
        Requests.checkClient(pool, req);
        String name = Requests.text(req, "ChallengeName");
        String sessionId = Requests.text(req, "Session");
        JsonNode responses = req.path("ChallengeResponses");
        // USERNAME is required in every challenge's responses (API reference, RespondToAuthChallenge ChallengeResponses)
        if (Requests.text(responses, "USERNAME") == null) throw CognitoException.invalidParameter("Missing required parameter USERNAME");
        AuthSession s = sessionId == null ? null : sessions.remove(sessionId);
        if (s == null || s.expiresAtMillis() < System.currentTimeMillis()) {
            throw CognitoException.notAuthorized("Invalid session for the user, session is expired.");
        }
        if (name == null || !name.equals(s.challengeName())) {
            throw CognitoException.invalidParameter("Invalid challenge name for the session.");
        }
        String username = Requests.text(responses, "USERNAME");
        User u = users.byUsername(s.username()).orElseThrow(CognitoException::userNotFound);
        if (users.find(username, pool.signInAttributes()).map(x -> x != u).orElse(true)) {
            throw CognitoException.notAuthorized("Invalid session for the user.");
        }
        switch (name) {
            case "NEW_PASSWORD_REQUIRED" -> {
                String newPassword = Requests.text(responses, "NEW_PASSWORD");
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
                return tokens.authenticated(u, true);
            }
            case "CUSTOM_CHALLENGE" -> {
                CustomAuthTriggers triggers = customAuth;
                if (triggers == null) throw CognitoException.invalidParameter("Custom auth lambda trigger is not configured for the user pool.");
                String answer = Requests.text(responses, "ANSWER");
                if (answer == null) throw CognitoException.invalidParameter("Missing required parameter ANSWER");
                Map<String, String> attrs;
                synchronized (users) {
                    attrs = new LinkedHashMap<>(u.attributes);
                }
                Map<String, String> clientMetadata = new LinkedHashMap<>(s.clientMetadata());
                clientMetadata.putAll(Requests.stringMap(req.get("ClientMetadata")));
                boolean ok = triggers.verifyAuthChallengeResponse(u.username, attrs, s.privateParameters(), answer, clientMetadata);
                List<CustomAuthTriggers.ChallengeResult> rounds = new ArrayList<>(s.rounds());
                rounds.add(new CustomAuthTriggers.ChallengeResult(name, ok, s.challengeMetadata()));
                return nextCustomRound(triggers, u, rounds, clientMetadata);
            }
            default -> throw CognitoException.invalidParameter("Challenge " + name + " is not supported.");
        }
    }

    private static CognitoException notConfirmed() {
        return new CognitoException("UserNotConfirmedException", "User is not confirmed.");
    }

    private String newSession(AuthSession s) {
        long now = System.currentTimeMillis();
        sessions.values().removeIf(x -> x.expiresAtMillis() < now);
        String id = TokenIssuer.randomToken(48);
        sessions.put(id, s);
        return id;
    }

}
