package com.zhidian.local.dynamodb;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.model.*;
import software.amazon.awssdk.services.dynamodb.streams.DynamoDbStreamsClient;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.*;

import static com.zhidian.local.dynamodb.Clients.*;
import static org.junit.jupiter.api.Assertions.*;

/** Table control plane, TTL, Streams and the fault hooks. */
class TableConformanceTest extends DbTestBase {

    @Test
    @DisplayName("CreateTable: an existing name is ResourceInUseException; DescribeTable shows ACTIVE, keys, GSIs and counts")
    void createDescribe() {
        String t = zhidian();
        assertThrows(ResourceInUseException.class, () -> createZhidianTable(c, t));
        put(t, item("pk", "a", "sk", "b", "gsi1pk", "g", "gsi1sk", "s"));
        TableDescription d = c.describeTable(b -> b.tableName(t)).table();
        assertEquals(TableStatus.ACTIVE, d.tableStatus());
        assertEquals(1, d.itemCount());
        assertEquals(2, d.globalSecondaryIndexes().size());
        assertEquals(1, d.globalSecondaryIndexes().get(0).itemCount());
        assertTrue(d.tableArn().endsWith(":table/" + t));
        assertEquals(BillingMode.PAY_PER_REQUEST, d.billingModeSummary().billingMode());
    }

    @Test
    @DisplayName("CreateTable: AttributeDefinitions must match the key attributes exactly")
    void createValidation() {
        validation("does not exactly match", () -> c.createTable(b -> b.tableName("badtable").billingMode(BillingMode.PAY_PER_REQUEST)
                .attributeDefinitions(ad("pk"), ad("extra")).keySchema(ks("pk", KeyType.HASH))));
        validation("not defined in AttributeDefinitions", () -> c.createTable(b -> b.tableName("badtable").billingMode(BillingMode.PAY_PER_REQUEST)
                .attributeDefinitions(ad("x")).keySchema(ks("pk", KeyType.HASH))));
        validation("ReadCapacityUnits and WriteCapacityUnits must both be specified", () -> c.createTable(b -> b.tableName("badtable")
                .attributeDefinitions(ad("pk")).keySchema(ks("pk", KeyType.HASH))));
    }

    @Test
    @DisplayName("DescribeTable/DeleteTable of a missing table is ResourceNotFoundException; ListTables pages with Limit")
    void listDelete() {
        assertThrows(ResourceNotFoundException.class, () -> c.describeTable(b -> b.tableName("missing-table")));
        String a = table(), b2 = table(), c3 = table();
        List<String> all = new ArrayList<>();
        String start = null;
        do {
            String st = start;
            ListTablesResponse r = c.listTables(b -> b.limit(2).exclusiveStartTableName(st));
            all.addAll(r.tableNames());
            start = r.lastEvaluatedTableName();
        } while (start != null);
        assertTrue(all.containsAll(List.of(a, b2, c3)));
        assertEquals(TableStatus.DELETING, c.deleteTable(b -> b.tableName(a)).tableDescription().tableStatus());
        assertThrows(ResourceNotFoundException.class, () -> c.deleteTable(b -> b.tableName(a)));
    }

    @Test
    @DisplayName("UpdateTable: adding a GSI backfills existing items; removing it drops the index")
    void updateTableGsi() {
        String t = table();
        put(t, item("pk", "a", "sk", "1", "g", "G"));
        put(t, item("pk", "b", "sk", "1"));
        c.updateTable(b -> b.tableName(t).attributeDefinitions(ad("g")).globalSecondaryIndexUpdates(GlobalSecondaryIndexUpdate.builder()
                .create(cr -> cr.indexName("byg").keySchema(ks("g", KeyType.HASH)).projection(p -> p.projectionType(ProjectionType.ALL))).build()));
        QueryResponse r = c.query(b -> b.tableName(t).indexName("byg").keyConditionExpression("g = :g").expressionAttributeValues(item(":g", "G")));
        assertEquals(1, r.count());
        c.updateTable(b -> b.tableName(t).globalSecondaryIndexUpdates(GlobalSecondaryIndexUpdate.builder().delete(d -> d.indexName("byg")).build()));
        validation("does not have the specified index", () -> c.query(b -> b.tableName(t).indexName("byg").keyConditionExpression("g = :g").expressionAttributeValues(item(":g", "G"))));
        assertFalse(c.describeTable(b -> b.tableName(t)).table().hasGlobalSecondaryIndexes());
    }

