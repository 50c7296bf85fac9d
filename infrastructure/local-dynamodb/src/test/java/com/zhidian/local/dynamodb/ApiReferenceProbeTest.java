package com.zhidian.local.dynamodb;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.model.*;

import java.util.List;
import java.util.Map;

import static com.zhidian.local.dynamodb.Clients.*;
import static org.junit.jupiter.api.Assertions.*;

/** Divergences found by probing the stand-in against the DynamoDB API Reference (session 17), each pinned here. */
class ApiReferenceProbeTest extends DbTestBase {

    @Test
    @DisplayName("API Reference, Query (KeyConditionExpression): an empty string partition key value is a ValidationException, as in PutItem/GetItem")
    void queryEmptyPartitionKey() {
        String t = table();
        validation("The AttributeValue for a key attribute cannot contain an empty string value. Key: pk",
                () -> c.query(b -> b.tableName(t).keyConditionExpression("pk = :p").expressionAttributeValues(item(":p", ""))));
        String g = zhidian();
        validation("The AttributeValue for a key attribute cannot contain an empty string value. Key: gsi1pk",
                () -> c.query(b -> b.tableName(g).indexName("gsi1").keyConditionExpression("gsi1pk = :p").expressionAttributeValues(item(":p", ""))));
        assertEquals(0, c.query(b -> b.tableName(t).keyConditionExpression("pk = :p").expressionAttributeValues(item(":p", "x"))).count());
    }

    @Test
    @DisplayName("Developer Guide, Update expressions / REMOVE: REMOVE a.b without a is an invalid document path; with a but no b it is a no-op")
    void removeNestedPath() {
        String t = table();
        put(t, item("pk", "r", "sk", "r", "m", AttributeValue.fromM(Map.of("x", n(1)))));
        validation("The document path provided in the update expression is invalid for update",
                () -> update(t, item("pk", "r", "sk", "r"), "REMOVE nope.a", null));
        validation("The document path provided in the update expression is invalid for update",
                () -> update(t, item("pk", "new", "sk", "r"), "REMOVE nope.a", null));
        assertNull(get(t, item("pk", "new", "sk", "r")), "a refused update writes nothing");
        Map<String, AttributeValue> after = update(t, item("pk", "r", "sk", "r"), "REMOVE m.absent", null).attributes();
        assertEquals(Map.of("x", n(1)), after.get("m").m());
        after = update(t, item("pk", "r", "sk", "r"), "REMOVE m.x", null).attributes();
        assertTrue(after.get("m").m().isEmpty());
    }

    @Test
    @DisplayName("API Reference, PutItem/UpdateItem ReturnValues: a value outside the enum fails its constraint; a valid one the operation does not take is 'Return values set to invalid value'")
    void returnValuesEnum() {
        String t = table();
        DynamoDbException e = validation("1 validation error detected: Value 'BOGUS' at 'returnValues' failed to satisfy constraint: Member must satisfy enum value set: [ALL_NEW, UPDATED_OLD, ALL_OLD, NONE, UPDATED_NEW]",
                () -> c.putItem(b -> b.tableName(t).item(item("pk", "a", "sk", "b")).returnValues("BOGUS")));
        assertNotNull(e);
        validation("at 'returnValues' failed to satisfy constraint",
                () -> c.updateItem(b -> b.tableName(t).key(item("pk", "a", "sk", "b")).updateExpression("SET v = :v").expressionAttributeValues(item(":v", 1)).returnValues("all_new")));
        validation("Return values set to invalid value", () -> c.putItem(b -> b.tableName(t).item(item("pk", "a", "sk", "b")).returnValues(ReturnValue.UPDATED_NEW)));
        validation("Return values set to invalid value", () -> c.deleteItem(b -> b.tableName(t).key(item("pk", "a", "sk", "b")).returnValues(ReturnValue.ALL_NEW)));
        assertNull(get(t, item("pk", "a", "sk", "b")), "refused writes write nothing");
    }

