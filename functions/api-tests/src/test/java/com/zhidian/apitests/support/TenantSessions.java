package com.zhidian.apitests.support;

import com.zhidian.local.ZhidianLocal;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.core.retry.RetryPolicy;
import software.amazon.awssdk.http.SdkHttpClient;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.sts.StsClient;
import software.amazon.awssdk.services.sts.auth.StsAssumeRoleCredentialsProvider;
import software.amazon.awssdk.services.sts.model.Tag;

/**
 * SDK clients on Zhidian Local's stand-ins: the table under a tenant's session of the tenant data role (assumed
 * through the STS stand-in, as the functions do), or under plain local credentials (as the admin and the job).
 */
public final class TenantSessions implements AutoCloseable {
    private static final Region REGION = Region.of("cn-north-1");
    private static final StaticCredentialsProvider LOCAL = StaticCredentialsProvider.create(AwsBasicCredentials.create("local", "local"));

    private final ZhidianLocal local = Local.instance();
    private final SdkHttpClient http = UrlConnectionHttpClient.create();
    private final StsClient sts = StsClient.builder().endpointOverride(local.sts().endpoint()).region(REGION)
            .credentialsProvider(LOCAL).httpClient(http).build();

    /** The role the functions assume ({@code TENANT_DATA_ROLE_ARN} of the template, resolved locally). */
    public String roleArn() { return local.environment().get("TENANT_DATA_ROLE_ARN"); }

    public String tableName() { return local.tableName(); }

    /** The table as the tenant's session of the tenant data role sees it. */
    public DynamoDbClient asTenant(String tenantId) {
        return dynamo(StsAssumeRoleCredentialsProvider.builder().stsClient(sts).refreshRequest(r -> r.roleArn(roleArn())
                .roleSessionName("tenant-" + tenantId).tags(Tag.builder().key("tenant_id").value(tenantId).build())).build());
    }

    /** The table with credentials STS did not issue: not behind the wall (the admin function, the points job). */
    public DynamoDbClient unscoped() { return dynamo(LOCAL); }

    private DynamoDbClient dynamo(AwsCredentialsProvider credentials) {
        return DynamoDbClient.builder().endpointOverride(local.dynamoEndpoint()).region(REGION).credentialsProvider(credentials)
                .httpClient(http).overrideConfiguration(o -> o.retryPolicy(RetryPolicy.none())).build();
    }

    @Override
    public void close() {
        sts.close();
        http.close();
    }
}
