package com.zhidian.local.dynamodb;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.services.dynamodb.model.*;

import java.util.*;

import static com.zhidian.local.dynamodb.Clients.*;
import static org.junit.jupiter.api.Assertions.*;

/** Query, Scan, indexes, ordering, pagination and batch reads/writes as documented. */
class ReadConformanceTest extends DbTestBase {

    private static List<String> sks(QueryResponse r) {
        return r.items().stream().map(i -> i.get("sk").hasSs() ? "" : i.get("sk").s() != null ? i.get("sk").s() : i.get("sk").n()).toList();
    }

    @Test
    @DisplayName("Sort order: Number sort keys are ordered numerically")
    void numberOrder() {
        String t = rangeTable(ScalarAttributeType.N);
        for (String v : List.of("10", "-3.5", "2", "0", "100", "-100")) put(t, item("pk", "p", "sk", n(v)));
        QueryResponse r = c.query(b -> b.tableName(t).keyConditionExpression("pk = :p").expressionAttributeValues(item(":p", "p")));
        assertEquals(List.of("-100", "-3.5", "0", "2", "10", "100"), sks(r));
    }

    @Test
    @DisplayName("Sort order: String sort keys are ordered by UTF-8 bytes (uppercase before lowercase, non-ASCII after ASCII)")
    void stringOrder() {
        String t = table();
        for (String v : List.of("b", "a", "B", "é", "z", "aa", "\uD83D\uDE00", "\uFFFD")) put(t, item("pk", "p", "sk", v));
        QueryResponse r = c.query(b -> b.tableName(t).keyConditionExpression("pk = :p").expressionAttributeValues(item(":p", "p")));
        assertEquals(List.of("B", "a", "aa", "b", "z", "é", "\uFFFD", "\uD83D\uDE00"), sks(r));
    }

    @Test
    @DisplayName("Sort order: Binary sort keys are ordered as unsigned bytes")
    void binaryOrder() {
        String t = rangeTable(ScalarAttributeType.B);
        for (int v : new int[]{0x80, 0x01, 0xff, 0x7f}) put(t, Map.of("pk", s("p"), "sk", AttributeValue.fromB(SdkBytes.fromByteArray(new byte[]{(byte) v}))));
        QueryResponse r = c.query(b -> b.tableName(t).keyConditionExpression("pk = :p").expressionAttributeValues(item(":p", "p")));
        assertEquals(List.of(1, 0x7f, 0x80, 0xff), r.items().stream().map(i -> i.get("sk").b().asByteArray()[0] & 0xff).toList());
    }

    @Test
    @DisplayName("Query key conditions: =, <, <=, >, >=, BETWEEN, begins_with on the sort key; ScanIndexForward=false reverses")
    void keyConditions() {
        String t = table();
        for (String v : List.of("a1", "a2", "a3", "b1", "b2", "c")) put(t, item("pk", "p", "sk", v));
        put(t, item("pk", "other", "sk", "a1"));
        Map<String, List<String>> cases = new LinkedHashMap<>();
        cases.put("pk = :p AND sk = :x", List.of("b1"));
        cases.put("pk = :p AND sk < :x", List.of("a1", "a2", "a3"));
        cases.put("pk = :p AND sk <= :x", List.of("a1", "a2", "a3", "b1"));
        cases.put("pk = :p AND sk > :x", List.of("b2", "c"));
        cases.put("pk = :p AND sk >= :x", List.of("b1", "b2", "c"));
        cases.put("sk >= :x AND pk = :p", List.of("b1", "b2", "c"));
        for (Map.Entry<String, List<String>> e : cases.entrySet()) {
            QueryResponse r = c.query(b -> b.tableName(t).keyConditionExpression(e.getKey()).expressionAttributeValues(item(":p", "p", ":x", "b1")));
            assertEquals(e.getValue(), sks(r), e.getKey());
        }
        QueryResponse r = c.query(b -> b.tableName(t).keyConditionExpression("pk = :p AND sk BETWEEN :a AND :b").expressionAttributeValues(item(":p", "p", ":a", "a2", ":b", "b1")));
        assertEquals(List.of("a2", "a3", "b1"), sks(r));
        r = c.query(b -> b.tableName(t).keyConditionExpression("pk = :p AND begins_with(sk, :a)").expressionAttributeValues(item(":p", "p", ":a", "a")));
        assertEquals(List.of("a1", "a2", "a3"), sks(r));
        r = c.query(b -> b.tableName(t).keyConditionExpression("pk = :p AND begins_with(sk, :a)").scanIndexForward(false).expressionAttributeValues(item(":p", "p", ":a", "a")));
        assertEquals(List.of("a3", "a2", "a1"), sks(r));
        r = c.query(b -> b.tableName(t).keyConditionExpression("pk = :p").scanIndexForward(false).limit(2).expressionAttributeValues(item(":p", "p")));
        assertEquals(List.of("c", "b2"), sks(r));
    }

