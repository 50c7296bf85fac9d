package com.zhidian.apitests.support;

import com.zhidian.local.LocalConfig;
import com.zhidian.local.ZhidianLocal;
import java.net.URI;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.cognitoidentityprovider.CognitoIdentityProviderClient;
import software.amazon.awssdk.services.cognitoidentityprovider.model.AttributeType;
import software.amazon.awssdk.services.cognitoidentityprovider.model.MessageActionType;

/**
 * One Zhidian Local per test JVM (in memory, ephemeral ports), with every function of template.yaml, like
 * `sam local start-api`; plus a provider admin that an operator would create in the user pool.
 */
public final class Local {
    public static final String PROVIDER_USERNAME = "provider@test.zhidian.local";
    public static final String PROVIDER_PASSWORD = "Provider-Pass-1";

    private static ZhidianLocal local;

    private Local() {}

    public static synchronized String gatewayUrl() {
        if (local == null) start();
        return String.valueOf(local.gatewayUrl()).replaceAll("/$", "");
    }

    public static synchronized ZhidianLocal instance() {
        gatewayUrl();
        return local;
    }

    private static void start() {
        try {
            local = ZhidianLocal.start(LocalConfig.ephemeral());
        } catch (Exception e) {
            throw new IllegalStateException("Zhidian Local did not start", e);
        }
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            try {
                local.close();
            } catch (Exception ignored) {
                // the JVM is ending anyway
            }
        }));
        try (CognitoIdentityProviderClient cognito = CognitoIdentityProviderClient.builder()
                .endpointOverride(URI.create(String.valueOf(local.cognitoEndpoint())))
                .region(Region.of("cn-north-1"))
                .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create("local", "local")))
                .build()) {
            cognito.adminCreateUser(b -> b.userPoolId(local.userPoolId()).username(PROVIDER_USERNAME)
                    .messageAction(MessageActionType.SUPPRESS)
                    .userAttributes(AttributeType.builder().name("custom:role").value("provider_admin").build(),
                            AttributeType.builder().name("email").value(PROVIDER_USERNAME).build()));
            cognito.adminSetUserPassword(b -> b.userPoolId(local.userPoolId()).username(PROVIDER_USERNAME)
                    .password(PROVIDER_PASSWORD).permanent(true));
        }
    }
}
