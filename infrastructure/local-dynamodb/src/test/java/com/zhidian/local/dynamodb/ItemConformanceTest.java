package com.zhidian.local.dynamodb;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.services.dynamodb.model.*;

import java.util.*;

import static com.zhidian.local.dynamodb.Clients.*;
import static org.junit.jupiter.api.Assertions.*;

/** Item operations, data types, numbers, condition and update expressions, as the DynamoDB Developer Guide documents them. */
class ItemConformanceTest extends DbTestBase {

    @Test
    @DisplayName("Data types: S, N, B, SS, NS, BS, M, L, BOOL and NULL round-trip through PutItem/GetItem")
    void allTypesRoundTrip() {
        String t = table();
        Map<String, AttributeValue> it = item("pk", "a", "sk", "b");
        it.put("s", s("héllo"));
        it.put("n", n("-12.5"));
        it.put("b", AttributeValue.fromB(SdkBytes.fromByteArray(new byte[]{0, (byte) 0xff, 7})));
        it.put("ss", AttributeValue.fromSs(List.of("x", "y")));
        it.put("ns", AttributeValue.fromNs(List.of("1", "2.5")));
        it.put("bs", AttributeValue.fromBs(List.of(SdkBytes.fromUtf8String("p"), SdkBytes.fromUtf8String("q"))));
        it.put("m", AttributeValue.fromM(Map.of("k", s("v"), "deep", AttributeValue.fromL(List.of(n(1), AttributeValue.fromBool(true))))));
        it.put("l", AttributeValue.fromL(List.of(s("a"), n(2), AttributeValue.fromNul(true))));
        it.put("bool", AttributeValue.fromBool(false));
        it.put("nul", AttributeValue.fromNul(true));
        put(t, it);
        Map<String, AttributeValue> got = get(t, item("pk", "a", "sk", "b"));
        assertEquals("héllo", got.get("s").s());
        assertEquals("-12.5", got.get("n").n());
        assertArrayEquals(new byte[]{0, (byte) 0xff, 7}, got.get("b").b().asByteArray());
        assertEquals(Set.of("x", "y"), new HashSet<>(got.get("ss").ss()));
        assertEquals(Set.of("1", "2.5"), new HashSet<>(got.get("ns").ns()));
        assertEquals(2, got.get("bs").bs().size());
        assertEquals("v", got.get("m").m().get("k").s());
        assertTrue(got.get("m").m().get("deep").l().get(1).bool());
        assertEquals(3, got.get("l").l().size());
        assertFalse(got.get("bool").bool());
        assertTrue(got.get("nul").nul());
    }

    @Test
    @DisplayName("Numbers: up to 38 digits of precision are stored exactly")
    void thirtyEightDigits() {
        String t = table();
        String big = "12345678901234567890.123456789012345678"; // 38 digits
        put(t, item("pk", "a", "sk", "b", "v", n(big), "tiny", n("1E-130"), "huge", n("9.9999999999999999999999999999999999999E+125")));
        Map<String, AttributeValue> got = get(t, item("pk", "a", "sk", "b"));
        assertEquals(big, got.get("v").n());
        assertEquals(0, new java.math.BigDecimal(got.get("huge").n()).compareTo(new java.math.BigDecimal("9.9999999999999999999999999999999999999E+125")));
    }

    @Test
    @DisplayName("Numbers: more than 38 significant digits is a ValidationException")
    void tooManyDigits() {
        String t = table();
        validation("38 significant digits", () -> put(t, item("pk", "a", "sk", "b", "v", n("123456789012345678901234567890123456789"))));
    }

    @Test
    @DisplayName("Numbers: magnitude above 9.99E+125 or below 1E-130 is a ValidationException")
    void numberRange() {
        String t = table();
        validation("Number overflow", () -> put(t, item("pk", "a", "sk", "b", "v", n("1E+126"))));
        validation("Number underflow", () -> put(t, item("pk", "a", "sk", "b", "v", n("1E-131"))));
    }