    @Test
    @DisplayName("Query key conditions: OR, <>, non-key attributes and a missing partition key condition are ValidationExceptions")
    void keyConditionErrors() {
        String t = table();
        validation("Invalid operator used in KeyConditionExpression: OR", () -> c.query(b -> b.tableName(t).keyConditionExpression("pk = :p OR sk = :p").expressionAttributeValues(item(":p", "p"))));
        validation("<>", () -> c.query(b -> b.tableName(t).keyConditionExpression("pk = :p AND sk <> :p").expressionAttributeValues(item(":p", "p"))));
        validation("Query condition missed key schema element", () -> c.query(b -> b.tableName(t).keyConditionExpression("sk = :p").expressionAttributeValues(item(":p", "p"))));
        validation("Query condition missed key schema element", () -> c.query(b -> b.tableName(t).keyConditionExpression("pk = :p AND foo = :p").expressionAttributeValues(item(":p", "p"))));
        validation("Filter Expression can only contain non-primary key attributes", () -> c.query(b -> b.tableName(t).keyConditionExpression("pk = :p")
                .filterExpression("sk = :p").expressionAttributeValues(item(":p", "p"))));
    }

    @Test
    @DisplayName("Query: Limit counts items evaluated before the filter; LastEvaluatedKey resumes with ExclusiveStartKey")
    void limitAndPagination() {
        String t = table();
        for (int i = 0; i < 10; i++) put(t, item("pk", "p", "sk", String.format("%02d", i), "even", i % 2 == 0 ? "y" : "n"));
        QueryResponse r = c.query(b -> b.tableName(t).keyConditionExpression("pk = :p").filterExpression("even = :y").limit(4).expressionAttributeValues(item(":p", "p", ":y", "y")));
        assertEquals(4, r.scannedCount());
        assertEquals(2, r.count());
        assertEquals(item("pk", "p", "sk", "03"), r.lastEvaluatedKey());
        List<String> all = new ArrayList<>();
        Map<String, AttributeValue> start = null;
        int pages = 0;
        do {
            Map<String, AttributeValue> st = start;
            QueryResponse page = c.query(b -> b.tableName(t).keyConditionExpression("pk = :p").limit(3).exclusiveStartKey(st).expressionAttributeValues(item(":p", "p")));
            all.addAll(sks(page));
            start = page.hasLastEvaluatedKey() && !page.lastEvaluatedKey().isEmpty() ? page.lastEvaluatedKey() : null;
            pages++;
        } while (start != null);
        assertEquals(10, all.size());
        assertEquals(4, pages);
    }

    @Test
    @DisplayName("Query: Select COUNT returns Count and ScannedCount without Items")
    void selectCount() {
        String t = table();
        for (int i = 0; i < 5; i++) put(t, item("pk", "p", "sk", "s" + i));
        QueryResponse r = c.query(b -> b.tableName(t).keyConditionExpression("pk = :p").select(Select.COUNT).expressionAttributeValues(item(":p", "p")));
        assertEquals(5, r.count());
        assertFalse(r.hasItems());
    }

