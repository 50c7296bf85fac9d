package com.zhidian.core.aws;

import static com.zhidian.core.aws.Items.s;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.zhidian.core.Env;
import com.zhidian.core.Ids;
import com.zhidian.core.testing.TestTables;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.QueryRequest;

class DynamoTest {
    final DynamoDbClient db = TestTables.client();
    final Dynamo dynamo = new Dynamo(db, Env.tableName());
    final String pk = "T#" + Ids.next("tn") + "#DYNAMO";

    private void put(String sk, String gsi) {
        db.putItem(b -> b.tableName(Env.tableName()).item(Map.of("pk", s(pk), "sk", s(sk), "gsi1pk", s(pk + "#G"), "gsi1sk", s(gsi))));
    }

    @Test
    void get_findsAnItemByItsKey_andNothingElse() {
        put("a", "1");
        assertEquals("a", dynamo.get(pk, "a").orElseThrow().get("sk").s());
        assertEquals("a", dynamo.getConsistent(pk, "a").orElseThrow().get("sk").s());
        assertTrue(dynamo.get(pk, "b").isEmpty());
        assertTrue(dynamo.getConsistent("T#nobody#DYNAMO", "a").isEmpty());
    }

    @Test
    void all_followsTheQueryToItsLastPage() {
        List<String> sks = IntStream.range(0, 11).mapToObj(i -> String.format("s%02d", i)).toList();
        sks.forEach(sk -> put(sk, "g" + sk));
        // three items a call: four calls, the last one short
        List<Map<String, AttributeValue>> items = dynamo.all(q -> q.keyConditionExpression("pk = :pk")
                .expressionAttributeValues(Map.of(":pk", s(pk))).limit(3));
        assertEquals(sks, items.stream().map(i -> i.get("sk").s()).toList());

        List<Map<String, AttributeValue>> onIndex = Dynamo.all(db, QueryRequest.builder().tableName(Env.tableName()).indexName("gsi1")
                .keyConditionExpression("gsi1pk = :pk").expressionAttributeValues(Map.of(":pk", s(pk + "#G"))).limit(2)
                .scanIndexForward(false));
        List<String> reversed = new java.util.ArrayList<>(sks);
        java.util.Collections.reverse(reversed);
        assertEquals(reversed, onIndex.stream().map(i -> i.get("sk").s()).toList());
    }

    @Test
    void all_ofAnExactMultipleOfThePage_endsWithoutAnEmptyTail() {
        IntStream.range(0, 6).forEach(i -> put("k" + i, "x" + i));
        assertEquals(6, dynamo.all(q -> q.keyConditionExpression("pk = :pk").expressionAttributeValues(Map.of(":pk", s(pk))).limit(3)).size());
        assertEquals(List.of(), dynamo.all(q -> q.keyConditionExpression("pk = :pk").expressionAttributeValues(Map.of(":pk", s(pk + "#none")))));
    }
}