    @Test
    @DisplayName("Numbers: arithmetic is exact decimal (0.1 + 0.2 = 0.3), leading/trailing zeros are trimmed")
    void exactArithmetic() {
        String t = table();
        put(t, item("pk", "a", "sk", "b", "v", n("0.1"), "z", n("001.500")));
        UpdateItemResponse r = update(t, item("pk", "a", "sk", "b"), "SET v = v + :x", item(":x", n("0.2")));
        assertEquals("0.3", r.attributes().get("v").n());
        assertEquals("1.5", r.attributes().get("z").n());
        r = update(t, item("pk", "a", "sk", "b"), "ADD v :x", item(":x", n("1234567890123456789012345678901234567")));
        assertEquals("1234567890123456789012345678901234567.3", r.attributes().get("v").n());
        validation("38 significant digits", () -> update(t, item("pk", "a", "sk", "b"), "ADD v :x", item(":x", n("99999999999999999999999999999999999999"))));
    }

    @Test
    @DisplayName("Items: the maximum item size is 400 KB (attribute names plus values)")
    void itemSizeLimit() {
        String t = table();
        String big = "x".repeat(400 * 1024);
        validation("Item size has exceeded the maximum allowed size", () -> put(t, item("pk", "a", "sk", "b", "v", big)));
        put(t, item("pk", "a", "sk", "b", "v", "x".repeat(400 * 1024 - 100)));
    }

    @Test
    @DisplayName("Items: key attributes must be present, of the schema type, and not empty strings")
    void keyValidation() {
        String t = table();
        validation("Missing the key sk", () -> put(t, item("pk", "a")));
        validation("Type mismatch for key", () -> put(t, item("pk", "a", "sk", n(1))));
        validation("empty string", () -> put(t, item("pk", "", "sk", "x")));
        validation("The provided key element does not match the schema", () -> c.getItem(b -> b.tableName(t).key(item("pk", "a"))));
    }

    @Test
    @DisplayName("Sets: an empty set or a set with duplicates is a ValidationException")
    void setValidation() {
        String t = table();
        validation("may not be empty", () -> put(t, item("pk", "a", "sk", "b", "v", AttributeValue.fromSs(List.of()))));
        validation("contains duplicates", () -> put(t, item("pk", "a", "sk", "b", "v", AttributeValue.fromSs(List.of("a", "a")))));
    }

    @Test
    @DisplayName("Errors: a missing table is ResourceNotFoundException")
    void missingTable() {
        assertThrows(ResourceNotFoundException.class, () -> get("nope-table", item("pk", "a", "sk", "b")));
    }

    @Test
    @DisplayName("PutItem ReturnValues ALL_OLD returns the replaced item; other values are a ValidationException")
    void putReturnValues() {
        String t = table();
        put(t, item("pk", "a", "sk", "b", "v", 1));
        PutItemResponse r = c.putItem(b -> b.tableName(t).item(item("pk", "a", "sk", "b", "v", 2)).returnValues(ReturnValue.ALL_OLD));
        assertEquals("1", r.attributes().get("v").n());
        validation("Return values set to invalid value", () -> c.putItem(b -> b.tableName(t).item(item("pk", "a", "sk", "b")).returnValues(ReturnValue.ALL_NEW)));
    }

    @Test
    @DisplayName("DeleteItem ReturnValues ALL_OLD; deleting a missing item succeeds")
    void deleteItem() {
        String t = table();
        put(t, item("pk", "a", "sk", "b", "v", 1));
        DeleteItemResponse r = c.deleteItem(b -> b.tableName(t).key(item("pk", "a", "sk", "b")).returnValues(ReturnValue.ALL_OLD));
        assertEquals("1", r.attributes().get("v").n());
        assertNull(get(t, item("pk", "a", "sk", "b")));
        assertFalse(c.deleteItem(b -> b.tableName(t).key(item("pk", "a", "sk", "b")).returnValues(ReturnValue.ALL_OLD)).hasAttributes());
    }

