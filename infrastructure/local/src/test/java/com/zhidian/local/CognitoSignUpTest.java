package com.zhidian.local;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.nimbusds.jwt.SignedJWT;
import com.zhidian.local.cognito.CognitoLocal;
import com.zhidian.local.cognito.PasswordPolicy;
import com.zhidian.local.cognito.PoolSettings;
import com.zhidian.local.cognito.SignUpPolicy;
import com.zhidian.local.cognito.SignUpTriggers;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
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
import software.amazon.awssdk.services.cognitoidentityprovider.model.CodeMismatchException;
import software.amazon.awssdk.services.cognitoidentityprovider.model.ConfirmSignUpResponse;
import software.amazon.awssdk.services.cognitoidentityprovider.model.ExpiredCodeException;
import software.amazon.awssdk.services.cognitoidentityprovider.model.InitiateAuthResponse;
import software.amazon.awssdk.services.cognitoidentityprovider.model.InvalidParameterException;
import software.amazon.awssdk.services.cognitoidentityprovider.model.InvalidPasswordException;
import software.amazon.awssdk.services.cognitoidentityprovider.model.NotAuthorizedException;
import software.amazon.awssdk.services.cognitoidentityprovider.model.SignUpResponse;
import software.amazon.awssdk.services.cognitoidentityprovider.model.UserLambdaValidationException;
import software.amazon.awssdk.services.cognitoidentityprovider.model.UserNotConfirmedException;
import software.amazon.awssdk.services.cognitoidentityprovider.model.UsernameExistsException;

/**
 * SignUp, ConfirmSignUp, ResendConfirmationCode and the USER_AUTH sign-in with ConfirmSignUp's session, through the
 * AWS SDK's own client, as the Cognito API reference describes them (request and answer members, error types), with
 * PreSignUp and PostConfirmation triggers in the shapes of the trigger events.
 */
class CognitoSignUpTest {
    static CognitoLocal pool;
    static CognitoLocal adminOnly;
    static CognitoIdentityProviderClient idp;
    static final List<String> calls = new ArrayList<>();
    static final AtomicInteger seq = new AtomicInteger(100);

