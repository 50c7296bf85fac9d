package com.zhidian.local.dynamodb;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.model.*;

import java.util.*;

import static com.zhidian.local.dynamodb.Clients.*;
import static org.junit.jupiter.api.Assertions.*;

/** TransactWriteItems / TransactGetItems as the DynamoDB API Reference documents them. */
class TransactionConformanceTest extends DbTestBase {

    static TransactWriteItem putTx(String t, Map<String, AttributeValue> item) {
        return TransactWriteItem.builder().put(Put.builder().tableName(t).item(item).build()).build();
    }

    static TransactWriteItem checkTx(String t, Map<String, AttributeValue> key, String cond, Map<String, AttributeValue> values, boolean allOld) {
        return TransactWriteItem.builder().conditionCheck(ConditionCheck.builder().tableName(t).key(key).conditionExpression(cond)
                .expressionAttributeValues(values)
                .returnValuesOnConditionCheckFailure(allOld ? ReturnValuesOnConditionCheckFailure.ALL_OLD : ReturnValuesOnConditionCheckFailure.NONE).build()).build();
    }

    static TransactWriteItem addTx(String t, Map<String, AttributeValue> key, long n) {
        return TransactWriteItem.builder().update(Update.builder().tableName(t).key(key).updateExpression("ADD cnt :n")
                .expressionAttributeValues(item(":n", n)).build()).build();
    }

    @Test
    @DisplayName("TransactWriteItems: Put, Update, Delete and ConditionCheck apply all together")
    void allApply() {
        String t = table();
        put(t, item("pk", "del", "sk", "x"));
        put(t, item("pk", "chk", "sk", "x", "ok", 1));
        c.transactWriteItems(b -> b.transactItems(
                putTx(t, item("pk", "new", "sk", "x")),
                addTx(t, item("pk", "cnt", "sk", "x"), 5),
                TransactWriteItem.builder().delete(Delete.builder().tableName(t).key(item("pk", "del", "sk", "x")).build()).build(),
                checkTx(t, item("pk", "chk", "sk", "x"), "ok = :o", item(":o", 1), false)));
        assertNotNull(get(t, item("pk", "new", "sk", "x")));
        assertEquals("5", get(t, item("pk", "cnt", "sk", "x")).get("cnt").n());
        assertNull(get(t, item("pk", "del", "sk", "x")));
    }

    @Test
    @DisplayName("TransactWriteItems: a failed condition cancels all actions; CancellationReasons are in action order, with the item for ALL_OLD")
    void cancellationReasons() {
        String t = table();
        put(t, item("pk", "chk", "sk", "x", "ok", 0));
        TransactionCanceledException e = assertThrows(TransactionCanceledException.class, () -> c.transactWriteItems(b -> b.transactItems(
                putTx(t, item("pk", "new", "sk", "x")),
                checkTx(t, item("pk", "chk", "sk", "x"), "ok = :o", item(":o", 1), true),
                addTx(t, item("pk", "cnt", "sk", "x"), 5))));
        assertEquals(List.of("None", "ConditionalCheckFailed", "None"), codes(e));
        assertEquals("0", e.cancellationReasons().get(1).item().get("ok").n());
        assertTrue(e.getMessage().contains("[None, ConditionalCheckFailed, None]"));
        assertNull(get(t, item("pk", "new", "sk", "x")));
        assertNull(get(t, item("pk", "cnt", "sk", "x")));
    }

    @Test
    @DisplayName("TransactWriteItems: a data type error in one action cancels with Code ValidationError")
    void validationErrorReason() {
        String t = table();
        put(t, item("pk", "s", "sk", "x", "cnt", "text"));
        TransactionCanceledException e = assertThrows(TransactionCanceledException.class, () -> c.transactWriteItems(b -> b.transactItems(
                putTx(t, item("pk", "new", "sk", "x")), addTx(t, item("pk", "s", "sk", "x"), 1))));
        assertEquals(List.of("None", "ValidationError"), codes(e));
    }

    @Test
    @DisplayName("TransactWriteItems: at most 100 actions; two actions on one item are a ValidationException")
    void limits() {
        String t = table();
        List<TransactWriteItem> many = new ArrayList<>();
        for (int i = 0; i < 101; i++) many.add(putTx(t, item("pk", "p" + i, "sk", "x")));
        validation("less than or equal to 100", () -> c.transactWriteItems(b -> b.transactItems(many)));
        c.transactWriteItems(b -> b.transactItems(many.subList(0, 100)));
        assertEquals(100, c.scan(b -> b.tableName(t)).count());
        validation("Transaction request cannot include multiple operations on one item", () -> c.transactWriteItems(b -> b.transactItems(
                putTx(t, item("pk", "p1", "sk", "x")), addTx(t, item("pk", "p1", "sk", "x"), 1))));
    }