    @Test
    @DisplayName("Condition expressions: ConditionalCheckFailedException, with the item when ReturnValuesOnConditionCheckFailure=ALL_OLD")
    void conditionFailedWithItem() {
        String t = table();
        put(t, item("pk", "a", "sk", "b", "v", 1));
        ConditionalCheckFailedException e = assertThrows(ConditionalCheckFailedException.class, () -> c.putItem(b -> b.tableName(t)
                .item(item("pk", "a", "sk", "b")).conditionExpression("attribute_not_exists(pk)")
                .returnValuesOnConditionCheckFailure(ReturnValuesOnConditionCheckFailure.ALL_OLD)));
        assertEquals("1", e.item().get("v").n());
        ConditionalCheckFailedException e2 = assertThrows(ConditionalCheckFailedException.class, () -> c.deleteItem(b -> b.tableName(t)
                .key(item("pk", "a", "sk", "b")).conditionExpression("v = :x").expressionAttributeValues(item(":x", 2))));
        assertFalse(e2.hasItem());
    }

    private boolean cond(String t, String expr, Map<String, String> names, Map<String, AttributeValue> values) {
        try {
            c.updateItem(b -> {
                b.tableName(t).key(item("pk", "c", "sk", "c")).conditionExpression(expr);
                if (names != null) b.expressionAttributeNames(names);
                if (values != null) b.expressionAttributeValues(values);
            });
            return true;
        } catch (ConditionalCheckFailedException e) {
            return false;
        }
    }

    @Test
    @DisplayName("Condition expressions: comparators, BETWEEN, IN, AND/OR/NOT precedence, parentheses and functions")
    void conditionGrammar() {
        String t = table();
        Map<String, AttributeValue> it = item("pk", "c", "sk", "c", "n", 5, "s", "hello");
        it.put("ss", AttributeValue.fromSs(List.of("red", "blue")));
        it.put("l", AttributeValue.fromL(List.of(s("x"), AttributeValue.fromM(Map.of("c", n(3))))));
        it.put("m", AttributeValue.fromM(Map.of("b", AttributeValue.fromL(List.of(n(0), n(1), AttributeValue.fromM(Map.of("c", s("deep"))))))));
        put(t, it);
        assertTrue(cond(t, "n = :v", null, item(":v", 5)));
        assertFalse(cond(t, "n <> :v", null, item(":v", 5)));
        assertTrue(cond(t, "n < :v", null, item(":v", 6)));
        assertTrue(cond(t, "n <= :v", null, item(":v", 5)));
        assertFalse(cond(t, "n > :v", null, item(":v", 5)));
        assertTrue(cond(t, "n >= :v", null, item(":v", 5)));
        assertFalse(cond(t, "n < :v", null, item(":v", "6")));  // different types never compare
        assertTrue(cond(t, "n BETWEEN :a AND :b", null, item(":a", 1, ":b", 5)));
        assertTrue(cond(t, "n IN (:a, :b)", null, item(":a", 1, ":b", 5)));
        assertTrue(cond(t, "n = :a OR n = :b AND n = :c", null, item(":a", 5, ":b", 1, ":c", 2))); // AND binds tighter
        assertFalse(cond(t, "(n = :a OR n = :b) AND n = :c", null, item(":a", 5, ":b", 1, ":c", 2)));
        assertTrue(cond(t, "NOT n = :a AND n = :b", null, item(":a", 1, ":b", 5)));
        assertTrue(cond(t, "attribute_exists(s) AND attribute_not_exists(zz)", null, null));
        assertTrue(cond(t, "attribute_type(s, :t)", null, item(":t", "S")));
        assertFalse(cond(t, "attribute_type(n, :t)", null, item(":t", "S")));
        assertTrue(cond(t, "begins_with(s, :p)", null, item(":p", "he")));
        assertTrue(cond(t, "contains(s, :p)", null, item(":p", "ell")));
        assertTrue(cond(t, "contains(ss, :p)", null, item(":p", "red")));
        assertTrue(cond(t, "contains(l, :p)", null, item(":p", "x")));
        assertTrue(cond(t, "size(s) = :n", null, item(":n", 5)));
        assertTrue(cond(t, "size(ss) = :n AND size(l) = :m", null, item(":n", 2, ":m", 2)));
        assertTrue(cond(t, "l[1].c = :v", null, item(":v", 3)));
        assertTrue(cond(t, "m.b[2].c = :v", null, item(":v", "deep")));
        assertTrue(cond(t, "#size = :v", Map.of("#size", "n"), item(":v", 5)));
        assertFalse(cond(t, "zz = :v", null, item(":v", 5)));
        assertTrue(cond(t, "zz <> :v", null, item(":v", 5)));  // a missing attribute is not equal to anything
        assertTrue(cond(t, "(n) = :v AND ((s = :s))", null, item(":v", 5, ":s", "hello"))); // parenthesised operands and conditions
        assertTrue(cond(t, "n IN (:a) OR size(s) BETWEEN :a AND :b", null, item(":a", 1, ":b", 9)));
    }

