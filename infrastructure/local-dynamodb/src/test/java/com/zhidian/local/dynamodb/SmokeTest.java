package com.zhidian.local.dynamodb;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.*;

import java.util.Map;

import static com.zhidian.local.dynamodb.Clients.*;
import static org.junit.jupiter.api.Assertions.*;

class SmokeTest {
    static LocalDynamoDb db;
    static DynamoDbClient c;

    @BeforeAll
    static void up() {
        long t0 = System.nanoTime();
        db = LocalDynamoDb.start(LocalDynamoDb.Options.inMemory().port(0));
        System.out.println("start ms " + (System.nanoTime() - t0) / 1e6);
        c = client(db.endpoint());
        createZhidianTable(c, "zhidian");
    }

    @AfterAll
    static void down() { c.close(); db.close(); }

    @Test
    void basics() {
        c.putItem(b -> b.tableName("zhidian").item(item("pk", "T#1#m", "sk", "A", "points", 10, "gsi1pk", "g", "gsi1sk", "1")));
        Map<String, AttributeValue> got = c.getItem(b -> b.tableName("zhidian").key(item("pk", "T#1#m", "sk", "A"))).item();
        assertEquals("10", got.get("points").n());
        UpdateItemResponse u = c.updateItem(b -> b.tableName("zhidian").key(item("pk", "T#1#m", "sk", "A"))
                .updateExpression("ADD points :p SET #n = :n").conditionExpression("points >= :min")
                .expressionAttributeNames(Map.of("#n", "name"))
                .expressionAttributeValues(item(":p", 5, ":n", "x", ":min", 10)).returnValues(ReturnValue.ALL_NEW));
        assertEquals("15", u.attributes().get("points").n());
        assertThrows(ConditionalCheckFailedException.class, () -> c.putItem(b -> b.tableName("zhidian")
                .item(item("pk", "T#1#m", "sk", "A")).conditionExpression("attribute_not_exists(pk)")));
        QueryResponse q = c.query(b -> b.tableName("zhidian").indexName("gsi1").keyConditionExpression("gsi1pk = :g")
                .expressionAttributeValues(item(":g", "g")));
        assertEquals(1, q.count());
        TransactionCanceledException e = assertThrows(TransactionCanceledException.class, () -> c.transactWriteItems(b -> b.transactItems(
                TransactWriteItem.builder().put(Put.builder().tableName("zhidian").item(item("pk", "x", "sk", "y")).build()).build(),
                TransactWriteItem.builder().conditionCheck(ConditionCheck.builder().tableName("zhidian").key(item("pk", "T#1#m", "sk", "A"))
                        .conditionExpression("points > :v").expressionAttributeValues(item(":v", 100)).build()).build())));
        assertEquals(java.util.List.of("None", "ConditionalCheckFailed"), codes(e));
        assertFalse(c.getItem(b -> b.tableName("zhidian").key(item("pk", "x", "sk", "y"))).hasItem());
        db.setUnavailable(true);
        DynamoDbException ex = assertThrows(DynamoDbException.class, () -> c.listTables());
        assertEquals(503, ex.statusCode());
        db.setUnavailable(false);
        assertTrue(c.listTables().tableNames().contains("zhidian"));
    }
}