    @Test
    @DisplayName("Query and Scan: a page holds at most 1 MB of data; LastEvaluatedKey continues after it")
    void oneMegabytePages() {
        String t = table();
        String blob = "x".repeat(100 * 1024);
        for (int i = 0; i < 25; i++) put(t, item("pk", "p", "sk", String.format("%02d", i), "blob", blob));
        QueryResponse r = c.query(b -> b.tableName(t).keyConditionExpression("pk = :p").expressionAttributeValues(item(":p", "p")));
        assertTrue(r.count() >= 9 && r.count() <= 11, "count " + r.count());
        assertTrue(r.hasLastEvaluatedKey() && !r.lastEvaluatedKey().isEmpty());
        ScanResponse s = c.scan(b -> b.tableName(t));
        assertTrue(s.count() >= 9 && s.count() <= 11, "scan count " + s.count());
        int total = 0;
        Map<String, AttributeValue> start = null;
        do {
            Map<String, AttributeValue> st = start;
            ScanResponse p = c.scan(b -> b.tableName(t).exclusiveStartKey(st));
            total += p.count();
            start = p.hasLastEvaluatedKey() && !p.lastEvaluatedKey().isEmpty() ? p.lastEvaluatedKey() : null;
        } while (start != null);
        assertEquals(25, total);
    }

    @Test
    @DisplayName("GSI: maintained with the base write, sparse (items without the index key are absent), queried with pagination")
    void gsiSparseAndMaintained() {
        String t = zhidian();
        put(t, item("pk", "T#1#a", "sk", "A", "gsi1pk", "G", "gsi1sk", "2"));
        put(t, item("pk", "T#1#b", "sk", "A", "gsi1pk", "G", "gsi1sk", "1"));
        put(t, item("pk", "T#1#c", "sk", "A"));
        QueryResponse r = c.query(b -> b.tableName(t).indexName("gsi1").keyConditionExpression("gsi1pk = :g").expressionAttributeValues(item(":g", "G")));
        assertEquals(List.of("T#1#b", "T#1#a"), r.items().stream().map(i -> i.get("pk").s()).toList());
        update(t, item("pk", "T#1#b", "sk", "A"), "REMOVE gsi1pk", null);
        r = c.query(b -> b.tableName(t).indexName("gsi1").keyConditionExpression("gsi1pk = :g").limit(1).expressionAttributeValues(item(":g", "G")));
        assertEquals(1, r.count());
        assertEquals(Set.of("pk", "sk", "gsi1pk", "gsi1sk"), r.lastEvaluatedKey().keySet());
        Map<String, AttributeValue> lek = r.lastEvaluatedKey();
        r = c.query(b -> b.tableName(t).indexName("gsi1").keyConditionExpression("gsi1pk = :g").exclusiveStartKey(lek).expressionAttributeValues(item(":g", "G")));
        assertEquals(0, r.count());
        assertEquals(1, c.scan(b -> b.tableName(t).indexName("gsi1")).count());
    }

    @Test
    @DisplayName("GSI: strongly consistent reads are not supported (ValidationException)")
    void gsiNoConsistentRead() {
        String t = zhidian();
        validation("Consistent reads are not supported on global secondary indexes", () -> c.query(b -> b.tableName(t).indexName("gsi1").consistentRead(true)
                .keyConditionExpression("gsi1pk = :g").expressionAttributeValues(item(":g", "G"))));
    }

    @Test
    @DisplayName("GSI: an index key attribute of the wrong type rejects the write")
    void gsiTypeMismatch() {
        String t = zhidian();
        validation("Type mismatch for Index Key", () -> put(t, item("pk", "a", "sk", "b", "gsi1pk", n(1))));
    }