    @Test
    @DisplayName("Expressions: unused ExpressionAttributeValues/Names, undefined placeholders and reserved words are ValidationExceptions")
    void placeholderErrors() {
        String t = table();
        put(t, item("pk", "c", "sk", "c", "n", 1));
        validation("unused in expressions", () -> cond(t, "n = :v", null, item(":v", 1, ":w", 2)));
        validation("unused in expressions", () -> cond(t, "n = :v", Map.of("#x", "n"), item(":v", 1)));
        validation("An expression attribute value used in expression is not defined", () -> cond(t, "n = :zz", null, item(":v", 1)));
        validation("An expression attribute name used in the document path is not defined", () -> cond(t, "#zz = :v", null, item(":v", 1)));
        validation("Attribute name is a reserved keyword; reserved keyword: size", () -> cond(t, "attribute_exists(size)", null, null));
        validation("Syntax error", () -> cond(t, "n = = :v", null, item(":v", 1)));
        validation("Invalid function name", () -> cond(t, "nosuch(n)", null, null));
    }

    @Test
    @DisplayName("Update expressions: SET with + and -, if_not_exists, list_append; values computed from the item before the update")
    void updateSet() {
        String t = table();
        Map<String, AttributeValue> k = item("pk", "u", "sk", "u");
        UpdateItemResponse r = update(t, k, "SET a = :one, l = :l, cnt = if_not_exists(cnt, :zero) + :one", item(":one", 1, ":zero", 0, ":l", AttributeValue.fromL(List.of(n(1)))));
        assertEquals("1", r.attributes().get("cnt").n());
        r = update(t, k, "SET cnt = if_not_exists(cnt, :zero) + :one, l = list_append(l, :more), b = a", item(":one", 1, ":zero", 0, ":more", AttributeValue.fromL(List.of(n(2)))));
        assertEquals("2", r.attributes().get("cnt").n());
        assertEquals(2, r.attributes().get("l").l().size());
        assertEquals("1", r.attributes().get("b").n());
        r = update(t, k, "SET a = a - :two, l = list_append(:front, l)", item(":two", 2, ":front", AttributeValue.fromL(List.of(n(0)))));
        assertEquals("-1", r.attributes().get("a").n());
        assertEquals("0", r.attributes().get("l").l().get(0).n());
        validation("incorrect data type", () -> update(t, k, "SET a = l + :one", item(":one", 1)));
        validation("attribute that does not exist", () -> update(t, k, "SET a = nothere + :one", item(":one", 1)));
    }

    @Test
    @DisplayName("Update expressions: nested document paths; SET of a missing parent is a ValidationException; list index past the end appends")
    void updateNested() {
        String t = table();
        Map<String, AttributeValue> k = item("pk", "u", "sk", "n");
        put(t, Map.of("pk", s("u"), "sk", s("n"), "m", AttributeValue.fromM(Map.of("l", AttributeValue.fromL(List.of(n(1), n(2))))))) ;
        UpdateItemResponse r = update(t, k, "SET m.l[1] = :v, m.x = :v, m.l[9] = :w", item(":v", 7, ":w", 9));
        assertEquals(List.of("1", "7", "9"), r.attributes().get("m").m().get("l").l().stream().map(AttributeValue::n).toList());
        assertEquals("7", r.attributes().get("m").m().get("x").n());
        validation("document path provided in the update expression is invalid", () -> update(t, k, "SET nope.x = :v", item(":v", 1)));
    }

