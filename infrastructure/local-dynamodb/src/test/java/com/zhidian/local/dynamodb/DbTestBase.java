package com.zhidian.local.dynamodb;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.*;

import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;

import static com.zhidian.local.dynamodb.Clients.*;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** One in-memory stand-in per test class; each test makes its own table. */
abstract class DbTestBase {
    static LocalDynamoDb db;
    static DynamoDbClient c;
    private static final AtomicInteger seq = new AtomicInteger();

    @BeforeAll
    static void startDb() {
        db = LocalDynamoDb.start(LocalDynamoDb.Options.inMemory().port(0).ttlSweepInterval(java.time.Duration.ofMillis(200)));
        c = client(db.endpoint());
    }

    @AfterAll
    static void stopDb() {
        c.close();
        db.close();
    }

    /** A fresh pk (S) / sk (S) table. */
    static String table() {
        String n = "tbl" + seq.incrementAndGet();
        c.createTable(b -> b.tableName(n).billingMode(BillingMode.PAY_PER_REQUEST)
                .attributeDefinitions(ad("pk"), ad("sk")).keySchema(ks("pk", KeyType.HASH), ks("sk", KeyType.RANGE)));
        return n;
    }

    /** A fresh table with a hash key only. */
    static String hashTable(ScalarAttributeType type) {
        String n = "hash" + seq.incrementAndGet();
        c.createTable(b -> b.tableName(n).billingMode(BillingMode.PAY_PER_REQUEST)
                .attributeDefinitions(ad("id", type)).keySchema(ks("id", KeyType.HASH)));
        return n;
    }

    static String rangeTable(ScalarAttributeType rangeType) {
        String n = "range" + seq.incrementAndGet();
        c.createTable(b -> b.tableName(n).billingMode(BillingMode.PAY_PER_REQUEST)
                .attributeDefinitions(ad("pk"), ad("sk", rangeType)).keySchema(ks("pk", KeyType.HASH), ks("sk", KeyType.RANGE)));
        return n;
    }

    static String zhidian() {
        String n = "zhidian" + seq.incrementAndGet();
        createZhidianTable(c, n);
        return n;
    }

    static void put(String t, Map<String, AttributeValue> item) {
        c.putItem(b -> b.tableName(t).item(item));
    }

    static Map<String, AttributeValue> get(String t, Map<String, AttributeValue> key) {
        GetItemResponse r = c.getItem(b -> b.tableName(t).key(key).consistentRead(true));
        return r.hasItem() ? r.item() : null;
    }

    /** Asserts a ValidationException whose message contains {@code fragment}. */
    static DynamoDbException validation(String fragment, Runnable r) {
        DynamoDbException e = assertThrows(DynamoDbException.class, r::run);
        assertTrue("ValidationException".equals(e.awsErrorDetails().errorCode()), () -> "expected ValidationException, got " + e.awsErrorDetails().errorCode() + ": " + e.getMessage());
        assertTrue(e.awsErrorDetails().errorMessage().contains(fragment), () -> "message '" + e.awsErrorDetails().errorMessage() + "' lacks '" + fragment + "'");
        return e;
    }

    static UpdateItemResponse update(String t, Map<String, AttributeValue> key, String expr, Map<String, AttributeValue> values) {
        return c.updateItem(b -> {
            b.tableName(t).key(key).updateExpression(expr).returnValues(ReturnValue.ALL_NEW);
            if (values != null && !values.isEmpty()) b.expressionAttributeValues(values);
        });
    }

    static void with(Consumer<DynamoDbClient> body) { body.accept(c); }
}
