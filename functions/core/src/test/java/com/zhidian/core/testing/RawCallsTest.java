package com.zhidian.core.testing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.zhidian.core.Env;
import com.zhidian.core.Ids;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;

class RawCallsTest {
    @Test
    void theCallsOfARecordingThread_replayOnAFreshStandIn_withTheSameEffect() {
        RawCalls raw = new RawCalls(TestTables.client());
        DynamoDbClient db = raw.client();
        String pk = "T#" + Ids.next("tn") + "#RAW";
        Map<String, AttributeValue> item = Map.of("pk", AttributeValue.fromS(pk), "sk", AttributeValue.fromS("a"));
        db.putItem(b -> b.tableName(Env.tableName()).item(item));            // set-up: outside
        List<RawCalls.Call> measured = new ArrayList<>();
        raw.recordInto(measured);
        db.getItem(b -> b.tableName(Env.tableName()).key(item));             // builder overload, captured too
        assertThrows(ConditionalCheckFailedException.class, () -> db.putItem(b -> b.tableName(Env.tableName()).item(item)
                .conditionExpression("attribute_not_exists(pk)")));
        raw.recordInto(null);
        db.getItem(b -> b.tableName(Env.tableName()).key(item));             // outside again

        assertEquals(List.of("putItem", "getItem"), raw.outside().stream().map(c -> c.method().getName()).toList());
        assertEquals(List.of("getItem", "putItem"), measured.stream().map(c -> c.method().getName()).toList());

        DynamoDbClient fresh = TestTables.fresh();
        assertTrue(fresh.getItem(b -> b.tableName(Env.tableName()).key(item)).item().isEmpty(), "a stand-in of its own");
        raw.outside().get(0).replay(fresh);
        assertEquals(item, fresh.getItem(b -> b.tableName(Env.tableName()).key(item)).item());
        assertThrows(ConditionalCheckFailedException.class, () -> measured.get(1).replay(fresh), "a failed condition fails again");
    }
}