    @Test
    @DisplayName("GSI projections: KEYS_ONLY returns only keys; INCLUDE adds the listed attributes")
    void gsiProjections() {
        String t = "proj" + UUID.randomUUID().toString().substring(0, 8);
        c.createTable(b -> b.tableName(t).billingMode(BillingMode.PAY_PER_REQUEST)
                .attributeDefinitions(ad("pk"), ad("g"))
                .keySchema(ks("pk", KeyType.HASH))
                .globalSecondaryIndexes(
                        GlobalSecondaryIndex.builder().indexName("keys").keySchema(ks("g", KeyType.HASH)).projection(p -> p.projectionType(ProjectionType.KEYS_ONLY)).build(),
                        GlobalSecondaryIndex.builder().indexName("incl").keySchema(ks("g", KeyType.HASH)).projection(p -> p.projectionType(ProjectionType.INCLUDE).nonKeyAttributes("a")).build()));
        put(t, item("pk", "1", "g", "G", "a", "A", "b", "B"));
        QueryResponse k = c.query(b -> b.tableName(t).indexName("keys").keyConditionExpression("g = :g").expressionAttributeValues(item(":g", "G")));
        assertEquals(Set.of("pk", "g"), k.items().get(0).keySet());
        QueryResponse i = c.query(b -> b.tableName(t).indexName("incl").keyConditionExpression("g = :g").expressionAttributeValues(item(":g", "G")));
        assertEquals(Set.of("pk", "g", "a"), i.items().get(0).keySet());
        validation("ALL_ATTRIBUTES is not supported", () -> c.query(b -> b.tableName(t).indexName("keys").select(Select.ALL_ATTRIBUTES)
                .keyConditionExpression("g = :g").expressionAttributeValues(item(":g", "G"))));
    }

    @Test
    @DisplayName("Scan: filter, and parallel segments that partition the table")
    void scanSegments() {
        String t = table();
        for (int i = 0; i < 50; i++) put(t, item("pk", "p" + i, "sk", "s", "i", i));
        ScanResponse f = c.scan(b -> b.tableName(t).filterExpression("i < :x").expressionAttributeValues(item(":x", 10)));
        assertEquals(10, f.count());
        assertEquals(50, f.scannedCount());
        Set<String> seen = new HashSet<>();
        int total = 0;
        for (int seg = 0; seg < 4; seg++) {
            int sg = seg;
            ScanResponse r = c.scan(b -> b.tableName(t).segment(sg).totalSegments(4));
            total += r.count();
            r.items().forEach(i -> seen.add(i.get("pk").s()));
        }
        assertEquals(50, total);
        assertEquals(50, seen.size());
        validation("Segment", () -> c.scan(b -> b.tableName(t).segment(4).totalSegments(4)));
    }

    @Test
    @DisplayName("BatchWriteItem: at most 25 requests, no duplicate keys; puts and deletes apply")
    void batchWrite() {
        String t = table();
        List<WriteRequest> reqs = new ArrayList<>();
        for (int i = 0; i < 26; i++) { String k = "b" + i; reqs.add(WriteRequest.builder().putRequest(p -> p.item(item("pk", k, "sk", "s"))).build()); }
        validation("Too many items requested for the BatchWriteItem call", () -> c.batchWriteItem(b -> b.requestItems(Map.of(t, reqs))));
        validation("Provided list of item keys contains duplicates", () -> c.batchWriteItem(b -> b.requestItems(Map.of(t, List.of(reqs.get(0), reqs.get(0))))));
        BatchWriteItemResponse r = c.batchWriteItem(b -> b.requestItems(Map.of(t, reqs.subList(0, 25))));
        assertTrue(r.unprocessedItems().isEmpty());
        c.batchWriteItem(b -> b.requestItems(Map.of(t, List.of(WriteRequest.builder().deleteRequest(d -> d.key(item("pk", "b0", "sk", "s"))).build()))));
        assertEquals(24, c.scan(b -> b.tableName(t)).count());
    }

