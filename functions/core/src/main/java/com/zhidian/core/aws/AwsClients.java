package com.zhidian.core.aws;

import com.zhidian.core.Env;
import java.time.Duration;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProviderChain;
import software.amazon.awssdk.auth.credentials.ContainerCredentialsProvider;
import software.amazon.awssdk.auth.credentials.EnvironmentVariableCredentialsProvider;
import software.amazon.awssdk.auth.credentials.SystemPropertyCredentialsProvider;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.core.client.config.ClientOverrideConfiguration;
import software.amazon.awssdk.http.SdkHttpClient;
import software.amazon.awssdk.http.apache.ApacheHttpClient;
import software.amazon.awssdk.services.cognitoidentityprovider.CognitoIdentityProviderClient;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.DynamoDbException;
import software.amazon.awssdk.services.sts.StsClient;

/**
 * The SDK clients, built once per container. Endpoints, region and credentials come from the SDK's own
 * settings (AWS_ENDPOINT_URL_DYNAMODB / aws.endpointUrlDynamoDb ...), so the same code runs in AWS and in
 * Zhidian Local.
 *
 * <p>The Apache HTTP client, not the URL-connection one: the JDK's HttpURLConnection probes a kept-alive
 * connection with a 1 ms timed read before every streamed POST (every DynamoDB call), so each call waited
 * ≈1.1 ms for nothing (p50 1.42 ms against 0.29 ms per GetItem, one client, same stand-in) and cost ~20% more
 * CPU. The URL-connection client starts ≈80 ms sooner without SnapStart; with SnapStart the client is built
 * and primed before the snapshot, so only the per-call cost remains. See docs/decisions.md.
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
            .scheduledExecutorService(Timers.EXECUTOR)
            .build();

    /**
     * The timer of every client's call timeout. Each call schedules one and cancels it when it ends; the SDK's own
     * pool (five threads per client) keeps a cancelled timer queued for its whole 5 s and wakes a thread for it then:
     * ~10,000 dead timers and ~3,000 wake-ups a second under Zhidian Local's points load. This one drops a timer
     * when it is cancelled, and all clients (one per tenant session) share it.
     */
    private static final class Timers {
        static final ScheduledThreadPoolExecutor EXECUTOR = new ScheduledThreadPoolExecutor(1, r -> {
            Thread t = new Thread(r, "sdk-call-timeouts");
            t.setDaemon(true);
            return t;
        });

        static {
            EXECUTOR.setRemoveOnCancelPolicy(true);
        }
    }

    private static SdkHttpClient http() {
        return ApacheHttpClient.builder()
                .connectionTimeout(Duration.ofSeconds(1))
                .socketTimeout(Duration.ofSeconds(6))
                .maxConnections((int) Env.getLong("AWS_MAX_CONNECTIONS", 64))   // Lambda: one request at a time; Zhidian Local: many
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
        /** One HTTP client (connection pool) for the function role's client, STS and every tenant's client. */
        static final SdkHttpClient HTTP = http();
        static final DynamoDbClient CLIENT = TenantScopedDynamo.routing(dynamoClient(credentials()),
                Env.get(TenantScopedDynamo.ROLE_ARN, null), AwsClients::tenantDynamo);

        static {
            SnapStartPriming.register(CLIENT);
        }
    }

    private static DynamoDbClient dynamoClient(AwsCredentialsProvider credentials) {
        return DynamoDbClient.builder().region(region()).credentialsProvider(credentials)
                .httpClient(Dynamo.HTTP).overrideConfiguration(TIMEOUTS).build();
    }

    /** A tenant's DynamoDB client: signed with its session of the tenant data role (see TenantScopedDynamo). */
    private static DynamoDbClient tenantDynamo(String tenantId) {
        return dynamoClient(TenantScopedDynamo.credentials(Sts.CLIENT, Env.get(TenantScopedDynamo.ROLE_ARN, null), tenantId));
    }

    /** Signs AssumeRole with the function role; endpoint from the SDK's settings (Zhidian Local: aws.endpointUrlSts). */
    private static final class Sts {
        static final StsClient CLIENT = StsClient.builder().region(region()).credentialsProvider(credentials())
                .httpClient(Dynamo.HTTP).overrideConfiguration(TIMEOUTS).build();
    }

    private static final class Cognito {
        static final CognitoIdentityProviderClient CLIENT = CognitoIdentityProviderClient.builder().region(region())
                .credentialsProvider(credentials()).httpClient(http()).overrideConfiguration(TIMEOUTS).build();
    }

    /**
     * The DynamoDB client of every handler. With {@code TENANT_DATA_ROLE_ARN} set, the calls of a request's tenant
     * run under that tenant's session of the tenant data role (see {@link TenantScopedDynamo}).
     */
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
