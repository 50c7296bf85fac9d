package com.zhidian.local;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.crypto.RSASSAVerifier;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import com.zhidian.local.cognito.CustomAuthTriggers;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.core.retry.RetryMode;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.cognitoidentityprovider.CognitoIdentityProviderClient;
import software.amazon.awssdk.services.cognitoidentityprovider.model.AdminGetUserResponse;
import software.amazon.awssdk.services.cognitoidentityprovider.model.AttributeType;
import software.amazon.awssdk.services.cognitoidentityprovider.model.AuthFlowType;
import software.amazon.awssdk.services.cognitoidentityprovider.model.ChallengeNameType;
import software.amazon.awssdk.services.cognitoidentityprovider.model.CognitoIdentityProviderException;
import software.amazon.awssdk.services.cognitoidentityprovider.model.InitiateAuthResponse;
import software.amazon.awssdk.services.cognitoidentityprovider.model.InvalidParameterException;
import software.amazon.awssdk.services.cognitoidentityprovider.model.InvalidPasswordException;
import software.amazon.awssdk.services.cognitoidentityprovider.model.ListUsersResponse;
import software.amazon.awssdk.services.cognitoidentityprovider.model.MessageActionType;
import software.amazon.awssdk.services.cognitoidentityprovider.model.NotAuthorizedException;
import software.amazon.awssdk.services.cognitoidentityprovider.model.RespondToAuthChallengeResponse;
import software.amazon.awssdk.services.cognitoidentityprovider.model.UserNotFoundException;
import software.amazon.awssdk.services.cognitoidentityprovider.model.UserStatusType;
import software.amazon.awssdk.services.cognitoidentityprovider.model.UsernameExistsException;

/** The Cognito stand-in through the real AWS SDK client, as functions call it. */
class CognitoTest {
    static ZhidianLocal local;
    static CognitoIdentityProviderClient idp;

