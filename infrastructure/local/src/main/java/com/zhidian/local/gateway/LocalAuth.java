package com.zhidian.local.gateway;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.zhidian.local.aws.Json;
import java.net.URI;
import java.time.Duration;
import java.util.Map;
import java.util.function.BiFunction;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.core.client.config.ClientOverrideConfiguration;
import software.amazon.awssdk.core.exception.SdkClientException;
import software.amazon.awssdk.core.retry.RetryMode;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.cognitoidentityprovider.CognitoIdentityProviderClient;
import software.amazon.awssdk.services.cognitoidentityprovider.model.AuthFlowType;
import software.amazon.awssdk.services.cognitoidentityprovider.model.AuthenticationResultType;
import software.amazon.awssdk.services.cognitoidentityprovider.model.ChallengeNameType;
import software.amazon.awssdk.services.cognitoidentityprovider.model.CognitoIdentityProviderException;
import software.amazon.awssdk.services.cognitoidentityprovider.model.InitiateAuthResponse;
import software.amazon.awssdk.services.cognitoidentityprovider.model.InvalidPasswordException;
import software.amazon.awssdk.services.cognitoidentityprovider.model.NotAuthorizedException;
import software.amazon.awssdk.services.cognitoidentityprovider.model.RespondToAuthChallengeResponse;
import software.amazon.awssdk.services.cognitoidentityprovider.model.UserNotFoundException;

/**
 * {@code POST /local/auth/login}, {@code /local/auth/new-password} and {@code /local/auth/refresh}: what a
 * deployed login page does with Cognito (InitiateAuth, RespondToAuthChallenge), through the AWS SDK
 * against the Cognito stand-in.
 */
public final class LocalAuth {
    /** A status and a JSON body. */
    public record Answer(int status, JsonNode body) {}

    private final URI endpoint;
    private final String clientId;
    private final String region;
    private final BiFunction<String, String, String> customerUsername;
    private volatile CognitoIdentityProviderClient client;

    public LocalAuth(URI endpoint, String clientId, String region, BiFunction<String, String, String> customerUsername) {
        this.endpoint = endpoint;
        this.clientId = clientId;
        this.region = region;
        this.customerUsername = customerUsername;
    }

