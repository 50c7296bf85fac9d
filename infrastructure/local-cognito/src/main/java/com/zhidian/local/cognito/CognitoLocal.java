package com.zhidian.local.cognito;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.zhidian.local.aws.AwsJson;
import com.zhidian.local.aws.Json;
import com.zhidian.local.faults.FaultSwitch;
import com.zhidian.local.faults.Faultable;
import com.zhidian.local.http.Http11Reader;
import com.zhidian.local.http.Http11Server;
import java.io.IOException;
import java.io.OutputStream;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.UUID;

/**
 * A Cognito user pool stand-in: the Cognito Identity Provider API (JSON 1.1, {@code X-Amz-Target:
 * AWSCognitoIdentityProviderService.<Operation>}) for the calls Zhidian makes, RS256 tokens with the
 * claims Cognito puts in them, and the JWKS at {@code /<poolId>/.well-known/jwks.json}.
 * Request signatures are not checked (any credentials are accepted). This class serves HTTP and routes each
 * operation to {@link CognitoAdmin}, {@link AuthFlows} or {@link TokenIssuer}.
 */
public final class CognitoLocal implements Faultable, AutoCloseable {
    private static final String TARGET_PREFIX = "AWSCognitoIdentityProviderService.";
    /** Cognito's requests are small; a megabyte is plenty. */
    private static final int MAX_BODY = 1024 * 1024;

    private final PoolSettings pool;
    private final UserStore users;
    private final Tokens tokens;
    private final CognitoAdmin admin;
    private final TokenIssuer issuer;
    private final AuthFlows auth;
    private final SignUps signUps;
    private final FaultSwitch faults = new FaultSwitch();
    private final Http11Server server;

