package com.zhidian.local.cognito;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.nimbusds.jose.crypto.RSASSAVerifier;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.KeyUse;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import com.zhidian.local.aws.Json;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.cognitoidentityprovider.CognitoIdentityProviderClient;
import software.amazon.awssdk.services.cognitoidentityprovider.model.AttributeType;
import software.amazon.awssdk.services.cognitoidentityprovider.model.AuthFlowType;
import software.amazon.awssdk.services.cognitoidentityprovider.model.AuthenticationResultType;
import software.amazon.awssdk.services.cognitoidentityprovider.model.CodeMismatchException;
import software.amazon.awssdk.services.cognitoidentityprovider.model.CognitoIdentityProviderException;
import software.amazon.awssdk.services.cognitoidentityprovider.model.GetUserResponse;
import software.amazon.awssdk.services.cognitoidentityprovider.model.InvalidParameterException;
import software.amazon.awssdk.services.cognitoidentityprovider.model.NotAuthorizedException;
import software.amazon.awssdk.services.cognitoidentityprovider.model.ResourceNotFoundException;
import software.amazon.awssdk.services.cognitoidentityprovider.model.SignUpResponse;
import software.amazon.awssdk.services.cognitoidentityprovider.model.UserNotConfirmedException;
import software.amazon.awssdk.services.cognitoidentityprovider.model.UserNotFoundException;
import software.amazon.awssdk.services.cognitoidentityprovider.model.UsernameExistsException;

/**
 * The stand-in against the Amazon Cognito user pools API reference and the developer guide's "Understanding user pool
 * JSON web tokens", through the SDK's CognitoIdentityProviderClient and raw JSON 1.1 requests. Each test names the
 * section it checks.
 */
class CognitoReferenceTest {
    static final String POOL = "cn-north-1_LocalRef";
    static final String CLIENT = "refclient0001";
    static final String PASSWORD = "Passw0rd!";
    static CognitoLocal cognito;
    static CognitoIdentityProviderClient client;