    @Test
    @DisplayName("API Reference, ExpressionAttributeValues: an invalid value is reported as 'ExpressionAttributeValues contains invalid value: ... for key :v'")
    void invalidExpressionValue() {
        String t = table();
        validation("ExpressionAttributeValues contains invalid value: One or more parameter values were invalid: An string set  may not be empty for key :v",
                () -> c.putItem(b -> b.tableName(t).item(item("pk", "a", "sk", "b")).conditionExpression("x = :v")
                        .expressionAttributeValues(Map.of(":v", AttributeValue.fromSs(List.of()))).build()));
        validation("ExpressionAttributeValues contains invalid value: Attempting to store more than 38 significant digits in a Number for key :n",
                () -> update(t, item("pk", "a", "sk", "b"), "SET v = :n", Map.of(":n", n("123456789012345678901234567890123456789"))));
        assertNull(get(t, item("pk", "a", "sk", "b")));
    }

    @Test
    @DisplayName("API Reference, TransactWriteItems/TransactGetItems: ReturnConsumedCapacity answers a ConsumedCapacity list per table, two units per item (Developer Guide, capacity for transactions)")
    void transactionConsumedCapacity() {
        String t = table(), u = table();
        TransactWriteItemsResponse w = c.transactWriteItems(b -> b.returnConsumedCapacity(ReturnConsumedCapacity.TOTAL).transactItems(
                TransactionConformanceTest.putTx(t, item("pk", "a", "sk", "x")),
                TransactionConformanceTest.putTx(t, item("pk", "b", "sk", "x")),
                TransactionConformanceTest.putTx(u, item("pk", "a", "sk", "x"))));
        assertEquals(2, w.consumedCapacity().size());
        assertEquals(t, w.consumedCapacity().get(0).tableName());
        assertEquals(4.0, w.consumedCapacity().get(0).capacityUnits());
        assertEquals(4.0, w.consumedCapacity().get(0).writeCapacityUnits());
        assertEquals(2.0, w.consumedCapacity().get(1).capacityUnits());
        TransactWriteItemsResponse none = c.transactWriteItems(b -> b.transactItems(TransactionConformanceTest.putTx(t, item("pk", "c", "sk", "x"))));
        assertFalse(none.hasConsumedCapacity(), "no ReturnConsumedCapacity, no ConsumedCapacity");
        TransactGetItemsResponse r = c.transactGetItems(b -> b.returnConsumedCapacity(ReturnConsumedCapacity.INDEXES).transactItems(
                TransactGetItem.builder().get(Get.builder().tableName(t).key(item("pk", "a", "sk", "x")).build()).build()));
        assertEquals(1, r.consumedCapacity().size());
        assertEquals(2.0, r.consumedCapacity().get(0).readCapacityUnits());
        assertEquals(2.0, r.consumedCapacity().get(0).table().capacityUnits());
    }

    @Test
    @DisplayName("API Reference, ConsumedCapacity: with INDEXES a Query of a GSI is charged to GlobalSecondaryIndexes.<name>, not to the table")
    void indexReadCapacity() {
        String g = zhidian();
        put(g, item("pk", "a", "sk", "x", "gsi1pk", "G", "gsi1sk", "1"));
        ConsumedCapacity cc = c.query(b -> b.tableName(g).indexName("gsi1").keyConditionExpression("gsi1pk = :p")
                .expressionAttributeValues(item(":p", "G")).returnConsumedCapacity(ReturnConsumedCapacity.INDEXES)).consumedCapacity();
        assertEquals(0.5, cc.capacityUnits());
        assertEquals(0.5, cc.globalSecondaryIndexes().get("gsi1").capacityUnits());
        assertEquals(0.0, cc.table().capacityUnits());
        ConsumedCapacity base = c.query(b -> b.tableName(g).keyConditionExpression("pk = :p")
                .expressionAttributeValues(item(":p", "a")).returnConsumedCapacity(ReturnConsumedCapacity.INDEXES)).consumedCapacity();
        assertEquals(0.5, base.table().capacityUnits());
        assertFalse(base.hasGlobalSecondaryIndexes());
    }

