package com.zhidian.local.dynamodb;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.enhanced.dynamodb.DynamoDbEnhancedAsyncClient;
import software.amazon.awssdk.http.nio.netty.NettyNioAsyncHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.dynamodb.DynamoDbAsyncClient;
import software.amazon.awssdk.services.dynamodb.model.*;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;

import static com.zhidian.local.dynamodb.Clients.*;
import static org.junit.jupiter.api.Assertions.*;

/** The asynchronous SDK client (Netty, pipelined keep-alive connections) works unchanged too. */
class AsyncClientTest extends DbTestBase {

    @Test
    @DisplayName("DynamoDbAsyncClient over Netty: 200 concurrent conditional writes and reads, and a cancelled transaction")
    void asyncClient() throws Exception {
        String t = table();
        try (DynamoDbAsyncClient a = DynamoDbAsyncClient.builder().endpointOverride(db.endpoint()).region(Region.of("cn-north-1"))
                .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create("local", "local")))
                .httpClientBuilder(NettyNioAsyncHttpClient.builder()).build()) {
            List<CompletableFuture<?>> fs = new ArrayList<>();
            for (int i = 0; i < 200; i++) {
                int k = i;
                fs.add(a.putItem(b -> b.tableName(t).item(item("pk", "a" + (k % 50), "sk", "x", "v", k)).conditionExpression("attribute_not_exists(pk)"))
                        .handle((r, e) -> e == null ? "ok" : e.getCause().getClass().getSimpleName()));
            }
            long ok = 0;
            for (CompletableFuture<?> f : fs) if ("ok".equals(f.get())) ok++;
            assertEquals(50, ok);
            assertEquals(50, a.scan(b -> b.tableName(t)).get().count());
            Throwable e = assertThrows(java.util.concurrent.ExecutionException.class, () -> a.transactWriteItems(b -> b.transactItems(
                    TransactWriteItem.builder().conditionCheck(ConditionCheck.builder().tableName(t).key(item("pk", "a1", "sk", "x"))
                            .conditionExpression("attribute_not_exists(pk)").build()).build())).get()).getCause();
            assertEquals(List.of("ConditionalCheckFailed"), codes((TransactionCanceledException) e));
            DynamoDbEnhancedAsyncClient enh = DynamoDbEnhancedAsyncClient.builder().dynamoDbClient(a).build();
            assertNotNull(enh.table(t, software.amazon.awssdk.enhanced.dynamodb.TableSchema.documentSchemaBuilder()
                    .addIndexPartitionKey(software.amazon.awssdk.enhanced.dynamodb.TableMetadata.primaryIndexName(), "pk", software.amazon.awssdk.enhanced.dynamodb.AttributeValueType.S)
                    .addIndexSortKey(software.amazon.awssdk.enhanced.dynamodb.TableMetadata.primaryIndexName(), "sk", software.amazon.awssdk.enhanced.dynamodb.AttributeValueType.S)
                    .build()).getItem(software.amazon.awssdk.enhanced.dynamodb.Key.builder().partitionValue("a1").sortValue("x").build()).get());
        }
    }
}