    @BeforeAll
    static void start() {
        PoolSettings pool = new PoolSettings(POOL, CLIENT, List.of(), List.of("email"), false, PasswordPolicy.DEFAULT,
                Duration.ofHours(1), List.of(), new SignUpPolicy(false, List.of("phone_number"), null));
        cognito = CognitoLocal.start(pool, null, "127.0.0.1", 0);
        cognito.setConfirmationCodes(() -> "246810");
        client = CognitoIdentityProviderClient.builder().endpointOverride(cognito.endpoint()).region(Region.CN_NORTH_1)
                .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create("local", "local")))
                .httpClient(UrlConnectionHttpClient.create()).build();
    }

    @AfterAll
    static void stop() {
        client.close();
        cognito.close();
    }

    private static void user(String name, String email) {
        client.adminCreateUser(b -> b.userPoolId(POOL).username(name).temporaryPassword("Temp#Pass1").messageAction("SUPPRESS")
                .userAttributes(AttributeType.builder().name("email").value(email).build()));
        client.adminSetUserPassword(b -> b.userPoolId(POOL).username(name).password(PASSWORD).permanent(true));
    }

    private static AuthenticationResultType signIn(String name, String password) {
        return client.initiateAuth(b -> b.clientId(CLIENT).authFlow(AuthFlowType.USER_PASSWORD_AUTH)
                .authParameters(Map.of("USERNAME", name, "PASSWORD", password))).authenticationResult();
    }

    private static HttpResponse<String> get(String path) throws Exception {
        return HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(cognito.endpoint() + path)).build(), HttpResponse.BodyHandlers.ofString());
    }

    private static HttpResponse<String> post(String op, String json) throws Exception {
        return HttpClient.newHttpClient().send(HttpRequest.newBuilder(cognito.endpoint())
                .header("Content-Type", "application/x-amz-json-1.1").header("X-Amz-Target", "AWSCognitoIdentityProviderService." + op)
                .POST(HttpRequest.BodyPublishers.ofString(json)).build(), HttpResponse.BodyHandlers.ofString());
    }

    /** Developer guide, "Understanding the ID token" and "the access token": the claims, signed by a key of the pool's JWKS. */
    @Test
    void tokens_carryCognitosClaims_signedByTheJwksKey() throws Exception {
        user("claims-user", "claims@example.com");
        AuthenticationResultType r = signIn("claims-user", PASSWORD);
        assertEquals("Bearer", r.tokenType());
        assertEquals(3600, r.expiresIn());

        JWKSet jwks = JWKSet.parse(get("/" + POOL + "/.well-known/jwks.json").body());
        SignedJWT id = SignedJWT.parse(r.idToken());
        SignedJWT access = SignedJWT.parse(r.accessToken());
        for (SignedJWT t : List.of(id, access)) {
            RSAKey key = (RSAKey) jwks.getKeyByKeyId(t.getHeader().getKeyID());
            assertEquals(KeyUse.SIGNATURE, key.getKeyUse());
            assertEquals("RS256", key.getAlgorithm().getName());
            assertTrue(t.verify(new RSASSAVerifier(key)), "signed by the JWKS key of its kid");
        }
        JWTClaimsSet ic = id.getJWTClaimsSet();
        JWTClaimsSet ac = access.getJWTClaimsSet();
        String sub = client.adminGetUser(b -> b.userPoolId(POOL).username("claims-user")).userAttributes().stream()
                .filter(a -> a.name().equals("sub")).findFirst().orElseThrow().value();
        assertEquals("id", ic.getStringClaim("token_use"));
        assertEquals(List.of(CLIENT), ic.getAudience());
        assertEquals(cognito.issuer(), ic.getIssuer());
        assertEquals(sub, ic.getSubject());
        assertEquals("claims-user", ic.getStringClaim("cognito:username"));
        assertEquals("claims@example.com", ic.getStringClaim("email"));
        assertEquals(3600, (ic.getExpirationTime().getTime() - ic.getIssueTime().getTime()) / 1000);
        assertEquals(ic.getIssueTime().getTime() / 1000, ic.getLongClaim("auth_time"));

        assertEquals("access", ac.getStringClaim("token_use"));
        assertEquals(CLIENT, ac.getStringClaim("client_id"));
        assertTrue(ac.getAudience().isEmpty(), "access tokens carry client_id, not aud");
        assertEquals("claims-user", ac.getStringClaim("username"));
        assertEquals("aws.cognito.signin.user.admin", ac.getStringClaim("scope"));
        assertEquals(2L, ac.getLongClaim("version"));
        assertEquals(sub, ac.getSubject());
        assertEquals(ic.getStringClaim("origin_jti"), ac.getStringClaim("origin_jti"), "one sign-in, one origin_jti");
        assertNotEquals(ic.getJWTID(), ac.getJWTID());

        JsonNode oidc = Json.parse(get("/" + POOL + "/.well-known/openid-configuration").body().getBytes());
        assertEquals(ic.getIssuer(), oidc.path("issuer").asText());
        assertEquals(cognito.jwksUri().toString(), oidc.path("jwks_uri").asText());
        assertEquals(404, get("/another_pool/.well-known/jwks.json").statusCode());
    }

    /** InitiateAuth REFRESH_TOKEN_AUTH and "Refresh tokens": new tokens keep the sign-in's auth_time and origin_jti; no new refresh token. */
    @Test
    void refreshedTokens_keepTheSignInsAuthTimeAndOriginJti() throws Exception {
        user("refresh-user", "refresh@example.com");
        AuthenticationResultType first = signIn("refresh-user", PASSWORD);
        Thread.sleep(1_100); // let the clock pass a second, so that a re-stamped auth_time would show
        AuthenticationResultType again = client.initiateAuth(b -> b.clientId(CLIENT).authFlow(AuthFlowType.REFRESH_TOKEN_AUTH)
                .authParameters(Map.of("REFRESH_TOKEN", first.refreshToken()))).authenticationResult();
        assertNull(again.refreshToken());
        JWTClaimsSet before = SignedJWT.parse(first.accessToken()).getJWTClaimsSet();
        for (String token : List.of(again.accessToken(), again.idToken())) {
            JWTClaimsSet after = SignedJWT.parse(token).getJWTClaimsSet();
            assertEquals(before.getLongClaim("auth_time"), after.getLongClaim("auth_time"));
            assertEquals(before.getStringClaim("origin_jti"), after.getStringClaim("origin_jti"));
            assertTrue(after.getIssueTime().after(before.getIssueTime()));
            assertNotEquals(before.getJWTID(), after.getJWTID());
        }
    }

    /** InitiateAuth / AdminGetUser / AdminCreateUser "Errors": NotAuthorized, UserNotFound, UsernameExists, InvalidParameter, ResourceNotFound. */
    @Test
    void errors_areTheDocumentedOnes() throws Exception {
        user("errors-user", "errors@example.com");
        NotAuthorizedException wrong = assertThrows(NotAuthorizedException.class, () -> signIn("errors-user", "Wr0ng!pass"));
        assertEquals(400, wrong.statusCode());
        assertEquals("Incorrect username or password.", wrong.awsErrorDetails().errorMessage());
        HttpResponse<String> raw = post("InitiateAuth", "{\"ClientId\":\"" + CLIENT + "\",\"AuthFlow\":\"USER_PASSWORD_AUTH\","
                + "\"AuthParameters\":{\"USERNAME\":\"errors-user\",\"PASSWORD\":\"nope\"}}");
        assertEquals(400, raw.statusCode());
        assertEquals("application/x-amz-json-1.1", raw.headers().firstValue("Content-Type").orElse(null));
        assertEquals("NotAuthorizedException", Json.parse(raw.body().getBytes()).path("__type").asText());
        assertEquals("NotAuthorizedException", raw.headers().firstValue("x-amzn-ErrorType").orElse(null));

        UserNotFoundException missing = assertThrows(UserNotFoundException.class, () -> client.adminGetUser(b -> b.userPoolId(POOL).username("nobody")));
        assertEquals("User does not exist.", missing.awsErrorDetails().errorMessage());
        assertThrows(UsernameExistsException.class, () -> user("errors-user", "other@example.com"));
        assertThrows(InvalidParameterException.class, () -> user("has space", "space@example.com"), "usernames are [\\p{L}\\p{M}\\p{S}\\p{N}\\p{P}]+");
        assertThrows(InvalidParameterException.class, () -> user("x".repeat(129), "long@example.com"), "at most 128");
        assertThrows(InvalidParameterException.class, () -> client.adminCreateUser(b -> b.userPoolId(POOL).username("bad-phone")
                .userAttributes(AttributeType.builder().name("phone_number").value("13800000000").build())), "E.164 with +");
        assertThrows(InvalidParameterException.class, () -> client.adminCreateUser(b -> b.userPoolId(POOL).username("bad-action").messageAction("LOUD")));
        assertThrows(InvalidParameterException.class, () -> client.initiateAuth(b -> b.authFlow(AuthFlowType.USER_PASSWORD_AUTH)
                .authParameters(Map.of("USERNAME", "errors-user", "PASSWORD", PASSWORD))), "ClientId is required");
        assertThrows(ResourceNotFoundException.class, () -> client.initiateAuth(b -> b.clientId("someone-else").authFlow(AuthFlowType.USER_PASSWORD_AUTH)
                .authParameters(Map.of("USERNAME", "errors-user", "PASSWORD", PASSWORD))));
        assertThrows(ResourceNotFoundException.class, () -> client.adminGetUser(b -> b.userPoolId("cn-north-1_Other").username("errors-user")));
    }

    /** RespondToAuthChallenge "ChallengeResponses": NEW_PASSWORD_REQUIRED needs USERNAME and NEW_PASSWORD; the session is single use. */
    @Test
    void newPasswordRequired_needsTheUsername_andASessionOnce() {
        client.adminCreateUser(b -> b.userPoolId(POOL).username("temp-user").temporaryPassword("Temp#Pass1").messageAction("SUPPRESS"));
        var challenge = client.initiateAuth(b -> b.clientId(CLIENT).authFlow(AuthFlowType.USER_PASSWORD_AUTH)
                .authParameters(Map.of("USERNAME", "temp-user", "PASSWORD", "Temp#Pass1")));
        assertEquals("NEW_PASSWORD_REQUIRED", challenge.challengeNameAsString());
        assertEquals("temp-user", challenge.challengeParameters().get("USER_ID_FOR_SRP"));
        InvalidParameterException noName = assertThrows(InvalidParameterException.class, () -> client.respondToAuthChallenge(b -> b.clientId(CLIENT)
                .challengeName("NEW_PASSWORD_REQUIRED").session(challenge.session()).challengeResponses(Map.of("NEW_PASSWORD", PASSWORD))));
        assertEquals("Missing required parameter USERNAME", noName.awsErrorDetails().errorMessage());
        var done = client.respondToAuthChallenge(b -> b.clientId(CLIENT).challengeName("NEW_PASSWORD_REQUIRED").session(challenge.session())
                .challengeResponses(Map.of("USERNAME", "temp-user", "NEW_PASSWORD", PASSWORD)));
        assertTrue(done.authenticationResult().accessToken().length() > 100);
        assertThrows(NotAuthorizedException.class, () -> client.respondToAuthChallenge(b -> b.clientId(CLIENT).challengeName("NEW_PASSWORD_REQUIRED")
                .session(challenge.session()).challengeResponses(Map.of("USERNAME", "temp-user", "NEW_PASSWORD", PASSWORD))), "spent");
    }

    /** SignUp / ConfirmSignUp "Errors": CodeMismatch, UserNotConfirmed, NotAuthorized for a confirmed user, UsernameExists. */
    @Test
    void signUpAndConfirmation_answerTheDocumentedErrors() {
        SignUpResponse up = client.signUp(b -> b.clientId(CLIENT).username("newcomer").password(PASSWORD)
                .userAttributes(AttributeType.builder().name("phone_number").value("+8613800000001").build()));
        assertFalse(up.userConfirmed());
        assertEquals("SMS", up.codeDeliveryDetails().deliveryMediumAsString());
        assertEquals("phone_number", up.codeDeliveryDetails().attributeName());
        assertThrows(UserNotConfirmedException.class, () -> signIn("newcomer", PASSWORD));
        assertThrows(UsernameExistsException.class, () -> client.signUp(b -> b.clientId(CLIENT).username("newcomer").password(PASSWORD)));
        assertThrows(CodeMismatchException.class, () -> client.confirmSignUp(b -> b.clientId(CLIENT).username("newcomer").confirmationCode("000001")));
        client.confirmSignUp(b -> b.clientId(CLIENT).username("newcomer").confirmationCode("246810"));
        NotAuthorizedException twice = assertThrows(NotAuthorizedException.class,
                () -> client.confirmSignUp(b -> b.clientId(CLIENT).username("newcomer").confirmationCode("246810")));
        assertEquals("User cannot be confirmed. Current status is CONFIRMED", twice.awsErrorDetails().errorMessage());
        assertThrows(UserNotFoundException.class, () -> client.confirmSignUp(b -> b.clientId(CLIENT).username("ghost").confirmationCode("246810")));
        assertTrue(signIn("newcomer", PASSWORD).accessToken().length() > 100);
    }

    /**
     * CreateUserPoolClient "ExplicitAuthFlows" (a flow not listed is "&lt;FLOW&gt; flow not enabled for this client") and
     * "PreventUserExistenceErrors" (LEGACY: UserNotFoundException; ENABLED: NotAuthorizedException as for a wrong password).
     */
    @Test
    void theAppClient_decidesTheFlowsAndWhetherUnknownUsersShow() {
        user("client-user", "client@example.com");
        try {
            cognito.setAppClient(AppClient.of(List.of("ALLOW_REFRESH_TOKEN_AUTH", "ALLOW_CUSTOM_AUTH"), null));
            InvalidParameterException off = assertThrows(InvalidParameterException.class, () -> signIn("client-user", PASSWORD));
            assertEquals("USER_PASSWORD_AUTH flow not enabled for this client", off.awsErrorDetails().errorMessage());

            cognito.setAppClient(AppClient.of(List.of("ALLOW_USER_PASSWORD_AUTH", "ALLOW_REFRESH_TOKEN_AUTH"), null));
            assertThrows(UserNotFoundException.class, () -> signIn("no-such-user", PASSWORD), "LEGACY, the default");
            assertThrows(InvalidParameterException.class, () -> client.initiateAuth(b -> b.clientId(CLIENT).authFlow(AuthFlowType.USER_AUTH)
                    .authParameters(Map.of("USERNAME", "client-user")).session("x".repeat(40))));

            cognito.setAppClient(AppClient.of(List.of("ALLOW_USER_PASSWORD_AUTH"), "ENABLED"));
            NotAuthorizedException hidden = assertThrows(NotAuthorizedException.class, () -> signIn("no-such-user", PASSWORD));
            assertEquals("Incorrect username or password.", hidden.awsErrorDetails().errorMessage());
            assertTrue(signIn("client-user", PASSWORD).idToken().length() > 100);
        } finally {
            cognito.setAppClient(AppClient.ANY);
        }
    }

    /** GetUser's response (Username, UserAttributes) and AdminUserGlobalSignOut: "invalidates ... access tokens" and refresh tokens. */
    @Test
    void globalSignOut_revokesTheAccessAndRefreshTokens() throws Exception {
        user("signout-user", "signout@example.com");
        AuthenticationResultType r = signIn("signout-user", PASSWORD);
        GetUserResponse me = client.getUser(b -> b.accessToken(r.accessToken()));
        assertEquals("signout-user", me.username());
        JsonNode raw = Json.parse(post("GetUser", "{\"AccessToken\":\"" + r.accessToken() + "\"}").body().getBytes());
        assertFalse(raw.has("UserStatus") || raw.has("Enabled") || raw.has("UserCreateDate"), "GetUser is not AdminGetUser: " + raw);

        client.adminUserGlobalSignOut(b -> b.userPoolId(POOL).username("signout-user"));
        NotAuthorizedException revoked = assertThrows(NotAuthorizedException.class, () -> client.getUser(b -> b.accessToken(r.accessToken())));
        assertEquals("Access Token has been revoked", revoked.awsErrorDetails().errorMessage());
        assertThrows(NotAuthorizedException.class, () -> client.initiateAuth(b -> b.clientId(CLIENT).authFlow(AuthFlowType.REFRESH_TOKEN_AUTH)
                .authParameters(Map.of("REFRESH_TOKEN", r.refreshToken()))));
        AuthenticationResultType fresh = signIn("signout-user", PASSWORD);
        assertEquals("signout-user", client.getUser(b -> b.accessToken(fresh.accessToken())).username(), "a new sign-in works again");

        CognitoIdentityProviderException forged = assertThrows(NotAuthorizedException.class, () -> client.getUser(b -> b.accessToken(r.idToken())));
        assertEquals("Invalid Access Token", forged.awsErrorDetails().errorMessage(), "an ID token is not an access token");
    }
}
