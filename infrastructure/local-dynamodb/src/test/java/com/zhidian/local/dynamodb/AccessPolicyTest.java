package com.zhidian.local.dynamodb;

import static com.zhidian.local.dynamodb.Clients.createZhidianTable;
import static com.zhidian.local.dynamodb.Clients.item;
import static com.zhidian.local.dynamodb.Clients.s;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.core.retry.RetryPolicy;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.ConditionCheck;
import software.amazon.awssdk.services.dynamodb.model.DynamoDbException;
import software.amazon.awssdk.services.dynamodb.model.Put;
import software.amazon.awssdk.services.dynamodb.model.PutRequest;
import software.amazon.awssdk.services.dynamodb.model.TransactWriteItem;
import software.amazon.awssdk.services.dynamodb.model.WriteRequest;

/** The access hook: what the policy is asked for each operation, and DynamoDB's AccessDeniedException when it refuses. */
class AccessPolicyTest {
    record Asked(String key, String action, String resource, List<String> leadingKeys) {}

    private final List<Asked> asked = new CopyOnWriteArrayList<>();
    private LocalDynamoDb db;
    private DynamoDbClient admin;
    private String arn;

    @BeforeEach
    void start() {
        db = LocalDynamoDb.start(LocalDynamoDb.Options.inMemory().port(0).region("cn-north-1"));
        admin = client(db.endpoint(), "local");
        createZhidianTable(admin, "zhidian");
        arn = "arn:aws:dynamodb:cn-north-1:000000000000:table/zhidian";
        db.setAccessPolicy((key, action, resource, keys) -> {
            asked.add(new Asked(key, action, resource, keys));
            return "DENIED".equals(key) ? "arn:aws:sts::000000000000:assumed-role/tenant-data/tenant-b" : null;
        });
    }

    @AfterEach
    void stop() {
        admin.close();
        db.close();
    }

    @Test
    void asksWithThePartitionKeysEachOperationTouches() {
        try (DynamoDbClient c = client(db.endpoint(), "AKIDREADER")) {
            c.putItem(b -> b.tableName("zhidian").item(item("pk", "T#a#M", "sk", "1", "gsi1pk", "T#a#L", "gsi1sk", "1")));
            c.getItem(b -> b.tableName("zhidian").key(item("pk", "T#a#M", "sk", "1")));
            c.query(b -> b.tableName("zhidian").keyConditionExpression("#p = :p AND begins_with(sk, :s)")
                    .expressionAttributeNames(Map.of("#p", "pk")).expressionAttributeValues(Map.of(":p", s("T#a#M"), ":s", s("1"))));
            c.query(b -> b.tableName("zhidian").indexName("gsi1").keyConditionExpression("gsi1pk = :g")
                    .expressionAttributeValues(Map.of(":g", s("T#a#L"))));
            c.transactWriteItems(b -> b.transactItems(
                    TransactWriteItem.builder().put(Put.builder().tableName("zhidian").item(item("pk", "T#a#X", "sk", "1")).build()).build(),
                    TransactWriteItem.builder().conditionCheck(ConditionCheck.builder().tableName("zhidian")
                            .key(item("pk", "T#a#M", "sk", "1")).conditionExpression("attribute_exists(pk)").build()).build()));
            c.batchWriteItem(b -> b.requestItems(Map.of("zhidian", List.of(
                    WriteRequest.builder().putRequest(PutRequest.builder().item(item("pk", "T#a#Y", "sk", "1")).build()).build(),
                    WriteRequest.builder().putRequest(PutRequest.builder().item(item("pk", "T#a#Z", "sk", "1")).build()).build()))));
            c.scan(b -> b.tableName("zhidian"));
        }
        assertEquals(List.of(
                new Asked("AKIDREADER", "dynamodb:PutItem", arn, List.of("T#a#M")),
                new Asked("AKIDREADER", "dynamodb:GetItem", arn, List.of("T#a#M")),
                new Asked("AKIDREADER", "dynamodb:Query", arn, List.of("T#a#M")),
                new Asked("AKIDREADER", "dynamodb:Query", arn + "/index/gsi1", List.of("T#a#L")),
                new Asked("AKIDREADER", "dynamodb:PutItem", arn, List.of("T#a#X")),
                new Asked("AKIDREADER", "dynamodb:ConditionCheckItem", arn, List.of("T#a#M")),
                new Asked("AKIDREADER", "dynamodb:BatchWriteItem", arn, List.of("T#a#Y", "T#a#Z")),
                new Asked("AKIDREADER", "dynamodb:Scan", arn, List.of())), asked);
    }

    @Test
    void aRefusalIsDynamoDbsAccessDeniedAndChangesNothing() {
        try (DynamoDbClient c = client(db.endpoint(), "DENIED")) {
            DynamoDbException e = assertThrows(DynamoDbException.class,
                    () -> c.putItem(b -> b.tableName("zhidian").item(item("pk", "T#b#M", "sk", "1"))));
            assertEquals(400, e.statusCode());
            assertEquals("AccessDeniedException", e.awsErrorDetails().errorCode());
            assertEquals("User: arn:aws:sts::000000000000:assumed-role/tenant-data/tenant-b is not authorized to perform: "
                    + "dynamodb:PutItem on resource: " + arn + " because no identity-based policy allows the dynamodb:PutItem action",
                    e.awsErrorDetails().errorMessage());
        }
        assertFalse(admin.getItem(b -> b.tableName("zhidian").key(item("pk", "T#b#M", "sk", "1"))).hasItem());
        db.setAccessPolicy(null);
        try (DynamoDbClient c = client(db.endpoint(), "DENIED")) {
            c.putItem(b -> b.tableName("zhidian").item(item("pk", "T#b#M", "sk", "1")));
        }
        assertTrue(admin.getItem(b -> b.tableName("zhidian").key(item("pk", "T#b#M", "sk", "1"))).hasItem());
    }

    @Test
    void readsTheAccessKeyIdOfASigV4Authorization() {
        assertEquals("ASIAEXAMPLE", AccessCheck.accessKeyId(
                "AWS4-HMAC-SHA256 Credential=ASIAEXAMPLE/20260101/cn-north-1/dynamodb/aws4_request, SignedHeaders=host, Signature=ab"));
        assertEquals(null, AccessCheck.accessKeyId(null));
    }

    private static DynamoDbClient client(URI endpoint, String accessKeyId) {
        return DynamoDbClient.builder().endpointOverride(endpoint).region(Region.of("cn-north-1"))
                .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create(accessKeyId, "secret")))
                .httpClient(UrlConnectionHttpClient.create())
                .overrideConfiguration(o -> o.retryPolicy(RetryPolicy.none())).build();
    }
}