    @BeforeAll
    static void start() {
        PoolSettings d = PoolSettings.defaults();
        PoolSettings open = new PoolSettings("local_signup", "signup-client", List.of(), List.of(), false,
                new PasswordPolicy(8, true, true, true, false), Duration.ofHours(1), List.of("custom:role", "custom:tenant_id"),
                new SignUpPolicy(false, List.of("phone_number"), List.of("email", "name", "phone_number")));
        pool = CognitoLocal.start(open, null, "127.0.0.1", 0);
        adminOnly = CognitoLocal.start(new PoolSettings("local_closed", d.clientId(), List.of(), List.of(), false, d.passwordPolicy(),
                d.tokenValidity(), List.of(), new SignUpPolicy(true, List.of("phone_number"), null)), null, "127.0.0.1", 0);
        pool.setSignUpTriggers(new SignUpTriggers() {
            @Override
            public PreSignUpAnswer preSignUp(String username, Map<String, String> attrs, Map<String, String> validation,
                                             Map<String, String> meta) {
                calls.add("pre " + username + " " + validation.get("tenantId"));
                if ("closed".equals(validation.get("tenantId"))) throw new IllegalStateException("tenantId: no such shop");
                boolean auto = "auto".equals(validation.get("tenantId"));
                return new PreSignUpAnswer(auto, auto, false);
            }

            @Override
            public void postConfirmation(String username, Map<String, String> attrs, Map<String, String> meta) {
                calls.add("post " + username + " " + attrs.get("phone_number_verified") + " " + meta.get("marketing_push"));
            }

            @Override
            public String customMessage(String source, String username, Map<String, String> attrs, Map<String, String> meta) {
                if (username.startsWith("quiet#")) throw new IllegalStateException("auth.too_many_codes {retryAfterSeconds=60}");
                if (username.startsWith("plain#")) return null;
                return source + ": 验证码 " + CODE_PARAMETER + "（" + meta.getOrDefault("lang", "zh") + "）";
            }
        });
        idp = CognitoIdentityProviderClient.builder().endpointOverride(pool.endpoint()).region(Region.of("cn-north-1"))
                .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create("x", "y")))
                .httpClient(UrlConnectionHttpClient.create()).build();
    }

    @AfterAll
    static void stop() {
        idp.close();
        pool.close();
        adminOnly.close();
    }

    private static String phone() { return "+86139000" + String.format("%05d", seq.incrementAndGet()); }

    private static AttributeType attr(String n, String v) { return AttributeType.builder().name(n).value(v).build(); }

    private static SignUpResponse signUp(String username, String phone, String tenant) {
        return idp.signUp(b -> b.clientId("signup-client").username(username).password("Sign-up-1")
                .userAttributes(attr("phone_number", phone)).validationData(attr("tenantId", tenant)));
    }

    @Test
    void signUpTextsACode_confirmRunsPostConfirmation_andItsSessionSignsInOnce() throws Exception {
        String phone = phone();
        String name = "t-1#" + phone.substring(3);
        SignUpResponse r = signUp(name, phone, "t-1");
        assertFalse(r.userConfirmed());
        assertNotNull(r.userSub());
        assertEquals("SMS", r.codeDeliveryDetails().deliveryMediumAsString());
        assertEquals("phone_number", r.codeDeliveryDetails().attributeName());
        assertTrue(r.codeDeliveryDetails().destination().endsWith(phone.substring(phone.length() - 4)));
        assertFalse(r.codeDeliveryDetails().destination().contains(phone.substring(3, 8)), "the destination is masked");
        assertTrue(calls.contains("pre " + name + " t-1"));
        assertThrows(UserNotConfirmedException.class, () -> idp.initiateAuth(b -> b.clientId("signup-client")
                .authFlow(AuthFlowType.USER_PASSWORD_AUTH).authParameters(Map.of("USERNAME", name, "PASSWORD", "Sign-up-1"))));

        String code = pool.lastConfirmationCode(phone);
        assertTrue(code.matches("[0-9]{6}"));
        String wrong = code.equals("000000") ? "111111" : "000000";
        assertThrows(CodeMismatchException.class, () -> idp.confirmSignUp(b -> b.clientId("signup-client").username(name).confirmationCode(wrong)));
        ConfirmSignUpResponse c = idp.confirmSignUp(b -> b.clientId("signup-client").username(name).confirmationCode(code)
                .session(r.session()).clientMetadata(Map.of("marketing_push", "false")));
        assertNotNull(c.session(), "a session to sign in with, as SignUp's was handed on");
        assertTrue(calls.contains("post " + name + " true false"), calls::toString);

        InitiateAuthResponse in = idp.initiateAuth(b -> b.clientId("signup-client").authFlow(AuthFlowType.USER_AUTH)
                .authParameters(Map.of("USERNAME", name)).session(c.session()));
        String idToken = in.authenticationResult().idToken();
        assertEquals(phone, SignedJWT.parse(idToken).getJWTClaimsSet().getStringClaim("phone_number"));
        assertThrows(NotAuthorizedException.class, () -> idp.initiateAuth(b -> b.clientId("signup-client").authFlow(AuthFlowType.USER_AUTH)
                .authParameters(Map.of("USERNAME", name)).session(c.session())), "the session signs in once");
        NotAuthorizedException again = assertThrows(NotAuthorizedException.class,
                () -> idp.confirmSignUp(b -> b.clientId("signup-client").username(name).confirmationCode(code)));
        assertEquals("User cannot be confirmed. Current status is CONFIRMED", again.awsErrorDetails().errorMessage());
        UsernameExistsException exists = assertThrows(UsernameExistsException.class, () -> signUp(name, phone, "t-1"));
        assertEquals("User already exists", exists.awsErrorDetails().errorMessage());
    }

    @Test
    void aConfirmWithoutSignUpsSession_givesNoSession_andTheSessionIsForItsOwnUserOnly() {
        String phone = phone();
        String name = "t-1#" + phone.substring(3);
        String other = "t-1#" + phone().substring(3);
        SignUpResponse r = signUp(name, phone, "t-1");
        ConfirmSignUpResponse plain = idp.confirmSignUp(b -> b.clientId("signup-client").username(name).confirmationCode(pool.lastConfirmationCode(phone)));
        assertNull(plain.session());
        assertThrows(NotAuthorizedException.class, () -> idp.initiateAuth(b -> b.clientId("signup-client").authFlow(AuthFlowType.USER_AUTH)
                .authParameters(Map.of("USERNAME", other)).session(r.session())));
    }

    @Test
    void resendGivesANewCode_andTooManyWrongCodesSpendIt() {
        String phone = phone();
        String name = "t-1#" + phone.substring(3);
        signUp(name, phone, "t-1");
        var resent = idp.resendConfirmationCode(b -> b.clientId("signup-client").username(name));
        assertEquals("SMS", resent.codeDeliveryDetails().deliveryMediumAsString());
        String code = pool.lastConfirmationCode(phone);
        String wrong = code.equals("000000") ? "111111" : "000000";
        for (int i = 0; i < 5; i++) {
            assertThrows(CodeMismatchException.class, () -> idp.confirmSignUp(b -> b.clientId("signup-client").username(name).confirmationCode(wrong)));
        }
        assertThrows(ExpiredCodeException.class, () -> idp.confirmSignUp(b -> b.clientId("signup-client").username(name).confirmationCode(code)));
        idp.resendConfirmationCode(b -> b.clientId("signup-client").username(name));
        idp.confirmSignUp(b -> b.clientId("signup-client").username(name).confirmationCode(pool.lastConfirmationCode(phone)));
    }

    @Test
    void theCustomMessageTrigger_wordsEachCode_orRefusesIt_andNothingIsSent() {
        String phone = phone();
        String name = "t-1#" + phone.substring(3);
        idp.signUp(b -> b.clientId("signup-client").username(name).password("Sign-up-1")
                .userAttributes(attr("phone_number", phone)).validationData(attr("tenantId", "t-1")).clientMetadata(Map.of("lang", "en")));
        assertEquals("CustomMessage_SignUp: 验证码 " + pool.lastConfirmationCode(phone) + "（en）", pool.lastConfirmationMessage(phone));
        idp.resendConfirmationCode(b -> b.clientId("signup-client").username(name));
        assertEquals("CustomMessage_ResendCode: 验证码 " + pool.lastConfirmationCode(phone) + "（zh）", pool.lastConfirmationMessage(phone));

        String other = phone();
        signUp("plain#" + other.substring(3), other, "t-1");
        assertEquals("Your verification code is " + pool.lastConfirmationCode(other), pool.lastConfirmationMessage(other), "null: Cognito's own words");

        String quiet = phone();
        UserLambdaValidationException refused = assertThrows(UserLambdaValidationException.class, () -> signUp("quiet#" + quiet.substring(3), quiet, "t-1"));
        assertTrue(refused.awsErrorDetails().errorMessage().startsWith("CustomMessage failed with error auth.too_many_codes"), refused.getMessage());
        assertNull(pool.lastConfirmationCode(quiet), "no code went out");
    }

    @Test
    void preSignUpMayAutoConfirm_orRefuse() {
        String phone = phone();
        SignUpResponse auto = signUp("auto#" + phone.substring(3), phone, "auto");
        assertTrue(auto.userConfirmed());
        assertNull(auto.codeDeliveryDetails(), "no code for a user the trigger confirmed");
        UserLambdaValidationException refused = assertThrows(UserLambdaValidationException.class,
                () -> signUp("closed#" + phone.substring(3), phone, "closed"));
        assertTrue(refused.awsErrorDetails().errorMessage().contains("tenantId: no such shop"), refused::getMessage);
    }

    @Test
    void badRequests_areRefusedAsCognitoRefusesThem() {
        String phone = phone();
        NotAuthorizedException write = assertThrows(NotAuthorizedException.class, () -> idp.signUp(b -> b.clientId("signup-client")
                .username("t-1#x").password("Sign-up-1").userAttributes(attr("phone_number", phone), attr("custom:role", "owner"))));
        assertEquals("A client attempted to write unauthorized attribute", write.awsErrorDetails().errorMessage());
        assertThrows(InvalidParameterException.class, () -> signUp("t-1#bad", "13800000000", "t-1"));
        assertThrows(InvalidPasswordException.class, () -> idp.signUp(b -> b.clientId("signup-client").username("t-1#p")
                .password("short").userAttributes(attr("phone_number", phone))));
        assertThrows(software.amazon.awssdk.services.cognitoidentityprovider.model.ResourceNotFoundException.class,
                () -> idp.signUp(b -> b.clientId("nobody").username("t-1#q").password("Sign-up-1")));
        assertThrows(InvalidParameterException.class, () -> idp.confirmSignUp(b -> b.clientId("signup-client").username("t-1#q").confirmationCode(" ")));
        try (CognitoIdentityProviderClient closed = CognitoIdentityProviderClient.builder().endpointOverride(adminOnly.endpoint())
                .region(Region.of("cn-north-1")).credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create("x", "y")))
                .httpClient(UrlConnectionHttpClient.create()).build()) {
            NotAuthorizedException no = assertThrows(NotAuthorizedException.class, () -> closed.signUp(b -> b.clientId(adminOnly.clientId())
                    .username("t-1#z").password("Sign-up-1!x").userAttributes(attr("phone_number", phone))));
            assertEquals("SignUp is not permitted for this user pool", no.awsErrorDetails().errorMessage());
        }
    }
}