    static CognitoIdentityProviderClient client(ZhidianLocal l) {
        return CognitoIdentityProviderClient.builder().endpointOverride(l.cognitoEndpoint()).region(Region.of("cn-north-1"))
                .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create("x", "y")))
                .httpClient(UrlConnectionHttpClient.create())
                .overrideConfiguration(o -> o.retryStrategy(RetryMode.STANDARD))
                .build();
    }

    @BeforeAll
    static void start() {
        local = ZhidianLocal.start(LocalConfig.ephemeral().withoutDynamoDb().template(TestSupport.template()));
        idp = client(local);
    }

    @AfterAll
    static void stop() {
        idp.close();
        local.close();
    }

    private static void create(String username, String tempPassword, AttributeType... attrs) {
        idp.adminCreateUser(b -> b.userPoolId(local.userPoolId()).username(username).temporaryPassword(tempPassword)
                .messageAction(MessageActionType.SUPPRESS).userAttributes(attrs));
    }

    private static AttributeType attr(String n, String v) { return AttributeType.builder().name(n).value(v).build(); }

    private static InitiateAuthResponse login(String username, String password) {
        return idp.initiateAuth(b -> b.clientId(local.clientId()).authFlow(AuthFlowType.USER_PASSWORD_AUTH)
                .authParameters(Map.of("USERNAME", username, "PASSWORD", password)));
    }

    @Test
    void createUserAndTheTemporaryPasswordChallenge() throws Exception {
        create("alice@c.test", "Temp-Pass-1", attr("email", "alice@c.test"), attr("custom:tenant_id", "t-9"), attr("custom:role", "owner"));
        AdminGetUserResponse u = idp.adminGetUser(b -> b.userPoolId(local.userPoolId()).username("alice@c.test"));
        assertEquals(UserStatusType.FORCE_CHANGE_PASSWORD, u.userStatus());
        assertTrue(u.enabled());
        assertTrue(u.userAttributes().stream().anyMatch(a -> a.name().equals("sub")));
        assertNotNull(u.userCreateDate());

        assertThrows(UsernameExistsException.class, () -> create("alice@c.test", "Temp-Pass-1"));

        InitiateAuthResponse challenge = login("alice@c.test", "Temp-Pass-1");
        assertEquals(ChallengeNameType.NEW_PASSWORD_REQUIRED, challenge.challengeName());
        assertNull(challenge.authenticationResult());
        assertThrows(InvalidPasswordException.class, () -> idp.respondToAuthChallenge(b -> b.clientId(local.clientId())
                .challengeName(ChallengeNameType.NEW_PASSWORD_REQUIRED).session(challenge.session())
                .challengeResponses(Map.of("USERNAME", "alice@c.test", "NEW_PASSWORD", "nouppercase1!"))));
        RespondToAuthChallengeResponse done = idp.respondToAuthChallenge(b -> b.clientId(local.clientId())
                .challengeName(ChallengeNameType.NEW_PASSWORD_REQUIRED).session(challenge.session())
                .challengeResponses(Map.of("USERNAME", "alice@c.test", "NEW_PASSWORD", "Alice-Pass-2")));
        assertNotNull(done.authenticationResult().idToken());
        assertNotNull(done.authenticationResult().refreshToken());
        assertEquals(UserStatusType.CONFIRMED, idp.adminGetUser(b -> b.userPoolId(local.userPoolId()).username("alice@c.test")).userStatus());
        // a used session cannot be replayed
        assertThrows(NotAuthorizedException.class, () -> idp.respondToAuthChallenge(b -> b.clientId(local.clientId())
                .challengeName(ChallengeNameType.NEW_PASSWORD_REQUIRED).session(challenge.session())
                .challengeResponses(Map.of("USERNAME", "alice@c.test", "NEW_PASSWORD", "Alice-Pass-3"))));

        // the ID token: RS256, verifiable from the JWKS URL, with Cognito's claims
        SignedJWT jwt = SignedJWT.parse(done.authenticationResult().idToken());
        assertEquals(JWSAlgorithm.RS256, jwt.getHeader().getAlgorithm());
        JWKSet jwks = JWKSet.load(new URL(local.issuer() + "/.well-known/jwks.json"));
        RSAKey key = (RSAKey) jwks.getKeyByKeyId(jwt.getHeader().getKeyID());
        assertTrue(jwt.verify(new RSASSAVerifier(key)));
        JWTClaimsSet c = jwt.getJWTClaimsSet();
        assertEquals(local.issuer(), c.getIssuer());
        assertEquals("http://localhost:" + local.cognitoEndpoint().getPort() + "/local_zhidian", c.getIssuer());
        assertEquals(List.of(local.clientId()), c.getAudience());
        assertEquals("id", c.getStringClaim("token_use"));
        assertEquals("t-9", c.getStringClaim("custom:tenant_id"));
        assertEquals("owner", c.getStringClaim("custom:role"));
        assertEquals("alice@c.test", c.getStringClaim("email"));
        assertEquals("alice@c.test", c.getStringClaim("cognito:username"));
        assertNotNull(c.getSubject());
        assertNotNull(c.getClaim("auth_time"));
        assertEquals(3600, (c.getExpirationTime().getTime() - c.getIssueTime().getTime()) / 1000);
        SignedJWT access = SignedJWT.parse(done.authenticationResult().accessToken());
        assertEquals("access", access.getJWTClaimsSet().getStringClaim("token_use"));
        assertEquals(local.clientId(), access.getJWTClaimsSet().getStringClaim("client_id"));
    }

    @Test
    void refreshTokenAuth() throws Exception {
        create("bob@c.test", "Temp-Pass-1", attr("custom:role", "staff"));
        idp.adminSetUserPassword(b -> b.userPoolId(local.userPoolId()).username("bob@c.test").password("Bob-Pass-1").permanent(true));
        InitiateAuthResponse first = login("bob@c.test", "Bob-Pass-1");
        String refresh = first.authenticationResult().refreshToken();
        InitiateAuthResponse again = idp.initiateAuth(b -> b.clientId(local.clientId()).authFlow(AuthFlowType.REFRESH_TOKEN_AUTH)
                .authParameters(Map.of("REFRESH_TOKEN", refresh)));
        assertNotNull(again.authenticationResult().idToken());
        assertNull(again.authenticationResult().refreshToken(), "Cognito does not rotate refresh tokens by default");
        assertEquals("staff", SignedJWT.parse(again.authenticationResult().idToken()).getJWTClaimsSet().getStringClaim("custom:role"));
        assertThrows(NotAuthorizedException.class, () -> idp.initiateAuth(b -> b.clientId(local.clientId())
                .authFlow(AuthFlowType.REFRESH_TOKEN_AUTH).authParameters(Map.of("REFRESH_TOKEN", "forged"))));
        idp.adminUserGlobalSignOut(b -> b.userPoolId(local.userPoolId()).username("bob@c.test"));
        assertThrows(NotAuthorizedException.class, () -> idp.initiateAuth(b -> b.clientId(local.clientId())
                .authFlow(AuthFlowType.REFRESH_TOKEN_AUTH).authParameters(Map.of("REFRESH_TOKEN", refresh))));
    }

    @Test
    void wrongPasswordUnknownUserAndDisabledAreNotAuthorized() {
        create("carol@c.test", "Temp-Pass-1");
        idp.adminSetUserPassword(b -> b.userPoolId(local.userPoolId()).username("carol@c.test").password("Carol-Pass-1").permanent(true));
        NotAuthorizedException wrong = assertThrows(NotAuthorizedException.class, () -> login("carol@c.test", "Carol-Pass-2"));
        assertEquals("Incorrect username or password.", wrong.awsErrorDetails().errorMessage());
        assertEquals("NotAuthorizedException", wrong.awsErrorDetails().errorCode());
        assertEquals(400, wrong.statusCode());
        // the test template's client names no PreventUserExistenceErrors: CloudFormation's default LEGACY says so
        assertThrows(UserNotFoundException.class, () -> login("nobody@c.test", "Carol-Pass-1"));
        idp.adminDisableUser(b -> b.userPoolId(local.userPoolId()).username("carol@c.test"));
        NotAuthorizedException disabled = assertThrows(NotAuthorizedException.class, () -> login("carol@c.test", "Carol-Pass-1"));
        assertEquals("User is disabled.", disabled.awsErrorDetails().errorMessage());
        idp.adminEnableUser(b -> b.userPoolId(local.userPoolId()).username("carol@c.test"));
        assertNotNull(login("carol@c.test", "Carol-Pass-1").authenticationResult());
        idp.adminDeleteUser(b -> b.userPoolId(local.userPoolId()).username("carol@c.test"));
        assertThrows(UserNotFoundException.class, () -> idp.adminGetUser(b -> b.userPoolId(local.userPoolId()).username("carol@c.test")));
    }

    @Test
    void attributesListUsersAndValidation() {
        create("dave@c.test", "Temp-Pass-1", attr("email", "dave@c.test"), attr("custom:tenant_id", "t-list"));
        create("erin@c.test", "Temp-Pass-1", attr("email", "erin@c.test"), attr("custom:tenant_id", "t-list"));
        idp.adminUpdateUserAttributes(b -> b.userPoolId(local.userPoolId()).username("dave@c.test")
                .userAttributes(attr("custom:store_ids", "s-1"), attr("name", "Dave")));
        AdminGetUserResponse dave = idp.adminGetUser(b -> b.userPoolId(local.userPoolId()).username("dave@c.test"));
        assertTrue(dave.userAttributes().contains(attr("custom:store_ids", "s-1")));
        ListUsersResponse byEmail = idp.listUsers(b -> b.userPoolId(local.userPoolId()).filter("email = \"erin@c.test\""));
        assertEquals(1, byEmail.users().size());
        assertEquals("erin@c.test", byEmail.users().get(0).username());
        ListUsersResponse prefix = idp.listUsers(b -> b.userPoolId(local.userPoolId()).filter("username ^= \"d\""));
        assertTrue(prefix.users().stream().allMatch(u -> u.username().startsWith("d")));
        ListUsersResponse page = idp.listUsers(b -> b.userPoolId(local.userPoolId()).limit(1));
        assertEquals(1, page.users().size());
        assertNotNull(page.paginationToken());
        assertThrows(InvalidParameterException.class, () -> create("frank@c.test", "Temp-Pass-1", attr("custom:unknown", "x")));
        assertThrows(InvalidPasswordException.class, () -> create("gina@c.test", "weak"));
        CognitoIdentityProviderException noPool = assertThrows(CognitoIdentityProviderException.class,
                () -> idp.adminGetUser(b -> b.userPoolId("cn-north-1_nope").username("dave@c.test")));
        assertEquals("ResourceNotFoundException", noPool.awsErrorDetails().errorCode());
        // sign in with the email alias
        idp.adminSetUserPassword(b -> b.userPoolId(local.userPoolId()).username("erin@c.test").password("Erin-Pass-1").permanent(true));
        assertNotNull(login("ERIN@c.test", "Erin-Pass-1").authenticationResult());
    }

    @Test
    void customAuthThroughTheTemplatesTriggerFunctions() throws Exception {
        create("t-2#13900000000", "Temp-Pass-1", attr("phone_number", "+8613900000000"), attr("custom:role", "customer"),
                attr("custom:tenant_id", "t-2"), attr("custom:member_id", "m-2"));
        InitiateAuthResponse start = idp.initiateAuth(b -> b.clientId(local.clientId()).authFlow(AuthFlowType.CUSTOM_AUTH)
                .authParameters(Map.of("USERNAME", "t-2#13900000000")).clientMetadata(Map.of("tenantId", "t-2")));
        assertEquals(ChallengeNameType.CUSTOM_CHALLENGE, start.challengeName());
        assertEquals("+8613900000000", start.challengeParameters().get("phone"));
        assertThrows(NotAuthorizedException.class, () -> idp.respondToAuthChallenge(b -> b.clientId(local.clientId())
                .challengeName(ChallengeNameType.CUSTOM_CHALLENGE).session(start.session())
                .challengeResponses(Map.of("USERNAME", "t-2#13900000000", "ANSWER", "999999"))));
        TestSupport.Answer ok = TestSupport.post(local.gatewayUrl() + "/local/auth/login",
                "{\"tenantId\":\"t-2\",\"phone\":\"13900000000\",\"otp\":\"000000\"}");
        assertEquals(200, ok.status(), ok.body());
        assertEquals("m-2", SignedJWT.parse(ok.json().path("idToken").asText()).getJWTClaimsSet().getStringClaim("custom:member_id"));
        assertEquals(401, TestSupport.post(local.gatewayUrl() + "/local/auth/login",
                "{\"tenantId\":\"t-2\",\"phone\":\"13900000000\",\"otp\":\"111111\"}").status());
    }

    @Test
    void customAuthThroughTheTriggers() throws Exception {
        CustomAuthTriggers previous = local.cognito().customAuthTriggers();
        local.cognito().setCustomAuthTriggers(new CustomAuthTriggers() {
            @Override
            public Decision defineAuthChallenge(String username, Map<String, String> attrs, List<ChallengeResult> session,
                                                Map<String, String> meta) {
                if (session.isEmpty()) return new Decision(false, false, "CUSTOM_CHALLENGE");
                ChallengeResult last = session.get(session.size() - 1);
                if (last.challengeResult()) return new Decision(true, false, null);
                return session.size() >= 3 ? new Decision(false, true, null) : new Decision(false, false, "CUSTOM_CHALLENGE");
            }

            @Override
            public Challenge createAuthChallenge(String username, Map<String, String> attrs, String name,
                                                 List<ChallengeResult> session, Map<String, String> meta) {
                return new Challenge(Map.of("phone", attrs.getOrDefault("phone_number", "")), Map.of("code", "000000"), "OTP");
            }

            @Override
            public boolean verifyAuthChallengeResponse(String username, Map<String, String> attrs, Map<String, String> priv,
                                                       String answer, Map<String, String> meta) {
                return priv.get("code").equals(answer);
            }
        });
        try {
            create("t-1#13800000000", "Temp-Pass-1", attr("phone_number", "+8613800000000"), attr("custom:role", "customer"),
                    attr("custom:tenant_id", "t-1"), attr("custom:member_id", "m-1"));
            TestSupport.Answer wrong = TestSupport.post(local.gatewayUrl() + "/local/auth/login",
                    "{\"tenantId\":\"t-1\",\"phone\":\"13800000000\",\"otp\":\"123456\"}");
            assertEquals(401, wrong.status(), wrong.body());
            TestSupport.Answer ok = TestSupport.post(local.gatewayUrl() + "/local/auth/login",
                    "{\"tenantId\":\"t-1\",\"phone\":\"13800000000\",\"otp\":\"000000\"}");
            assertEquals(200, ok.status(), ok.body());
            JWTClaimsSet c = SignedJWT.parse(ok.json().path("idToken").asText()).getJWTClaimsSet();
            assertEquals("customer", c.getStringClaim("custom:role"));
            assertEquals("m-1", c.getStringClaim("custom:member_id"));
        } finally {
            local.cognito().setCustomAuthTriggers(previous);
        }
    }

    @Test
    void faultsStopAndSlowTheIdentityProvider() {
        create("henry@c.test", "Temp-Pass-1");
        idp.adminSetUserPassword(b -> b.userPoolId(local.userPoolId()).username("henry@c.test").password("Henry-Pass-1").permanent(true));
        TestSupport.Answer set = TestSupport.post(local.gatewayUrl() + "/local/faults", "{\"service\":\"cognito\",\"mode\":\"down\"}");
        assertEquals(200, set.status(), set.body());
        assertEquals("down", TestSupport.get(local.gatewayUrl() + "/local/faults").json().path("cognito").path("mode").asText());
        CognitoIdentityProviderException down = assertThrows(CognitoIdentityProviderException.class, () -> login("henry@c.test", "Henry-Pass-1"));
        assertEquals(503, down.statusCode());
        TestSupport.Answer viaGateway = TestSupport.post(local.gatewayUrl() + "/local/auth/login",
                "{\"username\":\"henry@c.test\",\"password\":\"Henry-Pass-1\"}");
        assertEquals(503, viaGateway.status(), viaGateway.body());

        local.faults().slow(Faults.Service.COGNITO, Duration.ofMillis(300));
        long t0 = System.nanoTime();
        assertNotNull(login("henry@c.test", "Henry-Pass-1").authenticationResult());
        assertTrue((System.nanoTime() - t0) / 1_000_000 >= 300);

        assertEquals(200, TestSupport.send("DELETE", local.gatewayUrl() + "/local/faults", null).status());
        assertEquals("up", local.faults().toJson().path("cognito").path("mode").asText());
        assertNotNull(login("henry@c.test", "Henry-Pass-1").authenticationResult());

        assertEquals(400, TestSupport.post(local.gatewayUrl() + "/local/faults", "{\"service\":\"kinesis\",\"mode\":\"down\"}").status());
        assertEquals(400, TestSupport.post(local.gatewayUrl() + "/local/faults", "{\"service\":\"cognito\",\"mode\":\"sideways\"}").status());
        assertEquals(400, TestSupport.post(local.gatewayUrl() + "/local/faults", "{\"service\":\"dynamodb\",\"mode\":\"down\"}").status(),
                "no DynamoDB in this test: a clear 400");
    }

    @Test
    void usersAndKeysPersistInTheDataDir(@TempDir Path dir) throws Exception {
        String token;
        try (ZhidianLocal first = ZhidianLocal.start(LocalConfig.ephemeral().withoutDynamoDb().setSystemProperties(false)
                .template(TestSupport.template()).dataDir(dir))) {
            try (CognitoIdentityProviderClient c = client(first)) {
                c.adminCreateUser(b -> b.userPoolId(first.userPoolId()).username("ivy@c.test").temporaryPassword("Temp-Pass-1")
                        .messageAction(MessageActionType.SUPPRESS));
                c.adminSetUserPassword(b -> b.userPoolId(first.userPoolId()).username("ivy@c.test").password("Ivy-Pass-1").permanent(true));
            }
            token = TestSupport.post(first.gatewayUrl() + "/local/auth/login", "{\"username\":\"ivy@c.test\",\"password\":\"Ivy-Pass-1\"}")
                    .json().path("refreshToken").asText();
        }
        String users = Files.readString(dir.resolve("cognito/cognito-users.json"));
        assertTrue(users.contains("pbkdf2-sha256$"), "passwords are hashed");
        assertTrue(!users.contains("Ivy-Pass-1"));
        try (ZhidianLocal second = ZhidianLocal.start(LocalConfig.ephemeral().withoutDynamoDb().setSystemProperties(false)
                .template(TestSupport.template()).dataDir(dir))) {
            TestSupport.Answer a = TestSupport.post(second.gatewayUrl() + "/local/auth/login",
                    "{\"username\":\"ivy@c.test\",\"password\":\"Ivy-Pass-1\"}");
            assertEquals(200, a.status(), a.body());
            assertEquals(200, TestSupport.post(second.gatewayUrl() + "/local/auth/refresh", "{\"refreshToken\":\"" + token + "\"}").status());
        }
    }
}