    /** Builds the SDK client now (it costs a few hundred ms the first time in a JVM). */
    public CognitoIdentityProviderClient client() {
        CognitoIdentityProviderClient c = client;
        if (c == null) {
            synchronized (this) {
                c = client;
                if (c == null) {
                    c = CognitoIdentityProviderClient.builder()
                            .endpointOverride(endpoint)
                            .region(Region.of(region))
                            .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create("local", "local")))
                            .httpClient(UrlConnectionHttpClient.builder().connectionTimeout(Duration.ofSeconds(2))
                                    .socketTimeout(Duration.ofSeconds(10)).build())
                            .overrideConfiguration(ClientOverrideConfiguration.builder()
                                    .retryStrategy(RetryMode.STANDARD).apiCallTimeout(Duration.ofSeconds(15)).build())
                            .build();
                    client = c;
                }
            }
        }
        return c;
    }

    private static final java.util.Set<String> LOGIN_FIELDS = java.util.Set.of("username", "password", "tenantId", "phone", "otp", "session");
    private static final java.util.Set<String> CODE_FIELDS = java.util.Set.of("tenantId", "phone");
    /** How long the H5 waits before it offers to send another code (an SMS costs money and annoys). */
    static final int RESEND_AFTER_SECONDS = 60;

    public void close() {
        if (client != null) client.close();
    }

    public Answer login(JsonNode req) {
        for (var it = req.fieldNames(); it.hasNext(); ) {
            String f = it.next();
            if (!LOGIN_FIELDS.contains(f)) return bad(f, "unknown field");
        }
        String username = text(req, "username");
        if (req.has("phone") || req.has("otp") || req.has("tenantId")) return customerLogin(req);
        String password = text(req, "password");
        if (username == null || username.isBlank()) return bad("username", "username is required");
        if (password == null || password.isEmpty()) return bad("password", "password is required");
        try {
            InitiateAuthResponse r = client().initiateAuth(b -> b.clientId(clientId).authFlow(AuthFlowType.USER_PASSWORD_AUTH)
                    .authParameters(Map.of("USERNAME", username, "PASSWORD", password)));
            if (r.challengeName() != null) return challenge(r.challengeNameAsString(), r.session());
            return tokens(r.authenticationResult(), null);
        } catch (RuntimeException e) {
            return failure(e, "password");
        }
    }

    /**
     * The form a member's login is named by: spaces, dashes and a +86 / 86 prefix dropped, as the members
     * context does when it enrols and looks up a phone (functions/members Phones.normalise; Zhidian Local
     * reaches functions only through their handlers, so the rule is repeated here, as the H5 client repeats it).
     */
    static String mainlandMobile(String phone) {
        String t = phone.trim().replace(" ", "").replace("-", "");
        if (t.startsWith("+86")) return t.substring(3);
        if (t.length() == 13 && t.startsWith("86")) return t.substring(2);
        return t;
    }

    /**
     * {@code POST /local/auth/code {tenantId, phone}}: the H5's "send code" button. It starts Cognito's custom
     * authentication (InitiateAuth CUSTOM_AUTH, whose CreateAuthChallenge trigger texts the code) and answers the
     * session that {@code /local/auth/login} then answers with the code, as an H5 does against Cognito in AWS.
     * A phone that is no member gets an answer of the same shape (see below).
     */
    public Answer sendCode(JsonNode req) {
        for (var it = req.fieldNames(); it.hasNext(); ) {
            String f = it.next();
            if (!CODE_FIELDS.contains(f)) return bad(f, "unknown field");
        }
        String tenantId = text(req, "tenantId"), phone = text(req, "phone");
        if (tenantId == null || tenantId.isBlank()) return bad("tenantId", "tenantId is required");
        if (phone == null || !mainlandMobile(phone).matches("1[3-9][0-9]{9}")) return bad("phone", "must be a mainland China mobile number");
        String normal = mainlandMobile(phone);
        String username = customerUsername.apply(tenantId, normal);
        try {
            InitiateAuthResponse r = client().initiateAuth(b -> b.clientId(clientId).authFlow(AuthFlowType.CUSTOM_AUTH)
                    .authParameters(Map.of("USERNAME", username)).clientMetadata(Map.of("tenantId", tenantId, "phone", normal)));
            ObjectNode o = Json.object();
            o.put("challenge", r.challengeNameAsString());
            o.put("session", r.session());
            o.put("resendAfterSeconds", RESEND_AFTER_SECONDS);
            return new Answer(200, o);
        } catch (NotAuthorizedException | UserNotFoundException e) {
            // no such member: answer as for one (Cognito's "prevent user existence errors"), so the button does not
            // tell strangers who shops here; the code then fails like a wrong one, and the H5 says how to join
            ObjectNode o = Json.object();
            o.put("challenge", ChallengeNameType.CUSTOM_CHALLENGE.toString());
            o.put("session", java.util.UUID.randomUUID().toString().replace("-", "") + java.util.UUID.randomUUID().toString().replace("-", ""));
            o.put("resendAfterSeconds", RESEND_AFTER_SECONDS);
            return new Answer(200, o);
        } catch (RuntimeException e) {
            return failure(e, "phone");
        }
    }

    private Answer customerLogin(JsonNode req) {
        String tenantId = text(req, "tenantId"), phone = text(req, "phone"), otp = text(req, "otp"), sent = text(req, "session");
        if (tenantId == null || tenantId.isBlank()) return bad("tenantId", "tenantId is required");
        if (phone == null || phone.isBlank()) return bad("phone", "phone is required");
        if (otp == null || otp.isBlank()) return bad("otp", "otp is required");
        phone = mainlandMobile(phone);
        String username = customerUsername.apply(tenantId, phone);
        Map<String, String> metadata = Map.of("tenantId", tenantId, "phone", phone);
        try {
            String session;
            ChallengeNameType challenge;
            if (sent != null && !sent.isBlank()) {
                // the session of the code already sent (POST /local/auth/code): answer it, no second SMS
                session = sent;
                challenge = ChallengeNameType.CUSTOM_CHALLENGE;
            } else {
                InitiateAuthResponse r = client().initiateAuth(b -> b.clientId(clientId).authFlow(AuthFlowType.CUSTOM_AUTH)
                        .authParameters(Map.of("USERNAME", username)).clientMetadata(metadata));
                if (r.authenticationResult() != null) return tokens(r.authenticationResult(), null);
                session = r.session();
                challenge = r.challengeName();
            }
            // answer the code; the triggers decide whether another round or tokens follow
            for (int round = 0; round < 3 && challenge == ChallengeNameType.CUSTOM_CHALLENGE; round++) {
                String s = session;
                RespondToAuthChallengeResponse rr = client().respondToAuthChallenge(b -> b.clientId(clientId)
                        .challengeName(ChallengeNameType.CUSTOM_CHALLENGE).session(s).clientMetadata(metadata)
                        .challengeResponses(Map.of("USERNAME", username, "ANSWER", otp)));
                if (rr.authenticationResult() != null) return tokens(rr.authenticationResult(), null);
                session = rr.session();
                challenge = rr.challengeName();
            }
            return new Answer(401, Problems.refused("Incorrect phone or code.", "auth.wrong_code"));
        } catch (RuntimeException e) {
            return failure(e, "otp");
        }
    }

    private static final java.util.Set<String> SIGN_UP_FIELDS = java.util.Set.of("tenantId", "storeId", "phone", "session");
    private static final java.util.Set<String> JOIN_FIELDS = java.util.Set.of("tenantId", "phone", "code", "session", "consents");
    private static final java.util.Set<String> CONSENTS = java.util.Set.of("marketing_push", "personalization");
    private static final long JOIN_VALIDITY_MILLIS = 180_000;

    /** What a sign-up handle stands for: a new login to confirm, or a member's sign-in code (the same answer outside). */
    private record Pending(boolean newLogin, String username, String storeId, String cognitoSession, long expiresAtMillis) {}

    private final java.util.Map<String, Pending> pending = new java.util.concurrent.ConcurrentHashMap<>();

    /**
     * {@code POST /local/auth/sign-up {tenantId, storeId, phone}}: the H5's "join" button, as an H5 does it against Cognito
     * in AWS. SignUp (username {@code <tenantId>#<phone>}, the phone as {@code phone_number}; the pool's PreSignUp trigger
     * checks the tenant and the store given as ValidationData) texts a confirmation code. A phone that is already a member
     * gets a sign-in code instead (CUSTOM_AUTH), and the answer has the same shape, so the button does not tell a stranger
     * who shops here; an unconfirmed earlier attempt gets its code again. The answer's {@code session} is opaque. Asking
     * again ("send again") with the {@code session} of the first answer keeps SignUp's own session, so the new code
     * still signs the customer in at once (Cognito gives ResendConfirmationCode none).
     */
    public Answer signUp(JsonNode req) {
        for (var it = req.fieldNames(); it.hasNext(); ) {
            String f = it.next();
            if (!SIGN_UP_FIELDS.contains(f)) return bad(f, "unknown field");
        }
        String tenantId = text(req, "tenantId"), storeId = text(req, "storeId"), phone = text(req, "phone"), earlier = text(req, "session");
        if (tenantId == null || tenantId.isBlank()) return bad("tenantId", "tenantId is required");
        if (storeId == null || storeId.isBlank()) return bad("storeId", "storeId is required");
        if (phone == null || !mainlandMobile(phone).matches("1[3-9][0-9]{9}")) return bad("phone", "must be a mainland China mobile number");
        String normal = mainlandMobile(phone);
        String username = customerUsername.apply(tenantId, normal);
        String password = "Zd-" + java.util.UUID.randomUUID() + "aA1";   // never used: customers sign in with a code
        Pending p;
        try {
            var r = client().signUp(b -> b.clientId(clientId).username(username).password(password)
                    .userAttributes(software.amazon.awssdk.services.cognitoidentityprovider.model.AttributeType.builder()
                            .name("phone_number").value("+86" + normal).build())
                    .validationData(attr("tenantId", tenantId), attr("storeId", storeId)));
            p = new Pending(true, username, storeId, r.session(), 0);
        } catch (software.amazon.awssdk.services.cognitoidentityprovider.model.UsernameExistsException exists) {
            try {
                InitiateAuthResponse r = client().initiateAuth(b -> b.clientId(clientId).authFlow(AuthFlowType.CUSTOM_AUTH)
                        .authParameters(Map.of("USERNAME", username)).clientMetadata(Map.of("tenantId", tenantId, "phone", normal)));
                p = new Pending(false, username, storeId, r.session(), 0);
            } catch (software.amazon.awssdk.services.cognitoidentityprovider.model.UserNotConfirmedException unconfirmed) {
                try {
                    client().resendConfirmationCode(b -> b.clientId(clientId).username(username));
                } catch (RuntimeException e) {
                    return failure(e, "phone");
                }
                Pending before = earlier == null ? null : pending.remove(earlier);
                String kept = before != null && before.newLogin() && before.username().equals(username) ? before.cognitoSession() : null;
                p = new Pending(true, username, storeId, kept, 0);
            } catch (RuntimeException e) {
                return failure(e, "phone");
            }
        } catch (software.amazon.awssdk.services.cognitoidentityprovider.model.UserLambdaValidationException refused) {
            Answer tooMany = tooManyCodes(refused);
            if (tooMany != null) return tooMany;
            // the PreSignUp trigger's words name the field: "PreSignUp failed with error storeId: ..."
            String words = refused.awsErrorDetails().errorMessage();
            String field = words.contains("storeId") ? "storeId" : "tenantId";
            return new Answer(400, Problems.of(400, "Invalid request", words, field, "signup.refused"));
        } catch (RuntimeException e) {
            return failure(e, "phone");
        }
        long now = System.currentTimeMillis();
        pending.values().removeIf(x -> x.expiresAtMillis() < now);
        String handle = java.util.UUID.randomUUID().toString().replace("-", "") + java.util.UUID.randomUUID().toString().replace("-", "");
        pending.put(handle, new Pending(p.newLogin(), p.username(), p.storeId(), p.cognitoSession(), now + JOIN_VALIDITY_MILLIS));
        ObjectNode o = Json.object();
        o.put("challenge", ChallengeNameType.CUSTOM_CHALLENGE.toString());
        o.put("session", handle);
        o.put("resendAfterSeconds", RESEND_AFTER_SECONDS);
        return new Answer(200, o);
    }

    /**
     * {@code POST /local/auth/join {tenantId, phone, code, session, consents}}: the code of {@link #signUp}. A new login:
     * ConfirmSignUp with the consent choices as ClientMetadata (the PostConfirmation trigger makes the member), then
     * InitiateAuth USER_AUTH with ConfirmSignUp's session, so no second code. A member: the sign-in code answered.
     * Either way the answer is the tokens.
     */
    public Answer join(JsonNode req) {
        for (var it = req.fieldNames(); it.hasNext(); ) {
            String f = it.next();
            if (!JOIN_FIELDS.contains(f)) return bad(f, "unknown field");
        }
        String tenantId = text(req, "tenantId"), phone = text(req, "phone"), code = text(req, "code"), handle = text(req, "session");
        if (tenantId == null || tenantId.isBlank()) return bad("tenantId", "tenantId is required");
        if (phone == null || !mainlandMobile(phone).matches("1[3-9][0-9]{9}")) return bad("phone", "must be a mainland China mobile number");
        if (code == null || !code.matches("[0-9]{6}")) return bad("code", code == null ? "code is required" : "must be the six-digit code");
        if (handle == null || handle.isBlank()) return bad("session", "session is required");
        Map<String, String> metadata = new java.util.LinkedHashMap<>();
        JsonNode consents = req.get("consents");
        if (consents != null && !consents.isNull()) {
            if (!consents.isObject()) return bad("consents", "must be an object");
            for (var it = consents.fields(); it.hasNext(); ) {
                var e = it.next();
                if (!CONSENTS.contains(e.getKey())) return bad("consents." + e.getKey(), "unknown field");
                if (!e.getValue().isBoolean()) return bad("consents." + e.getKey(), "must be true or false");
                metadata.put(e.getKey(), String.valueOf(e.getValue().booleanValue()));
            }
        }
        String username = customerUsername.apply(tenantId, mainlandMobile(phone));
        Pending p = pending.get(handle);
        if (p == null || !p.username().equals(username) || p.expiresAtMillis() < System.currentTimeMillis()) {
            return new Answer(401, Problems.refused("Incorrect phone or code.", "auth.wrong_code"));
        }
        try {
            if (!p.newLogin()) {
                RespondToAuthChallengeResponse rr = client().respondToAuthChallenge(b -> b.clientId(clientId)
                        .challengeName(ChallengeNameType.CUSTOM_CHALLENGE).session(p.cognitoSession())
                        .clientMetadata(Map.of("tenantId", tenantId, "phone", mainlandMobile(phone)))
                        .challengeResponses(Map.of("USERNAME", username, "ANSWER", code)));
                if (rr.authenticationResult() != null) {
                    pending.remove(handle);
                    return tokens(rr.authenticationResult(), null);
                }
                // a wrong code: Cognito's next round goes on under a new session
                pending.put(handle, new Pending(false, username, p.storeId(), rr.session(), p.expiresAtMillis()));
                return new Answer(401, Problems.refused("Incorrect phone or code.", "auth.wrong_code"));
            }
            metadata.put("tenantId", tenantId);
            metadata.put("storeId", p.storeId());
            var confirmed = client().confirmSignUp(b -> b.clientId(clientId).username(username).confirmationCode(code)
                    .session(p.cognitoSession()).clientMetadata(metadata));
            pending.remove(handle);
            if (confirmed.session() == null) {
                // an attempt whose SignUp session is gone (older than its minutes): the member is made, and a sign-in
                // code goes out at once, answered on the same page under the same handle
                InitiateAuthResponse next = client().initiateAuth(b -> b.clientId(clientId).authFlow(AuthFlowType.CUSTOM_AUTH)
                        .authParameters(Map.of("USERNAME", username)).clientMetadata(Map.of("tenantId", tenantId, "phone", mainlandMobile(phone))));
                pending.put(handle, new Pending(false, username, p.storeId(), next.session(), System.currentTimeMillis() + JOIN_VALIDITY_MILLIS));
                ObjectNode o = Json.object();
                o.put("joined", true);
                o.put("challenge", ChallengeNameType.CUSTOM_CHALLENGE.toString());
                o.put("session", handle);
                o.put("resendAfterSeconds", RESEND_AFTER_SECONDS);
                return new Answer(200, o);
            }
            InitiateAuthResponse r = client().initiateAuth(b -> b.clientId(clientId).authFlow(AuthFlowType.USER_AUTH)
                    .authParameters(Map.of("USERNAME", username)).session(confirmed.session()));
            return tokens(r.authenticationResult(), null);
        } catch (software.amazon.awssdk.services.cognitoidentityprovider.model.UserLambdaValidationException e) {
            return new Answer(503, Problems.unavailable("the membership could not be created; try again"));
        } catch (RuntimeException e) {
            return failure(e, "code");
        }
    }

    private static software.amazon.awssdk.services.cognitoidentityprovider.model.AttributeType attr(String name, String value) {
        return software.amazon.awssdk.services.cognitoidentityprovider.model.AttributeType.builder().name(name).value(value).build();
    }

    public Answer newPassword(JsonNode req) {
        String username = text(req, "username"), session = text(req, "session"), newPassword = text(req, "newPassword");
        if (username == null || username.isBlank()) return bad("username", "username is required");
        if (session == null || session.isBlank()) return bad("session", "session is required");
        if (newPassword == null || newPassword.isEmpty()) return bad("newPassword", "newPassword is required");
        try {
            RespondToAuthChallengeResponse r = client().respondToAuthChallenge(b -> b.clientId(clientId)
                    .challengeName(ChallengeNameType.NEW_PASSWORD_REQUIRED).session(session)
                    .challengeResponses(Map.of("USERNAME", username, "NEW_PASSWORD", newPassword)));
            if (r.authenticationResult() == null) return challenge(r.challengeNameAsString(), r.session());
            return tokens(r.authenticationResult(), null);
        } catch (RuntimeException e) {
            return failure(e, "newPassword");
        }
    }

    public Answer refresh(JsonNode req) {
        String refreshToken = text(req, "refreshToken");
        if (refreshToken == null || refreshToken.isBlank()) return bad("refreshToken", "refreshToken is required");
        try {
            InitiateAuthResponse r = client().initiateAuth(b -> b.clientId(clientId).authFlow(AuthFlowType.REFRESH_TOKEN_AUTH)
                    .authParameters(Map.of("REFRESH_TOKEN", refreshToken)));
            return tokens(r.authenticationResult(), refreshToken);
        } catch (RuntimeException e) {
            return failure(e, "refreshToken");
        }
    }

    /** Cognito wants another step (a new password): its name and the session to answer it with. */
    private static Answer challenge(String name, String session) {
        ObjectNode o = Json.object();
        o.put("challenge", name);
        o.put("session", session);
        return new Answer(200, o);
    }

    private static Answer tokens(AuthenticationResultType a, String refreshToken) {
        ObjectNode o = Json.object();
        o.put("idToken", a.idToken());
        o.put("refreshToken", a.refreshToken() != null ? a.refreshToken() : refreshToken);
        o.put("expiresIn", a.expiresIn());
        return new Answer(200, o);
    }

    private static final java.util.regex.Pattern TOO_MANY = java.util.regex.Pattern.compile("auth\\.too_many_codes \\{retryAfterSeconds=([0-9]+)}");

    /**
     * A trigger (CustomMessage for a sign-up code, CreateAuthChallenge for a sign-in code) refused because the phone's
     * allowance of texted codes is full: 429 with when to ask again; null for any other refusal.
     */
    private static Answer tooManyCodes(RuntimeException e) {
        if (!(e instanceof software.amazon.awssdk.services.cognitoidentityprovider.model.UserLambdaValidationException u)) return null;
        java.util.regex.Matcher m = TOO_MANY.matcher(String.valueOf(u.awsErrorDetails().errorMessage()));
        if (!m.find()) return null;
        long seconds = Long.parseLong(m.group(1));
        ObjectNode p = Problems.of(429, "Too many requests", "this phone was sent as many codes as it may be for now; ask again in "
                + Math.max(1, (seconds + 59) / 60) + " min", null, "auth.too_many_codes");
        p.put("retryAfterSeconds", seconds);
        return new Answer(429, p);
    }

    private static Answer failure(RuntimeException e, String field) {
        Answer tooMany = tooManyCodes(e);
        if (tooMany != null) return tooMany;
        if (e instanceof NotAuthorizedException || e instanceof UserNotFoundException) {
            String words = ((CognitoIdentityProviderException) e).awsErrorDetails().errorMessage();
            return new Answer(401, Problems.refused(words, isCustomer(field) ? "auth.wrong_code" : "auth.wrong_credentials"));
        }
        if (e instanceof InvalidPasswordException ip) {
            return bad(field, ip.awsErrorDetails().errorMessage());
        }
        if (e instanceof CognitoIdentityProviderException c) {
            if (c.statusCode() >= 500) return new Answer(503, Problems.unavailable("the identity provider is unavailable"));
            String code = c.awsErrorDetails() == null ? "" : c.awsErrorDetails().errorCode();
            if ("InvalidParameterException".equals(code)) return bad(null, c.awsErrorDetails().errorMessage());
            if ("CodeMismatchException".equals(code) || "ExpiredCodeException".equals(code)) {
                return new Answer(401, Problems.refused(c.awsErrorDetails().errorMessage(), "auth.wrong_code"));
            }
            return new Answer(400, Problems.of(400, "Invalid request", c.awsErrorDetails().errorMessage(), null));
        }
        if (e instanceof SdkClientException) return new Answer(503, Problems.unavailable("the identity provider is unreachable"));
        throw e;
    }

    /** The customer's sign-in (phone and code) is refused in other words than a password sign-in. */
    private static boolean isCustomer(String field) {
        return "otp".equals(field) || "phone".equals(field) || "code".equals(field);
    }

    private static Answer bad(String field, String message) {
        return new Answer(400, Problems.badRequest(field, message));
    }

    private static String text(JsonNode o, String f) {
        JsonNode n = o.get(f);
        return n == null || !n.isTextual() ? null : n.textValue();   // a number or an object is no name: 400
    }
}
