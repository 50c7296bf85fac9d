package com.zhidian.core.testing;

import com.zhidian.core.Env;
import com.zhidian.local.dynamodb.LocalDynamoDb;
import java.net.URI;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.http.apache.ApacheHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeDefinition;
import software.amazon.awssdk.services.dynamodb.model.BillingMode;
import software.amazon.awssdk.services.dynamodb.model.GlobalSecondaryIndex;
import software.amazon.awssdk.services.dynamodb.model.KeySchemaElement;
import software.amazon.awssdk.services.dynamodb.model.KeyType;
import software.amazon.awssdk.services.dynamodb.model.ProjectionType;
import software.amazon.awssdk.services.dynamodb.model.ScalarAttributeType;

/**
 * One in-memory DynamoDB stand-in per test JVM with the table of template.yaml (pk/sk, gsi1, gsi2), for every
 * context's store and service tests (in core's test jar).
 */
public final class TestTables {
    private static LocalDynamoDb db;
    private static DynamoDbClient client;

    private TestTables() {}

    public static synchronized DynamoDbClient client() {
        if (client == null) {
            db = LocalDynamoDb.start(LocalDynamoDb.Options.inMemory().port(0));
            client = withTable(db);
            LocalDynamoDb started = db;
            Runtime.getRuntime().addShutdownHook(new Thread(started::close));
        }
        return client;
    }

    /**
     * A second stand-in of its own, with the same table and nothing in it (benches replay captured calls on it, see
     * {@link RawCalls}); closed when the JVM ends.
     */
    public static DynamoDbClient fresh() {
        LocalDynamoDb second = LocalDynamoDb.start(LocalDynamoDb.Options.inMemory().port(0));
        Runtime.getRuntime().addShutdownHook(new Thread(second::close));
        return withTable(second);
    }

    private static DynamoDbClient withTable(LocalDynamoDb stand) {
        URI endpoint = stand.endpoint();
        DynamoDbClient c = DynamoDbClient.builder().endpointOverride(endpoint).region(Region.of("cn-north-1"))
                .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create("local", "local")))
                .httpClient(ApacheHttpClient.create()).build();
        c.createTable(b -> b.tableName(Env.tableName()).billingMode(BillingMode.PAY_PER_REQUEST)
                .attributeDefinitions(s("pk"), s("sk"), s("gsi1pk"), s("gsi1sk"), s("gsi2pk"), s("gsi2sk"))
                .keySchema(k("pk", KeyType.HASH), k("sk", KeyType.RANGE))
                .globalSecondaryIndexes(gsi("gsi1"), gsi("gsi2")));
        return c;
    }

    private static AttributeDefinition s(String n) {
        return AttributeDefinition.builder().attributeName(n).attributeType(ScalarAttributeType.S).build();
    }

    private static KeySchemaElement k(String n, KeyType t) {
        return KeySchemaElement.builder().attributeName(n).keyType(t).build();
    }

    private static GlobalSecondaryIndex gsi(String name) {
        return GlobalSecondaryIndex.builder().indexName(name)
                .keySchema(k(name + "pk", KeyType.HASH), k(name + "sk", KeyType.RANGE))
                .projection(p -> p.projectionType(ProjectionType.ALL)).build();
    }
}