    @Test
    @DisplayName("Update expressions: REMOVE attributes and list elements (elements shift down)")
    void updateRemove() {
        String t = table();
        Map<String, AttributeValue> k = item("pk", "u", "sk", "r");
        put(t, Map.of("pk", s("u"), "sk", s("r"), "a", n(1), "l", AttributeValue.fromL(List.of(n(0), n(1), n(2), n(3)))));
        UpdateItemResponse r = update(t, k, "REMOVE a, l[1], l[2]", null);
        assertFalse(r.attributes().containsKey("a"));
        assertEquals(List.of("0", "3"), r.attributes().get("l").l().stream().map(AttributeValue::n).toList());
    }

    @Test
    @DisplayName("Update expressions: ADD numbers and sets, DELETE set elements; an emptied set is removed")
    void updateAddDelete() {
        String t = table();
        Map<String, AttributeValue> k = item("pk", "u", "sk", "a");
        UpdateItemResponse r = update(t, k, "ADD cnt :n, tags :t", Map.of(":n", n(3), ":t", AttributeValue.fromSs(List.of("a", "b"))));
        assertEquals("3", r.attributes().get("cnt").n());
        r = update(t, k, "ADD cnt :n, tags :t", Map.of(":n", n(-1), ":t", AttributeValue.fromSs(List.of("b", "c"))));
        assertEquals("2", r.attributes().get("cnt").n());
        assertEquals(Set.of("a", "b", "c"), new HashSet<>(r.attributes().get("tags").ss()));
        r = update(t, k, "DELETE tags :t", Map.of(":t", AttributeValue.fromSs(List.of("a", "b", "c"))));
        assertFalse(r.attributes().containsKey("tags"));
        validation("incorrect data type", () -> update(t, k, "ADD cnt :t", Map.of(":t", AttributeValue.fromSs(List.of("x")))));
        validation("Incorrect operand type for operator or function; operator: ADD", () -> update(t, k, "ADD cnt :t", Map.of(":t", s("x"))));
    }

    @Test
    @DisplayName("Update expressions: overlapping paths, repeated sections and key attributes are ValidationExceptions")
    void updateErrors() {
        String t = table();
        Map<String, AttributeValue> k = item("pk", "u", "sk", "e");
        validation("Two document paths overlap", () -> update(t, k, "SET a = :v, a.b = :v", item(":v", 1)));
        validation("Two document paths overlap", () -> update(t, k, "SET a = :v REMOVE a", item(":v", 1)));
        validation("can only be used once", () -> update(t, k, "SET a = :v SET b = :v", item(":v", 1)));
        validation("This attribute is part of the key", () -> update(t, k, "SET sk = :v", item(":v", "x")));
    }

    @Test
    @DisplayName("UpdateItem creates the item (key only) when it is missing; ReturnValues UPDATED_OLD/UPDATED_NEW return only updated attributes")
    void updateUpsertAndReturnValues() {
        String t = table();
        Map<String, AttributeValue> k = item("pk", "u", "sk", "v");
        c.updateItem(b -> b.tableName(t).key(k));
        assertEquals(k, get(t, k));
        put(t, item("pk", "u", "sk", "v", "a", 1, "b", 2));
        UpdateItemResponse r = c.updateItem(b -> b.tableName(t).key(k).updateExpression("SET a = :x").expressionAttributeValues(item(":x", 5))
                .returnValues(ReturnValue.UPDATED_OLD));
        assertEquals(Map.of("a", n(1)), r.attributes());
        r = c.updateItem(b -> b.tableName(t).key(k).updateExpression("SET a = :x").expressionAttributeValues(item(":x", 6))
                .returnValues(ReturnValue.UPDATED_NEW));
        assertEquals(Map.of("a", n(6)), r.attributes());
    }

    @Test
    @DisplayName("Projection expressions: top-level, nested and list-index paths")
    void projection() {
        String t = table();
        put(t, Map.of("pk", s("p"), "sk", s("p"), "a", n(1), "b", n(2),
                "m", AttributeValue.fromM(Map.of("x", n(1), "y", n(2))), "l", AttributeValue.fromL(List.of(s("l0"), s("l1"), s("l2")))));
        GetItemResponse r = c.getItem(b -> b.tableName(t).key(item("pk", "p", "sk", "p")).projectionExpression("a, m.y, l[2], #n")
                .expressionAttributeNames(Map.of("#n", "nothere")));
        assertEquals(Set.of("a", "m", "l"), r.item().keySet());
        assertEquals(Map.of("y", n(2)), r.item().get("m").m());
        assertEquals(List.of(s("l2")), r.item().get("l").l());
    }