    @Test
    @DisplayName("BatchGetItem: at most 100 keys, no duplicates; missing items are simply absent")
    void batchGet() {
        String t = table();
        for (int i = 0; i < 5; i++) put(t, item("pk", "g" + i, "sk", "s", "v", i));
        List<Map<String, AttributeValue>> keys = new ArrayList<>();
        for (int i = 0; i < 101; i++) keys.add(item("pk", "g" + i, "sk", "s"));
        validation("Too many items requested for the BatchGetItem call", () -> c.batchGetItem(b -> b.requestItems(Map.of(t, KeysAndAttributes.builder().keys(keys).build()))));
        validation("Provided list of item keys contains duplicates", () -> c.batchGetItem(b -> b.requestItems(Map.of(t, KeysAndAttributes.builder().keys(keys.get(0), keys.get(0)).build()))));
        BatchGetItemResponse r = c.batchGetItem(b -> b.requestItems(Map.of(t, KeysAndAttributes.builder().keys(keys.subList(0, 10)).projectionExpression("v").build())));
        assertEquals(5, r.responses().get(t).size());
        assertEquals(Set.of("v"), r.responses().get(t).get(0).keySet());
        assertTrue(r.unprocessedKeys().isEmpty());
    }

    @Test
    @DisplayName("BatchGetItem: a response holds at most 16 MB; the remaining keys come back as UnprocessedKeys")
    void batchGetSixteenMegabytes() {
        String t = table();
        String big = "x".repeat(390 * 1024);
        List<Map<String, AttributeValue>> keys = new ArrayList<>();
        for (int i = 0; i < 45; i++) {
            put(t, item("pk", "big" + i, "sk", "s", "blob", big));
            keys.add(item("pk", "big" + i, "sk", "s"));
        }
        BatchGetItemResponse r = c.batchGetItem(b -> b.requestItems(Map.of(t, KeysAndAttributes.builder().keys(keys).build())));
        int got = r.responses().get(t).size();
        int left = r.unprocessedKeys().containsKey(t) ? r.unprocessedKeys().get(t).keys().size() : 0;
        assertTrue(got < 45 && got >= 40, "got " + got);
        assertEquals(45, got + left);
    }

    @Test
    @DisplayName("Keys: a partition key value over 2048 bytes or a sort key value over 1024 bytes is a ValidationException")
    void keySizeLimits() {
        String t = table();
        validation("Size of hashkey has exceeded the maximum size limit", () -> put(t, item("pk", "k".repeat(2049), "sk", "s")));
        validation("Size of rangekey has exceeded the maximum size limit", () -> put(t, item("pk", "k", "sk", "s".repeat(1025))));
        put(t, item("pk", "k".repeat(2048), "sk", "s".repeat(1024)));
    }

    @Test
    @DisplayName("Query/Scan: an ExclusiveStartKey that does not match the key schema is a ValidationException")
    void badStartKey() {
        String t = table();
        validation("The provided starting key is invalid", () -> c.scan(b -> b.tableName(t).exclusiveStartKey(item("pk", "a"))));
        validation("The provided starting key is outside query boundaries based on provided conditions", () -> c.query(b -> b.tableName(t).keyConditionExpression("pk = :p")
                .expressionAttributeValues(item(":p", "a")).exclusiveStartKey(item("pk", "b", "sk", "x"))));
    }

    @Test
    @DisplayName("Stand-in limit: the legacy parameters (QueryFilter, Expected, ...) are a ValidationException naming them, never ignored")
    void legacyParametersRefused() {
        String t = table();
        put(t, item("pk", "p", "sk", "a"));
        DynamoDbException q = assertThrows(DynamoDbException.class, () -> c.query(b -> b.tableName(t)
                .keyConditionExpression("pk = :p").expressionAttributeValues(item(":p", "p"))
                .queryFilter(Map.of("sk", Condition.builder().comparisonOperator(ComparisonOperator.EQ).attributeValueList(s("b")).build()))));
        assertTrue(q.getMessage().contains("QueryFilter"), q.getMessage());
        DynamoDbException w = assertThrows(DynamoDbException.class, () -> c.putItem(b -> b.tableName(t).item(item("pk", "p", "sk", "a"))
                .expected(Map.of("pk", ExpectedAttributeValue.builder().exists(false).build()))));
        assertTrue(w.getMessage().contains("Expected"), w.getMessage());
    }
}