    private CognitoLocal(PoolSettings pool, Path dataDir, String host, int port) throws IOException {
        this.pool = pool;
        this.users = new UserStore(dataDir == null ? null : dataDir.resolve("cognito-users.json"), pool.caseSensitive());
        this.tokens = new Tokens(dataDir == null ? null : dataDir.resolve("cognito-signing-key.json"));
        this.admin = new CognitoAdmin(pool, users);
        this.issuer = new TokenIssuer(pool, users, tokens, this::issuer);
        this.auth = new AuthFlows(pool, users, issuer);
        this.signUps = new SignUps(pool, users);
        this.auth.setSignUps(signUps);
        this.server = new Http11Server(host, port, 128, "cognito-local", MAX_BODY, this::answer);
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

    public int port() { return server.port(); }

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
    @Override
    public void setUnavailable(boolean unavailable) { faults.setUnavailable(unavailable); }

    /** Fault injection: every API call waits this long first. */
    @Override
    public void setLatency(Duration latency) { faults.setLatency(latency); }

    public boolean isUnavailable() { return faults.unavailable(); }

    /** Plugs in the CUSTOM_AUTH triggers (DefineAuthChallenge, CreateAuthChallenge, VerifyAuthChallengeResponse). */
    public void setCustomAuthTriggers(CustomAuthTriggers triggers) { auth.setCustomAuthTriggers(triggers); }

    /** The CUSTOM_AUTH triggers in use, or null. */
    public CustomAuthTriggers customAuthTriggers() { return auth.customAuthTriggers(); }

    /** The app client's ExplicitAuthFlows and PreventUserExistenceErrors ({@link AppClient#ANY} until told). */
    public void setAppClient(AppClient appClient) { auth.setAppClient(appClient == null ? AppClient.ANY : appClient); }

    /** Plugs in the self sign-up triggers (PreSignUp, PostConfirmation). */
    public void setSignUpTriggers(SignUpTriggers triggers) { signUps.setTriggers(triggers); }

    /** The sign-up triggers in use, or null. */
    public SignUpTriggers signUpTriggers() { return signUps.triggers(); }

    /**
     * Where SignUp's confirmation codes come from (random six digits unless set; Zhidian Local fixes them as it fixes
     * the sign-in code).
     */
    public void setConfirmationCodes(java.util.function.Supplier<String> codes) { signUps.setCodes(codes); }

    /** The last confirmation code "texted" or "mailed" to a destination ({@code +8613800000000}), or null: no SMS leaves the machine. */
    public String lastConfirmationCode(String destination) { return signUps.lastCodeSentTo(destination); }

    /** The text of the last code sent to a phone or e-mail address (the CustomMessage trigger's, code filled in). */
    public String lastConfirmationMessage(String destination) { return signUps.lastMessageSentTo(destination); }

    /**
     * Signs arbitrary claims with the pool's key (RS256, the JWKS {@code kid}). For tests that need
     * expired, foreign-audience or otherwise odd tokens that still carry a valid signature.
     */
    public String sign(Map<String, Object> claims) { return tokens.sign(claims); }

    /** ID token claims for a user as Cognito would issue them now; for tests that adjust one claim. */
    public Map<String, Object> idTokenClaims(String username) {
        User u = users.find(username, pool.signInAttributes()).orElseThrow(CognitoException::userNotFound);
        return issuer.idClaims(u, System.currentTimeMillis() / 1000, UUID.randomUUID().toString());
    }

    @Override
    public void close() {
        server.close();
    }

    /** GETs serve the pool's discovery documents; POSTs are API operations. */
    private boolean answer(Socket s, Http11Reader.Head head, byte[] body, boolean close, OutputStream out) throws IOException {
        String requestId = UUID.randomUUID().toString();
        if (head.method().equals("GET")) {
            int q = head.target().indexOf('?');
            String path = q < 0 ? head.target() : head.target().substring(0, q);
            String doc = document(path);
            if (doc == null) send(out, 404, "application/json", "{\"message\":\"Not Found\"}", requestId, null, close);
            else send(out, 200, "application/json", doc, requestId, null, close);
            return true;
        }
        String op = AwsJson.operation(head.headers().getFirst("X-Amz-Target"), TARGET_PREFIX);
        try {
            if (!head.method().equals("POST") || op == null) {
                throw new CognitoException("UnknownOperationException", "Missing or unknown X-Amz-Target", 400);
            }
            if (body.length > MAX_BODY) throw new CognitoException("SerializationException", "Request body too large", 413);
            faults.pause();
            if (faults.unavailable()) {
                throw new CognitoException("ServiceUnavailableException", "Service unavailable (fault injected by Zhidian Local)", 503);
            }
            JsonNode req;
            try {
                req = Json.parse(body);
            } catch (IOException e) {
                throw new CognitoException("SerializationException", "Invalid JSON body", 400);
            }
            send(out, 200, AwsJson.JSON_1_1, dispatch(op, req).toString(), requestId, null, close);
        } catch (CognitoException e) {
            send(out, e.status(), AwsJson.JSON_1_1, new String(AwsJson.errorBody(e), StandardCharsets.UTF_8), requestId, e.type(), close);
        } catch (RuntimeException e) {
            e.printStackTrace();
            CognitoException internal = new CognitoException("InternalErrorException", String.valueOf(e.getMessage()), 500);
            send(out, 500, AwsJson.JSON_1_1, new String(AwsJson.errorBody(internal), StandardCharsets.UTF_8), requestId, internal.type(), close);
        }
        return true;
    }

    /** The JWKS, the OpenID configuration and a health check; null for any other path. */
    private String document(String path) {
        if (path.equals("/" + pool.poolId() + "/.well-known/jwks.json")) return tokens.jwks();
        if (path.equals("/" + pool.poolId() + "/.well-known/openid-configuration")) {
            ObjectNode o = Json.object();
            o.put("issuer", issuer());
            o.put("jwks_uri", jwksUri().toString());
            o.putArray("id_token_signing_alg_values_supported").add("RS256");
            o.putArray("response_types_supported").add("code").add("token");
            o.putArray("subject_types_supported").add("public");
            return o.toString();
        }
        if (path.equals("/health")) return "{\"status\":\"ok\"}";
        return null;
    }

    private static void send(OutputStream out, int status, String contentType, String body, String requestId,
                             String errorType, boolean close) throws IOException {
        AwsJson.write(out, status, contentType, body.getBytes(StandardCharsets.UTF_8), requestId, errorType, -1, close);
    }

    private JsonNode dispatch(String op, JsonNode req) {
        return switch (op) {
            case "AdminCreateUser" -> admin.adminCreateUser(req);
            case "AdminGetUser" -> admin.adminGetUser(req);
            case "AdminSetUserPassword" -> admin.adminSetUserPassword(req);
            case "AdminUpdateUserAttributes" -> admin.adminUpdateUserAttributes(req);
            case "AdminDeleteUserAttributes" -> admin.adminDeleteUserAttributes(req);
            case "AdminDisableUser" -> admin.adminSetEnabled(req, false);
            case "AdminEnableUser" -> admin.adminSetEnabled(req, true);
            case "AdminDeleteUser" -> admin.adminDeleteUser(req);
            case "AdminUserGlobalSignOut" -> admin.adminGlobalSignOut(req);
            case "ListUsers" -> admin.listUsers(req);
            case "DescribeUserPool" -> admin.describeUserPool(req);
            case "InitiateAuth" -> auth.initiateAuth(req, false);
            case "AdminInitiateAuth" -> auth.initiateAuth(req, true);
            case "RespondToAuthChallenge", "AdminRespondToAuthChallenge" -> auth.respondToAuthChallenge(req);
            case "GetUser" -> issuer.getUser(req);
            case "SignUp" -> signUps.signUp(req);
            case "ConfirmSignUp" -> signUps.confirmSignUp(req);
            case "ResendConfirmationCode" -> signUps.resendConfirmationCode(req);
            default -> throw new CognitoException("UnknownOperationException",
                    "Operation " + op + " is not supported by the local Cognito stand-in");
        };
    }
}