    @Test
    @DisplayName("TransactWriteItems: ClientRequestToken makes a retry within 10 minutes a no-op; other parameters with the same token are IdempotentParameterMismatchException")
    void clientRequestToken() {
        String t = table();
        String token = UUID.randomUUID().toString();
        for (int i = 0; i < 3; i++) c.transactWriteItems(b -> b.clientRequestToken(token).transactItems(addTx(t, item("pk", "c", "sk", "x"), 1)));
        assertEquals("1", get(t, item("pk", "c", "sk", "x")).get("cnt").n());
        assertThrows(IdempotentParameterMismatchException.class, () -> c.transactWriteItems(b -> b.clientRequestToken(token)
                .transactItems(addTx(t, item("pk", "c", "sk", "x"), 2))));
    }

    @Test
    @DisplayName("TransactGetItems: reads several items at once, in request order, absent items as empty responses")
    void transactGet() {
        String t = table();
        put(t, item("pk", "a", "sk", "x", "v", 1));
        put(t, item("pk", "b", "sk", "x", "v", 2));
        TransactGetItemsResponse r = c.transactGetItems(b -> b.transactItems(
                TransactGetItem.builder().get(g -> g.tableName(t).key(item("pk", "b", "sk", "x"))).build(),
                TransactGetItem.builder().get(g -> g.tableName(t).key(item("pk", "none", "sk", "x"))).build(),
                TransactGetItem.builder().get(g -> g.tableName(t).key(item("pk", "a", "sk", "x")).projectionExpression("v")).build()));
        assertEquals("2", r.responses().get(0).item().get("v").n());
        assertFalse(r.responses().get(1).hasItem() && !r.responses().get(1).item().isEmpty());
        assertEquals(Set.of("v"), r.responses().get(2).item().keySet());
    }

    @Test
    @DisplayName("Isolation: concurrent conditional transfers are serializable (no lost update, balance never negative)")
    void serializableUnderContention() throws Exception {
        String t = table();
        put(t, item("pk", "acct", "sk", "a", "bal", 100));
        put(t, item("pk", "acct", "sk", "b", "bal", 0));
        int threads = 8, perThread = 40;
        java.util.concurrent.ExecutorService pool = java.util.concurrent.Executors.newFixedThreadPool(threads);
        java.util.concurrent.atomic.AtomicInteger ok = new java.util.concurrent.atomic.AtomicInteger();
        List<java.util.concurrent.Future<?>> fs = new ArrayList<>();
        for (int th = 0; th < threads; th++) fs.add(pool.submit(() -> {
            for (int i = 0; i < perThread; i++) {
                try {
                    c.transactWriteItems(b -> b.transactItems(
                            TransactWriteItem.builder().update(Update.builder().tableName(t).key(item("pk", "acct", "sk", "a"))
                                    .updateExpression("SET bal = bal - :one").conditionExpression("bal >= :one").expressionAttributeValues(item(":one", 1)).build()).build(),
                            TransactWriteItem.builder().update(Update.builder().tableName(t).key(item("pk", "acct", "sk", "b"))
                                    .updateExpression("SET bal = bal + :one").expressionAttributeValues(item(":one", 1)).build()).build()));
                    ok.incrementAndGet();
                } catch (TransactionCanceledException e) {
                    // insufficient balance
                }
            }
        }));
        for (var f : fs) f.get();
        pool.shutdown();
        assertEquals(100, ok.get());
        assertEquals("0", get(t, item("pk", "acct", "sk", "a")).get("bal").n());
        assertEquals("100", get(t, item("pk", "acct", "sk", "b")).get("bal").n());
    }

    @Test
    @DisplayName("Isolation: of concurrent conditional puts with attribute_not_exists exactly one succeeds; concurrent ADDs lose no increment")
    void conditionalPutsAndAddsUnderContention() throws Exception {
        String t = table();
        int threads = 8;
        java.util.concurrent.ExecutorService pool = java.util.concurrent.Executors.newFixedThreadPool(threads);
        java.util.concurrent.atomic.AtomicInteger winners = new java.util.concurrent.atomic.AtomicInteger();
        java.util.concurrent.CountDownLatch go = new java.util.concurrent.CountDownLatch(1);
        List<java.util.concurrent.Future<?>> fs = new ArrayList<>();
        for (int th = 0; th < threads; th++) {
            int me = th;
            fs.add(pool.submit(() -> {
                go.await();
                for (int round = 0; round < 20; round++) {
                    try {
                        int r = round;
                        c.putItem(b -> b.tableName(t).item(item("pk", "lock" + r, "sk", "x", "owner", me)).conditionExpression("attribute_not_exists(pk)"));
                        winners.incrementAndGet();
                    } catch (ConditionalCheckFailedException e) {
                        // someone else holds it
                    }
                    c.updateItem(b -> b.tableName(t).key(item("pk", "counter", "sk", "x")).updateExpression("ADD cnt :one").expressionAttributeValues(item(":one", 1)));
                }
                return null;
            }));
        }
        go.countDown();
        for (var f : fs) f.get();
        pool.shutdown();
        assertEquals(20, winners.get());
        assertEquals(String.valueOf(threads * 20), get(t, item("pk", "counter", "sk", "x")).get("cnt").n());
    }
}