    @Test
    @DisplayName("API Reference, TransactWriteItems/TransactGetItems: an empty TransactItems list fails the length constraint (1 to 100)")
    void emptyTransaction() {
        validation("Value '[]' at 'transactItems' failed to satisfy constraint: Member must have length greater than or equal to 1",
                () -> c.transactWriteItems(b -> b.transactItems(List.of())));
        validation("Value '[]' at 'transactItems' failed to satisfy constraint: Member must have length greater than or equal to 1",
                () -> c.transactGetItems(b -> b.transactItems(List.of())));
    }

    @Test
    @DisplayName("API Reference, Query ExclusiveStartKey: a start key outside the key condition is a ValidationException (was a 500); one inside pages on, both directions")
    void startKeyOutsideKeyCondition() {
        String t = table();
        for (String v : List.of("a", "b", "m", "n", "o", "z")) put(t, item("pk", "p", "sk", v));
        for (boolean forward : new boolean[]{true, false}) {
            validation("The provided starting key does not match the range key predicate", () -> c.query(b -> b.tableName(t)
                    .keyConditionExpression("pk = :p AND sk > :s").scanIndexForward(forward)
                    .expressionAttributeValues(item(":p", "p", ":s", "m")).exclusiveStartKey(item("pk", "p", "sk", "b"))));
            validation("The provided starting key does not match the range key predicate", () -> c.query(b -> b.tableName(t)
                    .keyConditionExpression("pk = :p AND sk BETWEEN :a AND :b").scanIndexForward(forward)
                    .expressionAttributeValues(item(":p", "p", ":a", "b", ":b", "n")).exclusiveStartKey(item("pk", "p", "sk", "z"))));
        }
        validation("The query can return at most one row and cannot be restarted", () -> c.query(b -> b.tableName(t)
                .keyConditionExpression("pk = :p AND sk > :s").expressionAttributeValues(item(":p", "p", ":s", "m"))
                .exclusiveStartKey(item("pk", "q", "sk", "n"))));
        QueryResponse fwd = c.query(b -> b.tableName(t).keyConditionExpression("pk = :p AND sk BETWEEN :a AND :b")
                .expressionAttributeValues(item(":p", "p", ":a", "b", ":b", "o")).exclusiveStartKey(item("pk", "p", "sk", "m")));
        assertEquals(List.of("n", "o"), fwd.items().stream().map(i -> i.get("sk").s()).toList());
        QueryResponse back = c.query(b -> b.tableName(t).keyConditionExpression("pk = :p AND sk BETWEEN :a AND :b").scanIndexForward(false)
                .expressionAttributeValues(item(":p", "p", ":a", "b", ":b", "o")).exclusiveStartKey(item("pk", "p", "sk", "m")));
        assertEquals(List.of("b"), back.items().stream().map(i -> i.get("sk").s()).toList());
    }

    @Test
    @DisplayName("Developer Guide, naming rules: an attribute name up to 64 KB round-trips (was refused as a SerializationException past 50,000 characters)")
    void longAttributeName() {
        String t = table();
        String name = "n".repeat(60_000);
        put(t, item("pk", "a", "sk", "b", name, "v"));
        assertEquals("v", get(t, item("pk", "a", "sk", "b")).get(name).s());
    }

