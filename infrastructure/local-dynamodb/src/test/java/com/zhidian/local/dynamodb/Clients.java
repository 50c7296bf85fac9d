package com.zhidian.local.dynamodb;

import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.core.retry.RetryPolicy;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.*;

import java.net.URI;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** Test helpers: an SDK client for an endpoint and shorthands for attribute values. */
final class Clients {
    private Clients() {}

    static DynamoDbClient client(URI endpoint) {
        return DynamoDbClient.builder()
                .endpointOverride(endpoint)
                .region(Region.of("cn-north-1"))
                .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create("local", "local")))
                .httpClient(UrlConnectionHttpClient.create())
                .overrideConfiguration(c -> c.retryPolicy(RetryPolicy.none()))
                .build();
    }

    static AttributeValue s(String s) { return AttributeValue.fromS(s); }
    static AttributeValue n(String n) { return AttributeValue.fromN(n); }
    static AttributeValue n(long n) { return AttributeValue.fromN(Long.toString(n)); }

    static Map<String, AttributeValue> item(Object... kv) {
        Map<String, AttributeValue> m = new HashMap<>();
        for (int i = 0; i < kv.length; i += 2) {
            Object v = kv[i + 1];
            m.put((String) kv[i], v instanceof AttributeValue ? (AttributeValue) v : v instanceof Number ? n(v.toString()) : s(v.toString()));
        }
        return m;
    }

    /** The Zhidian table shape: pk/sk, gsi1 and gsi2 (ALL). */
    static void createZhidianTable(DynamoDbClient c, String name) {
        c.createTable(b -> b.tableName(name)
                .billingMode(BillingMode.PAY_PER_REQUEST)
                .attributeDefinitions(ad("pk"), ad("sk"), ad("gsi1pk"), ad("gsi1sk"), ad("gsi2pk"), ad("gsi2sk"))
                .keySchema(ks("pk", KeyType.HASH), ks("sk", KeyType.RANGE))
                .globalSecondaryIndexes(gsi("gsi1"), gsi("gsi2")));
    }

    static AttributeDefinition ad(String n) { return AttributeDefinition.builder().attributeName(n).attributeType(ScalarAttributeType.S).build(); }
    static AttributeDefinition ad(String n, ScalarAttributeType t) { return AttributeDefinition.builder().attributeName(n).attributeType(t).build(); }
    static KeySchemaElement ks(String n, KeyType t) { return KeySchemaElement.builder().attributeName(n).keyType(t).build(); }

    static GlobalSecondaryIndex gsi(String name) {
        return GlobalSecondaryIndex.builder().indexName(name)
                .keySchema(ks(name + "pk", KeyType.HASH), ks(name + "sk", KeyType.RANGE))
                .projection(Projection.builder().projectionType(ProjectionType.ALL).build()).build();
    }

    static List<String> codes(TransactionCanceledException e) {
        return e.cancellationReasons().stream().map(CancellationReason::code).toList();
    }
}
