package com.zhidian.apitests.aws;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.zhidian.core.dynamo.DynamoIdempotency;
import com.zhidian.core.http.Response;
import com.zhidian.core.paging.Page;
import com.zhidian.stores.domain.Store;
import com.zhidian.stores.store.DynamoStoreRepository;
import java.time.Clock;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.testcontainers.junit.jupiter.Container;
import org.testcontainers.junit.jupiter.Testcontainers;
import org.testcontainers.localstack.LocalStackContainer;
import org.testcontainers.utility.DockerImageName;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeDefinition;
import software.amazon.awssdk.services.dynamodb.model.BillingMode;
import software.amazon.awssdk.services.dynamodb.model.KeySchemaElement;
import software.amazon.awssdk.services.dynamodb.model.KeyType;
import software.amazon.awssdk.services.dynamodb.model.ScalarAttributeType;

/**
 * The DynamoDB adapters against LocalStack's DynamoDB, a second opinion on the stand-in. Needs a Docker
 * engine: where there is none (as on the project's machines) JUnit reports it skipped.
 */
@Testcontainers(disabledWithoutDocker = true)
class DynamoDbAdapterLocalStackTest {

    @Container
    static final LocalStackContainer LOCALSTACK = new LocalStackContainer(DockerImageName.parse("localstack/localstack:4.4"))
            .withServices("dynamodb");

    static DynamoDbClient db;

    @BeforeAll
    static void table() {
        db = DynamoDbClient.builder().endpointOverride(LOCALSTACK.getEndpoint())
                .region(Region.of(LOCALSTACK.getRegion()))
                .credentialsProvider(StaticCredentialsProvider.create(
                        AwsBasicCredentials.create(LOCALSTACK.getAccessKey(), LOCALSTACK.getSecretKey())))
                .build();
        db.createTable(b -> b.tableName("zhidian").billingMode(BillingMode.PAY_PER_REQUEST)
                .attributeDefinitions(AttributeDefinition.builder().attributeName("pk").attributeType(ScalarAttributeType.S).build(),
                        AttributeDefinition.builder().attributeName("sk").attributeType(ScalarAttributeType.S).build())
                .keySchema(KeySchemaElement.builder().attributeName("pk").keyType(KeyType.HASH).build(),
                        KeySchemaElement.builder().attributeName("sk").keyType(KeyType.RANGE).build()));
    }

    @Test
    void storeRepository_writesInATransaction_andPagesWithCursors() {
        DynamoStoreRepository stores = new DynamoStoreRepository(db);
        db.transactWriteItems(b -> b.transactItems(List.of(
                stores.putStore("tn_a", new Store("st_1", "一号店", "convenience", "上海", "Asia/Shanghai", "2026-01-01T00:00:00Z")),
                stores.putStore("tn_a", new Store("st_2", "二号店", "supermarket", "杭州", "Asia/Shanghai", "2026-01-01T00:00:00Z")))));
        Page<Store> first = stores.list("tn_a", 1, null);
        assertEquals(1, first.items().size());
        Page<Store> second = stores.list("tn_a", 1, first.nextCursor());
        assertEquals("st_2", second.items().get(0).storeId());
        assertTrue(stores.get("tn_b", "st_1").isEmpty(), "another tenant's key space is empty");
    }

    @Test
    void idempotency_runsTheWorkOnce() {
        DynamoIdempotency idem = new DynamoIdempotency(db, Clock.systemUTC());
        AtomicInteger runs = new AtomicInteger();
        Response a = Response.of(idem.run("T#tn_a", "key-1", "POST /x\n{}", () -> Response.created(runs.incrementAndGet())));
        Response b = Response.of(idem.run("T#tn_a", "key-1", "POST /x\n{}", () -> Response.created(runs.incrementAndGet())));
        assertEquals(1, runs.get());
        assertEquals(a.status(), b.status());
    }
}