    @Test
    @DisplayName("API Reference, BatchGetItem/BatchWriteItem: ReturnConsumedCapacity answers a ConsumedCapacity list, one entry per table")
    void batchConsumedCapacity() {
        String t = table(), u = table();
        BatchWriteItemResponse w = c.batchWriteItem(b -> b.returnConsumedCapacity(ReturnConsumedCapacity.TOTAL).requestItems(Map.of(
                t, List.of(WriteRequest.builder().putRequest(p -> p.item(item("pk", "a", "sk", "x"))).build(),
                        WriteRequest.builder().putRequest(p -> p.item(item("pk", "b", "sk", "x"))).build()))));
        assertEquals(1, w.consumedCapacity().size());
        assertEquals(t, w.consumedCapacity().get(0).tableName());
        assertEquals(2.0, w.consumedCapacity().get(0).capacityUnits());
        BatchGetItemResponse g = c.batchGetItem(b -> b.returnConsumedCapacity(ReturnConsumedCapacity.TOTAL).requestItems(Map.of(
                t, KeysAndAttributes.builder().consistentRead(true).keys(item("pk", "a", "sk", "x"), item("pk", "b", "sk", "x")).build(),
                u, KeysAndAttributes.builder().keys(item("pk", "a", "sk", "x")).build())));
        Map<String, Double> byTable = new java.util.HashMap<>();
        g.consumedCapacity().forEach(cc -> byTable.put(cc.tableName(), cc.capacityUnits()));
        assertEquals(Map.of(t, 2.0, u, 0.5), byTable);
        assertFalse(c.batchGetItem(b -> b.requestItems(Map.of(t, KeysAndAttributes.builder().keys(item("pk", "a", "sk", "x")).build()))).hasConsumedCapacity());
    }

    @Test
    @DisplayName("API Reference, common parameters: ReturnConsumedCapacity and ReturnItemCollectionMetrics outside their enums are refused before any write; an empty ClientRequestToken fails its minimum length")
    void returnEnumsAndToken() {
        String t = table();
        validation("Value 'ALL' at 'returnConsumedCapacity' failed to satisfy constraint: Member must satisfy enum value set: [INDEXES, TOTAL, NONE]",
                () -> c.putItem(b -> b.tableName(t).item(item("pk", "a", "sk", "b")).returnConsumedCapacity("ALL")));
        validation("Value 'ALL' at 'returnItemCollectionMetrics' failed to satisfy constraint: Member must satisfy enum value set: [SIZE, NONE]",
                () -> c.putItem(b -> b.tableName(t).item(item("pk", "a", "sk", "b")).returnItemCollectionMetrics("ALL")));
        assertNull(get(t, item("pk", "a", "sk", "b")), "a refused request writes nothing");
        validation("Value '' at 'clientRequestToken' failed to satisfy constraint: Member must have length greater than or equal to 1",
                () -> c.transactWriteItems(b -> b.clientRequestToken("").transactItems(TransactionConformanceTest.putTx(t, item("pk", "a", "sk", "b")))));
    }

    @Test
    @DisplayName("Developer Guide, condition and update functions: attribute_exists/attribute_not_exists/if_not_exists given a value, not a path, say they require a document path")
    void functionsRequireAPath() {
        String t = table();
        validation("Invalid ConditionExpression: Operator or function requires a document path; operator or function: attribute_exists",
                () -> c.putItem(b -> b.tableName(t).item(item("pk", "a", "sk", "b")).conditionExpression("attribute_exists(:v)").expressionAttributeValues(item(":v", "x"))));
        validation("Invalid ConditionExpression: Operator or function requires a document path; operator or function: attribute_not_exists",
                () -> c.putItem(b -> b.tableName(t).item(item("pk", "a", "sk", "b")).conditionExpression("attribute_not_exists(:v)").expressionAttributeValues(item(":v", "x"))));
        validation("Invalid UpdateExpression: Operator or function requires a document path; operator or function: if_not_exists",
                () -> update(t, item("pk", "a", "sk", "b"), "SET c = if_not_exists(:z, :z)", item(":z", 0)));
        assertNull(get(t, item("pk", "a", "sk", "b")));
        assertEquals("0", update(t, item("pk", "a", "sk", "b"), "SET c = if_not_exists(c, :z)", item(":z", 0)).attributes().get("c").n());
    }
}
