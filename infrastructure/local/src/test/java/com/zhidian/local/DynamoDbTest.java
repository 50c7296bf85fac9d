package com.zhidian.local;

import static com.zhidian.local.TestSupport.get;
import static com.zhidian.local.TestSupport.send;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.GlobalSecondaryIndexDescription;
import software.amazon.awssdk.services.dynamodb.model.TableDescription;
import software.amazon.awssdk.services.dynamodb.model.TimeToLiveStatus;

/** The DynamoDB stand-in as Zhidian Local starts it: the table of the template, the SDK's settings, faults, persistence. */
class DynamoDbTest {

    private static DynamoDbClient client(ZhidianLocal local) {
        return DynamoDbClient.builder().endpointOverride(local.dynamoEndpoint()).region(Region.of("cn-north-1"))
                .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create("x", "y")))
                .httpClient(UrlConnectionHttpClient.create()).build();
    }

    @Test
    void tableAsTheTemplateDeclaresItAndTheSdkSettings(@TempDir Path dir) {
        try (ZhidianLocal local = ZhidianLocal.start(LocalConfig.ephemeral().template(TestSupport.template()).dataDir(dir));
             DynamoDbClient ddb = client(local)) {
            assertEquals(local.dynamoEndpoint().toString(), System.getProperty("aws.endpointUrlDynamoDb"));
            assertEquals(local.cognitoEndpoint().toString(), System.getProperty("aws.endpointUrlCognitoIdentityProvider"));
            assertEquals("cn-north-1", System.getProperty("aws.region"));
            assertEquals("zhidian", System.getProperty("TABLE_NAME"));
            assertEquals("local_zhidian", System.getProperty("USER_POOL_ID"));
            assertEquals("zhidian-local-client", System.getProperty("USER_POOL_CLIENT_ID"));
            assertEquals("test-cursor-secret", System.getProperty("CURSOR_SECRET"), "!Ref to a parameter: its Default");
            assertEquals("zhidian-local-cn-north-1", System.getProperty("STAGE_LABEL"), "!Sub resolved");
            assertEquals("DEBUG", System.getProperty("LOG_LEVEL"), "!If on a condition");

            TableDescription t = ddb.describeTable(b -> b.tableName("zhidian")).table();
            assertEquals(List.of("pk", "sk"), t.keySchema().stream().map(k -> k.attributeName()).toList());
            assertEquals(List.of("gsi1", "gsi2"), t.globalSecondaryIndexes().stream().map(GlobalSecondaryIndexDescription::indexName).sorted().toList());
            t.globalSecondaryIndexes().forEach(g -> assertEquals("ALL", g.projection().projectionTypeAsString()));
            assertEquals("NEW_AND_OLD_IMAGES", t.streamSpecification().streamViewTypeAsString());
            assertEquals(TimeToLiveStatus.ENABLED,
                    ddb.describeTimeToLive(b -> b.tableName("zhidian")).timeToLiveDescription().timeToLiveStatus());

            // the handler builds its client with no endpoint in code: the system property takes it there
            assertEquals(204, send("PUT", local.gatewayUrl() + "/table/k1", "v1", "Content-Type", "text/plain").status());
            TestSupport.Answer read = get(local.gatewayUrl() + "/table/k1");
            assertEquals(200, read.status());
            assertEquals("v1", read.body());
        }
        // persistent: the table and the item survive a restart
        try (ZhidianLocal again = ZhidianLocal.start(LocalConfig.ephemeral().template(TestSupport.template()).dataDir(dir))) {
            assertEquals("v1", get(again.gatewayUrl() + "/table/k1").body());
        }
    }

    @Test
    void dynamoDbFaults() {
        try (ZhidianLocal local = ZhidianLocal.start(LocalConfig.ephemeral().template(TestSupport.template()))) {
            String url = local.gatewayUrl();
            assertEquals(204, send("PUT", url + "/table/f", "before", "Content-Type", "text/plain").status());
            assertEquals(200, TestSupport.post(url + "/local/faults", "{\"service\":\"dynamodb\",\"mode\":\"down\"}").status());
            assertEquals(503, get(url + "/table/f").status());
            assertEquals(503, send("PUT", url + "/table/f", "during", "Content-Type", "text/plain").status());
            assertEquals(200, TestSupport.post(url + "/local/faults", "{\"service\":\"dynamodb\",\"mode\":\"slow\",\"delayMs\":250}").status());
            assertEquals(250, local.faults().state(Faults.Service.DYNAMODB).delay().toMillis());
            long t0 = System.nanoTime();
            assertEquals("before", get(url + "/table/f").body(), "nothing written while down");
            assertTrue((System.nanoTime() - t0) / 1_000_000 >= 250);
            local.faults().up(Faults.Service.DYNAMODB);
            t0 = System.nanoTime();
            assertEquals(200, get(url + "/table/f").status());
            assertTrue((System.nanoTime() - t0) / 1_000_000 < 250);
            assertEquals(Duration.ZERO, local.faults().state(Faults.Service.DYNAMODB).delay());
        }
    }

    @Test
    void corsAsTheHttpApiConfiguresIt() {
        try (ZhidianLocal local = ZhidianLocal.start(LocalConfig.ephemeral().template(TestSupport.template()))) {
            TestSupport.Answer pre = send("OPTIONS", local.gatewayUrl() + "/members/m-1", null, "Origin", "http://localhost:5173",
                    "Access-Control-Request-Method", "POST", "Access-Control-Request-Headers", "authorization,content-type");
            assertEquals(204, pre.status());
            assertEquals("*", pre.headers().firstValue("access-control-allow-origin").orElseThrow());
            assertEquals("authorization,content-type,idempotency-key", pre.headers().firstValue("access-control-allow-headers").orElseThrow());
            assertEquals("600", pre.headers().firstValue("access-control-max-age").orElseThrow());
            TestSupport.Answer unauth = get(local.gatewayUrl() + "/members/m-1", "Origin", "http://localhost:5173");
            assertEquals(401, unauth.status());
            assertEquals("*", unauth.headers().firstValue("access-control-allow-origin").orElseThrow());
        }
    }
}
