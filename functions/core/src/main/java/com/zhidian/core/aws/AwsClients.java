package com.zhidian.core.aws;

import java.time.Duration;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProviderChain;
import software.amazon.awssdk.auth.credentials.ContainerCredentialsProvider;
import software.amazon.awssdk.auth.credentials.EnvironmentVariableCredentialsProvider;
import software.amazon.awssdk.auth.credentials.SystemPropertyCredentialsProvider;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.core.client.config.ClientOverrideConfiguration;
import software.amazon.awssdk.http.SdkHttpClient;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.services.cognitoidentityprovider.CognitoIdentityProviderClient;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.DynamoDbException;

/**
 * The SDK clients, built once per container. Endpoints, region and credentials come from the SDK's own
 * settings (AWS_ENDPOINT_URL_DYNAMODB / aws.endpointUrlDynamoDb ...), so the same code runs in AWS and in
 * Zhidian Local. The URL-connection HTTP client starts faster than the Apache one.
 */
public final class AwsClients {
    private AwsClients() {}

    /**
     * One limit for the whole call, retries included. No per-attempt timeout: a slow attempt that already
     * succeeded would be sent again, and AdminCreateUser or a conditional put would then answer as if the
     * first had not happened.
     */
    private static final ClientOverrideConfiguration TIMEOUTS = ClientOverrideConfiguration.builder()
            .apiCallTimeout(Duration.ofSeconds(5))
            .build();

    private static SdkHttpClient http() {
        return UrlConnectionHttpClient.builder()
                .connectionTimeout(Duration.ofSeconds(1))
                .socketTimeout(Duration.ofSeconds(6))
                .build();
    }

    /** Lambda's AWS_REGION (Zhidian Local: aws.region); naming it spares the SDK its region lookup chain. */
    private static Region region() {
        String r = System.getenv("AWS_REGION");
        if (r == null || r.isBlank()) r = System.getProperty("aws.region");
        return r == null || r.isBlank() ? null : Region.of(r);
    }

    /**
     * The providers Lambda actually uses (environment; the container endpoint under SnapStart) and Zhidian
     * Local's system properties: the default chain would first look for profile files and more.
     */
    private static AwsCredentialsProvider credentials() {
        return AwsCredentialsProviderChain.of(EnvironmentVariableCredentialsProvider.create(),
                SystemPropertyCredentialsProvider.create(), ContainerCredentialsProvider.builder().build());
    }

    private static final class Dynamo {
        static final DynamoDbClient CLIENT = DynamoDbClient.builder().region(region()).credentialsProvider(credentials())
                .httpClient(http()).overrideConfiguration(TIMEOUTS).build();

        static {
            SnapStartPriming.register(CLIENT);
        }
    }

    private static final class Cognito {
        static final CognitoIdentityProviderClient CLIENT = CognitoIdentityProviderClient.builder().region(region())
                .credentialsProvider(credentials()).httpClient(http()).overrideConfiguration(TIMEOUTS).build();
    }

    public static DynamoDbClient dynamo() { return Dynamo.CLIENT; }

    public static CognitoIdentityProviderClient cognito() { return Cognito.CLIENT; }

    /** True when the failure is the service's or the network's, not the request's: answer 503. */
    public static boolean isUnavailable(Throwable t) {
        for (Throwable c = t; c != null; c = c.getCause()) {
            if (c instanceof software.amazon.awssdk.core.exception.SdkClientException) return true;
            if (c instanceof software.amazon.awssdk.core.exception.ApiCallTimeoutException) return true;
            if (c instanceof software.amazon.awssdk.core.exception.ApiCallAttemptTimeoutException) return true;
            if (c instanceof DynamoDbException d && d.statusCode() >= 500) return true;
            if (c instanceof software.amazon.awssdk.awscore.exception.AwsServiceException a && a.statusCode() >= 500) return true;
            if (c instanceof java.io.IOException) return true;
        }
        return false;
    }
}