    @Test
    @DisplayName("TTL: UpdateTimeToLive/DescribeTimeToLive; an expired item stays readable until the background sweep deletes it")
    void ttl() throws Exception {
        String t = table();
        assertEquals(TimeToLiveStatus.DISABLED, c.describeTimeToLive(b -> b.tableName(t)).timeToLiveDescription().timeToLiveStatus());
        c.updateTimeToLive(b -> b.tableName(t).timeToLiveSpecification(s -> s.attributeName("ttl").enabled(true)));
        assertEquals("ttl", c.describeTimeToLive(b -> b.tableName(t)).timeToLiveDescription().attributeName());
        validation("TimeToLive is already enabled", () -> c.updateTimeToLive(b -> b.tableName(t).timeToLiveSpecification(s -> s.attributeName("ttl").enabled(true))));
        long now = System.currentTimeMillis() / 1000;
        db.setClock(Clock.fixed(Instant.ofEpochSecond(now - 3600), ZoneOffset.UTC)); // the sweep sees the past: nothing expires yet
        put(t, item("pk", "old", "sk", "x", "ttl", now - 10));
        put(t, item("pk", "ancient", "sk", "x", "ttl", now - 6L * 366 * 24 * 3600));
        put(t, item("pk", "future", "sk", "x", "ttl", now + 3600));
        put(t, item("pk", "text", "sk", "x", "ttl", "not a number"));
        Thread.sleep(300);
        assertNotNull(get(t, item("pk", "old", "sk", "x")), "expired but not yet swept is still visible");
        db.setClock(Clock.systemUTC());
        long deadline = System.currentTimeMillis() + 5000;
        while (get(t, item("pk", "old", "sk", "x")) != null && System.currentTimeMillis() < deadline) Thread.sleep(50);
        assertNull(get(t, item("pk", "old", "sk", "x")), "swept within seconds");
        assertNotNull(get(t, item("pk", "ancient", "sk", "x")), "more than five years in the past is not deleted");
        assertNotNull(get(t, item("pk", "future", "sk", "x")));
        assertNotNull(get(t, item("pk", "text", "sk", "x")));
    }

    @Test
    @DisplayName("Streams: NEW_AND_OLD_IMAGES records INSERT, MODIFY and REMOVE in order (DescribeStream, GetShardIterator, GetRecords)")
    void streams() {
        String t = "stream" + UUID.randomUUID().toString().substring(0, 6);
        c.createTable(b -> b.tableName(t).billingMode(BillingMode.PAY_PER_REQUEST).attributeDefinitions(ad("pk")).keySchema(ks("pk", KeyType.HASH))
                .streamSpecification(s -> s.streamEnabled(true).streamViewType(StreamViewType.NEW_AND_OLD_IMAGES)));
        String arn = c.describeTable(b -> b.tableName(t)).table().latestStreamArn();
        assertNotNull(arn);
        put(t, item("pk", "a", "v", 1));
        put(t, item("pk", "a", "v", 2));
        c.deleteItem(b -> b.tableName(t).key(item("pk", "a")));
        try (DynamoDbStreamsClient s = DynamoDbStreamsClient.builder().endpointOverride(db.endpoint())
                .region(software.amazon.awssdk.regions.Region.of("cn-north-1"))
                .credentialsProvider(software.amazon.awssdk.auth.credentials.StaticCredentialsProvider.create(
                        software.amazon.awssdk.auth.credentials.AwsBasicCredentials.create("x", "y")))
                .httpClient(software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient.create()).build()) {
            var desc = s.describeStream(b -> b.streamArn(arn)).streamDescription();
            String shard = desc.shards().get(0).shardId();
            String it = s.getShardIterator(b -> b.streamArn(arn).shardId(shard).shardIteratorType(software.amazon.awssdk.services.dynamodb.model.ShardIteratorType.TRIM_HORIZON)).shardIterator();
            var recs = s.getRecords(b -> b.shardIterator(it)).records();
            assertEquals(List.of("INSERT", "MODIFY", "REMOVE"), recs.stream().map(r -> r.eventNameAsString()).toList());
            assertEquals("1", recs.get(1).dynamodb().oldImage().get("v").n());
            assertEquals("2", recs.get(1).dynamodb().newImage().get("v").n());
            assertEquals(1, s.listStreams(b -> b.tableName(t)).streams().size());
        }
    }