    @Test
    @DisplayName("Expressions: at most 4 KB per expression; placeholder keys must start with # and :")
    void expressionLimits() {
        String t = table();
        put(t, item("pk", "c", "sk", "c", "n", 1));
        String big = "attribute_exists(n)" + " AND attribute_exists(n)".repeat(200);
        validation("Expression size has exceeded the maximum allowed size", () -> cond(t, big, null, null));
        validation("ExpressionAttributeNames contains invalid key", () -> cond(t, "n = :v", Map.of("x", "n"), item(":v", 1)));
        validation("ExpressionAttributeValues contains invalid key", () -> cond(t, "n = :v", null, item(":v", 1, "v", 2)));
    }

    @Test
    @DisplayName("Data types: documents nest at most 32 levels")
    void nestingLimit() {
        String t = table();
        AttributeValue v = s("leaf");
        for (int i = 0; i < 32; i++) v = AttributeValue.fromM(Map.of("d", v));
        AttributeValue ok = v;
        put(t, Map.of("pk", s("d"), "sk", s("d"), "doc", ok));
        AttributeValue tooDeep = AttributeValue.fromL(List.of(ok));
        validation("Nesting Levels have exceeded supported limits", () -> put(t, Map.of("pk", s("d"), "sk", s("d"), "doc", tooDeep)));
    }

    @Test
    @DisplayName("ReturnConsumedCapacity TOTAL reports the table and capacity units")
    void consumedCapacity() {
        String t = table();
        PutItemResponse r = c.putItem(b -> b.tableName(t).item(item("pk", "c", "sk", "c")).returnConsumedCapacity(ReturnConsumedCapacity.TOTAL));
        assertEquals(t, r.consumedCapacity().tableName());
        assertEquals(1.0, r.consumedCapacity().capacityUnits());
        GetItemResponse g = c.getItem(b -> b.tableName(t).key(item("pk", "c", "sk", "c")).returnConsumedCapacity(ReturnConsumedCapacity.TOTAL));
        assertEquals(0.5, g.consumedCapacity().capacityUnits());
    }

    @Test
    @DisplayName("LSI: a local secondary index shares the partition key, orders by its own sort key and allows consistent reads")
    void localSecondaryIndex() {
        String t = "lsi" + UUID.randomUUID().toString().substring(0, 6);
        c.createTable(b -> b.tableName(t).billingMode(BillingMode.PAY_PER_REQUEST)
                .attributeDefinitions(ad("pk"), ad("sk"), ad("at", ScalarAttributeType.N))
                .keySchema(ks("pk", KeyType.HASH), ks("sk", KeyType.RANGE))
                .localSecondaryIndexes(LocalSecondaryIndex.builder().indexName("byAt").keySchema(ks("pk", KeyType.HASH), ks("at", KeyType.RANGE))
                        .projection(p -> p.projectionType(ProjectionType.ALL)).build()));
        put(t, item("pk", "p", "sk", "a", "at", 3));
        put(t, item("pk", "p", "sk", "b", "at", 1));
        put(t, item("pk", "p", "sk", "c"));
        QueryResponse r = c.query(b -> b.tableName(t).indexName("byAt").consistentRead(true).keyConditionExpression("pk = :p AND #at > :z")
                .expressionAttributeNames(Map.of("#at", "at")).expressionAttributeValues(item(":p", "p", ":z", 0)));
        assertEquals(List.of("b", "a"), r.items().stream().map(i -> i.get("sk").s()).toList());
        validation("does not have the same leading hash key", () -> c.createTable(b -> b.tableName(t + "x").billingMode(BillingMode.PAY_PER_REQUEST)
                .attributeDefinitions(ad("pk"), ad("sk"), ad("other"))
                .keySchema(ks("pk", KeyType.HASH), ks("sk", KeyType.RANGE))
                .localSecondaryIndexes(LocalSecondaryIndex.builder().indexName("bad").keySchema(ks("other", KeyType.HASH), ks("sk", KeyType.RANGE))
                        .projection(p -> p.projectionType(ProjectionType.ALL)).build())));
    }
}