    @Test
    @DisplayName("Streams: a TTL deletion is a REMOVE record whose userIdentity is the DynamoDB service")
    void ttlDeletionInStream() {
        String t = "ttlstream" + UUID.randomUUID().toString().substring(0, 6);
        c.createTable(b -> b.tableName(t).billingMode(BillingMode.PAY_PER_REQUEST).attributeDefinitions(ad("pk")).keySchema(ks("pk", KeyType.HASH))
                .streamSpecification(s -> s.streamEnabled(true).streamViewType(StreamViewType.OLD_IMAGE)));
        c.updateTimeToLive(b -> b.tableName(t).timeToLiveSpecification(s -> s.attributeName("exp").enabled(true)));
        put(t, item("pk", "gone", "exp", System.currentTimeMillis() / 1000 - 5));
        long deadline = System.currentTimeMillis() + 5000;
        while (c.getItem(b -> b.tableName(t).key(item("pk", "gone"))).hasItem() && System.currentTimeMillis() < deadline) db.sweepExpiredItems();
        String arn = c.describeTable(b -> b.tableName(t)).table().latestStreamArn();
        try (DynamoDbStreamsClient s = DynamoDbStreamsClient.builder().endpointOverride(db.endpoint())
                .region(software.amazon.awssdk.regions.Region.of("cn-north-1"))
                .credentialsProvider(software.amazon.awssdk.auth.credentials.StaticCredentialsProvider.create(
                        software.amazon.awssdk.auth.credentials.AwsBasicCredentials.create("x", "y")))
                .httpClient(software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient.create()).build()) {
            String shard = s.describeStream(b -> b.streamArn(arn)).streamDescription().shards().get(0).shardId();
            String it = s.getShardIterator(b -> b.streamArn(arn).shardId(shard).shardIteratorType(software.amazon.awssdk.services.dynamodb.model.ShardIteratorType.TRIM_HORIZON)).shardIterator();
            var recs = s.getRecords(b -> b.shardIterator(it)).records();
            assertEquals(List.of("INSERT", "REMOVE"), recs.stream().map(r -> r.eventNameAsString()).toList());
            assertEquals("dynamodb.amazonaws.com", recs.get(1).userIdentity().principalId());
            assertEquals("Service", recs.get(1).userIdentity().type());
            assertEquals("gone", recs.get(1).dynamodb().oldImage().get("pk").s());
            assertNull(recs.get(0).dynamodb().newImage() == null ? null : (recs.get(0).dynamodb().hasNewImage() ? "has new image" : null));
        }
    }

    @Test
    @DisplayName("Fault hooks: setUnavailable answers 503 ServiceUnavailableException; setLatency delays answers")
    void faults() {
        db.setUnavailable(true);
        try {
            DynamoDbException e = assertThrows(DynamoDbException.class, () -> c.listTables());
            assertEquals(503, e.statusCode());
            assertEquals("ServiceUnavailableException", e.awsErrorDetails().errorCode());
            db.setFaultMode(LocalDynamoDb.FaultMode.DROP_CONNECTION);
            assertThrows(software.amazon.awssdk.core.exception.SdkException.class, () -> c.listTables());
        } finally {
            db.setUnavailable(false);
            db.setFaultMode(LocalDynamoDb.FaultMode.SERVICE_UNAVAILABLE);
        }
        db.setLatency(Duration.ofMillis(150));
        try {
            long t0 = System.nanoTime();
            c.listTables();
            assertTrue((System.nanoTime() - t0) / 1_000_000 >= 150);
        } finally {
            db.setLatency(Duration.ZERO);
        }
    }

    @Test
    @DisplayName("Protocol: an unknown X-Amz-Target answers UnknownOperationException")
    void unknownOperation() throws Exception {
        var http = java.net.http.HttpClient.newHttpClient();
        var res = http.send(java.net.http.HttpRequest.newBuilder(db.endpoint()).header("X-Amz-Target", "DynamoDB_20120810.ExecuteStatement")
                .header("Content-Type", "application/x-amz-json-1.0").POST(java.net.http.HttpRequest.BodyPublishers.ofString("{}")).build(),
                java.net.http.HttpResponse.BodyHandlers.ofString());
        assertEquals(400, res.statusCode());
        assertTrue(res.body().contains("UnknownOperationException"));
    }
}
